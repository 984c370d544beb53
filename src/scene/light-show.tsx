import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Color, type Material, type MeshStandardMaterial, type Object3D } from 'three'

interface Original {
  color: Color
  intensity: number
}

function isLit(material: Material): material is MeshStandardMaterial {
  const m = material as Partial<MeshStandardMaterial>
  return m.emissive instanceof Color && (m.emissive.r > 0 || m.emissive.g > 0 || m.emissive.b > 0)
}

/** The emissive (lit) materials under `root`: LEDs, windows, floodlit stone. */
function litMaterials(root: Object3D): MeshStandardMaterial[] {
  const found = new Set<MeshStandardMaterial>()
  root.traverse((object) => {
    const material = (object as { material?: Material | Material[] }).material
    for (const m of Array.isArray(material) ? material : material ? [material] : [])
      if (isLit(m)) found.add(m)
  })
  return [...found]
}

/**
 * A city lighting festival on the open landmark and its riverfront: while on, their lit materials pulse
 * and the coloured LEDs run through the colours, and the canvas renders continuously. When off, the materials
 * get their own light back and the canvas returns to rendering on demand. Reduced motion: a slow colour drift
 * without pulsing.
 */
export function LightShow({ on }: { on: boolean }) {
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const originals = useRef(new Map<MeshStandardMaterial, Original>())
  const reduce = useRef(false)

  useEffect(() => {
    reduce.current = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    const saved = originals.current
    invalidate()
    return () => {
      // Give every material its own light back (a disposed one is simply forgotten).
      for (const [material, original] of saved) {
        material.emissive.copy(original.color)
        material.emissiveIntensity = original.intensity
      }
      saved.clear()
      invalidate()
    }
  }, [on, invalidate])

  useFrame(({ clock }) => {
    if (!on) return
    const t = clock.getElapsedTime()
    const hsl = { h: 0, s: 0, l: 0 }
    const lit = litMaterials(scene)
    // Materials of a stop that was left are disposed: forget them rather than hold them for the whole show.
    for (const material of originals.current.keys())
      if (!lit.includes(material)) originals.current.delete(material)
    lit.forEach((material, k) => {
      let original = originals.current.get(material)
      if (!original) {
        original = { color: material.emissive.clone(), intensity: material.emissiveIntensity }
        originals.current.set(material, original)
      }
      original.color.getHSL(hsl)
      const coloured = hsl.s > 0.5
      const speed = reduce.current ? 0.02 : 0.15
      if (coloured) material.emissive.setHSL((hsl.h + t * speed + k * 0.17) % 1, hsl.s, hsl.l)
      const pulse = reduce.current ? 1 : 0.55 + 0.45 * Math.sin(t * 2.4 + k * 1.3)
      material.emissiveIntensity = original.intensity * (coloured ? 0.6 + 0.9 * pulse : 0.75 + 0.25 * pulse)
    })
    invalidate()
  })

  return null
}
