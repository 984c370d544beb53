import { useGLTF } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import { Box3, MathUtils, Vector3, type Group } from 'three'

import type { Vec3 } from '@/route/schema'

import { disposeObject3D } from './dispose-object3d'

/** What orbit controls expose that the framing needs. */
interface Controls {
  target: Vector3
  update(): void
}

/** How a model sits in the scene, from the route JSON. */
export interface Placement {
  scale?: number | undefined
  rotation?: Vec3 | undefined
  anchor?: Vec3 | undefined
}

/**
 * Draco decoders served by the app itself (copied from three into `draco/` at build time), never a CDN.
 * Passing the path costs nothing for the default route's meshopt models: the decoder is fetched only when a
 * model actually uses KHR_draco_mesh_compression.
 */
export const DRACO_PATH = `${import.meta.env.BASE_URL}draco/`

/**
 * One stop's landmark: loads the GLB (meshopt or Draco, decoded from the app's own origin), places it as the
 * route says, frames the camera on it, reports the first frame drawn with it, and frees its GPU resources
 * when the stop changes. `children` (hotspot markers) live in the model's own coordinates.
 */
export function StopModel({
  url,
  placement = {},
  onReady,
  onFramed,
  children,
}: {
  url: string
  placement?: Placement
  onReady: () => void
  onFramed?: (frame: { position: Vec3; target: Vec3 }) => void
  children?: ReactNode
}) {
  const gltf = useGLTF(url, DRACO_PATH, true)
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as unknown as Controls | null
  const invalidate = useThree((s) => s.invalidate)
  const group = useRef<Group>(null)
  const reported = useRef(false)
  const framed = useRef(onFramed)
  useEffect(() => {
    framed.current = onFramed
  })
  const { scale = 1, rotation = [0, 0, 0], anchor = [0, 0, 0] } = placement
  const placementKey = JSON.stringify([scale, rotation, anchor])

  useLayoutEffect(() => {
    if (!group.current) return
    group.current.updateWorldMatrix(true, true)
    const box = new Box3().setFromObject(group.current)
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
    framed.current?.({ position: camera.position.toArray(), target: center.toArray() })
    invalidate()
  }, [gltf, camera, controls, invalidate, placementKey])

  useEffect(
    () => () => {
      // Loaded models are not cached across stops: a kiosk cycling for hours keeps one model in memory.
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

  return (
    <group
      ref={group}
      scale={scale}
      rotation={[
        MathUtils.degToRad(rotation[0]),
        MathUtils.degToRad(rotation[1]),
        MathUtils.degToRad(rotation[2]),
      ]}
    >
      <group position={[-anchor[0], -anchor[1], -anchor[2]]}>
        <primitive object={gltf.scene} />
        {children}
      </group>
    </group>
  )
}
