import { useThree } from '@react-three/fiber'
import { Vector3 } from 'three'

/** What the scene's orbit controls (`<OrbitControls makeDefault>`) offer the code that frames and moves the camera. */
export interface OrbitControlsLike {
  /** The point the camera orbits about and looks at. */
  target: Vector3
  /** Applies a changed target or camera position to the controls. */
  update(): void
}

/** Whether the canvas's default controls are orbit controls (R3F types them only as an event dispatcher). */
export function isOrbitControls(controls: unknown): controls is OrbitControlsLike {
  return (
    typeof controls === 'object' &&
    controls !== null &&
    'target' in controls &&
    controls.target instanceof Vector3 &&
    'update' in controls &&
    typeof controls.update === 'function'
  )
}

/** The canvas's orbit controls, or null before they mount (or in a canvas without them). */
export function useOrbitControls(): OrbitControlsLike | null {
  const controls = useThree((state) => state.controls)
  return isOrbitControls(controls) ? controls : null
}
