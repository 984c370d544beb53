import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { Vector3 } from 'three'
import { create } from 'zustand'

import type { Vec3 } from '@/route/schema'

import { useOrbitControls } from './use-orbit-controls'

/** Where the camera stands and what it looks at, in scene metres: a stop's camera view as route.json writes it. */
export interface CameraPose {
  position: Vec3
  target: Vec3
}

/**
 * How to read the 3D camera's pose now, or null while no canvas offers it. A function rather than the pose
 * itself: nothing is written per frame, and the pose is exact when the curator asks for it.
 */
export const useCameraCapture = create<{ read: (() => CameraPose) | null }>()(() => ({ read: null }))

/** Mounted inside the Canvas: lets the studio's "use this view" read the orbit camera's pose. */
export function CameraCapture() {
  const camera = useThree((s) => s.camera)
  const controls = useOrbitControls()
  useEffect(() => {
    const read = (): CameraPose => {
      // Without orbit controls, the camera looks 100 m ahead of itself.
      const target =
        controls?.target.clone() ??
        camera.getWorldDirection(new Vector3()).multiplyScalar(100).add(camera.position)
      return { position: camera.position.toArray(), target: target.toArray() }
    }
    useCameraCapture.setState({ read })
    return () => {
      if (useCameraCapture.getState().read === read) useCameraCapture.setState({ read: null })
    }
  }, [camera, controls])
  return null
}
