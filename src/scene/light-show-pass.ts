import { Color, type Material, type MeshStandardMaterial, type Object3D } from 'three'

interface Original {
  color: Color
  intensity: number
  /** The pass in which the material was last found in the scene. */
  seen: number
}

function isLit(material: Material): material is MeshStandardMaterial {
  const m = material as Partial<MeshStandardMaterial>
  return m.emissive instanceof Color && (m.emissive.r > 0 || m.emissive.g > 0 || m.emissive.b > 0)
}

/** One frame of the light show over a scene, and the way back to the materials' own light. */
export interface LightShowPass {
  /** Pulses the lit (emissive) materials under `root` at `seconds` into the show: LEDs, windows, floodlit stone. */
  run(root: Object3D, seconds: number, reducedMotion: boolean): void
  /** Gives every material the pass has touched its own light back, and forgets them. */
  restore(): void
}

/**
 * The light show's per-frame work, made once per canvas: one walk of the scene a frame, no allocation after a
 * material is first seen, and each material found once however many meshes share it. The coloured LEDs run
 * through the colours and everything lit pulses; with reduced motion, a slow colour drift without pulsing.
 */
export function createLightShowPass(): LightShowPass {
  const originals = new Map<MeshStandardMaterial, Original>()
  const hsl = { h: 0, s: 0, l: 0 }
  const frame = { pass: 0, seconds: 0, reduced: false, index: 0 }

  const light = (material: Material) => {
    if (!isLit(material)) return
    let original = originals.get(material)
    if (original?.seen === frame.pass) return
    if (!original) {
      original = { color: material.emissive.clone(), intensity: material.emissiveIntensity, seen: frame.pass }
      originals.set(material, original)
    }
    original.seen = frame.pass
    const k = frame.index++
    original.color.getHSL(hsl)
    const coloured = hsl.s > 0.5
    const speed = frame.reduced ? 0.02 : 0.15
    if (coloured) material.emissive.setHSL((hsl.h + frame.seconds * speed + k * 0.17) % 1, hsl.s, hsl.l)
    const pulse = frame.reduced ? 1 : 0.55 + 0.45 * Math.sin(frame.seconds * 2.4 + k * 1.3)
    material.emissiveIntensity = original.intensity * (coloured ? 0.6 + 0.9 * pulse : 0.75 + 0.25 * pulse)
  }
  const visit = (object: Object3D) => {
    const material = (object as { material?: Material | Material[] }).material
    if (Array.isArray(material)) for (let i = 0; i < material.length; i++) light(material[i]!)
    else if (material) light(material)
  }
  // Materials of a stop that was left are disposed: forget them rather than hold them for the whole show.
  const forgetUnseen = (original: Original, material: MeshStandardMaterial) => {
    if (original.seen !== frame.pass) originals.delete(material)
  }
  const giveBack = (original: Original, material: MeshStandardMaterial) => {
    material.emissive.copy(original.color)
    material.emissiveIntensity = original.intensity
  }

  return {
    run(root, seconds, reducedMotion) {
      frame.pass++
      frame.seconds = seconds
      frame.reduced = reducedMotion
      frame.index = 0
      root.traverse(visit)
      originals.forEach(forgetUnseen)
    },
    restore() {
      originals.forEach(giveBack)
      originals.clear()
    },
  }
}
