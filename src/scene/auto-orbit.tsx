import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Vector3 } from 'three'

import { swingAngle } from './orbit-swing'
import { useOrbitControls } from './use-orbit-controls'

const UP = new Vector3(0, 1, 0)

/**
 * The kiosk's attract loop: swings the camera slowly about the point it looks at (`swingAngle`), drawing every
 * frame while on. It turns the camera by the change of the swing since the last frame, so a flight of the
 * camera rig (a story's camera cue) or the framing of a new stop moves it as before, and the swing goes on from
 * there. Off, the canvas draws on demand again.
 */
export function AutoOrbit({ on }: { on: boolean }) {
  const camera = useThree((s) => s.camera)
  const controls = useOrbitControls()
  const invalidate = useThree((s) => s.invalidate)
  const swing = useRef<{ start: number; angle: number } | null>(null)
  const offset = useRef(new Vector3())

  useEffect(() => {
    swing.current = null
    if (on) invalidate()
  }, [on, invalidate])

  useFrame(() => {
    if (!on || !controls) return
    const now = performance.now() / 1000
    swing.current ??= { start: now, angle: 0 }
    const angle = swingAngle(now - swing.current.start)
    const turn = angle - swing.current.angle
    swing.current.angle = angle
    offset.current.subVectors(camera.position, controls.target).applyAxisAngle(UP, turn)
    camera.position.copy(controls.target).add(offset.current)
    camera.lookAt(controls.target)
    controls.update()
    invalidate()
  })
  return null
}
