import { useGLTF } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { Box3, Vector3 } from 'three'

import { disposeObject3D } from './dispose-object3d'

/** What orbit controls expose that the framing needs. */
interface Controls {
  target: Vector3
  update(): void
}

/**
 * One stop's landmark: loads the GLB (meshopt-compressed, decoded without any network), frames the camera on
 * it, reports the first frame drawn with it, and frees its GPU resources when the stop changes.
 */
export function StopModel({ url, onReady }: { url: string; onReady: () => void }) {
  // Draco off: the default route's models are meshopt, and drei's default Draco decoder lives on a CDN.
  const gltf = useGLTF(url, false, true)
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as unknown as Controls | null
  const invalidate = useThree((s) => s.invalidate)
  const reported = useRef(false)

  useLayoutEffect(() => {
    const box = new Box3().setFromObject(gltf.scene)
    const size = box.getSize(new Vector3())
    const center = box.getCenter(new Vector3())
    const radius = Math.max(size.x, size.y, size.z) / 2
    const distance = radius / Math.sin(((40 / 2) * Math.PI) / 180)
    camera.position.set(center.x + distance * 0.55, center.y + distance * 0.3, center.z + distance * 0.8)
    camera.lookAt(center)
    if (controls) {
      controls.target.copy(center)
      controls.update()
    }
    invalidate()
  }, [gltf, camera, controls, invalidate])

  useEffect(
    () => () => {
      useGLTF.clear(url)
      disposeObject3D(gltf.scene)
    },
    [url, gltf],
  )

  useFrame(() => {
    if (reported.current) return
    reported.current = true
    // Reported after this frame has been drawn, so a screenshot then shows the model.
    requestAnimationFrame(onReady)
  })

  return <primitive object={gltf.scene} />
}
