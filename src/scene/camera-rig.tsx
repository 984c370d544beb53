import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Vector3 } from 'three'

import { prefersReducedMotion } from '@/lib/reduced-motion'
import type { Vec3 } from '@/route/schema'

import { useOrbitControls } from './use-orbit-controls'

/** Where the camera should be: a named view of a stop, or the stop's overview framing. */
export interface CameraGoal {
  stopId: string
  /** The view's id, or "overview". */
  viewId: string
  position: Vec3
  target: Vec3
}

const DURATION_MS = 1200
const easeInOut = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2)

/**
 * Moves the camera to the chosen view of the open stop: a smooth flight, or a cut when the visitor asks for
 * reduced motion. A new stop is framed by its model instead, so the camera never flies across the city.
 * Frames are requested only while flying; `onArrive` runs once the view is drawn.
 */
export function CameraRig({
  goal,
  onArrive,
}: {
  goal: CameraGoal | null
  onArrive: (viewId: string) => void
}) {
  const camera = useThree((s) => s.camera)
  const controls = useOrbitControls()
  const invalidate = useThree((s) => s.invalidate)
  const last = useRef<{ stopId: string; viewId: string } | null>(null)
  const flight = useRef<{
    from: Vector3
    fromTarget: Vector3
    to: Vector3
    toTarget: Vector3
    start: number
    viewId: string
  } | null>(null)
  const target = useRef(new Vector3())
  const arrive = useRef(onArrive)
  useEffect(() => {
    arrive.current = onArrive
  })

  const goalKey = goal ? `${goal.stopId}\n${goal.viewId}` : ''
  useEffect(() => {
    if (!goal) return
    const previous = last.current
    last.current = { stopId: goal.stopId, viewId: goal.viewId }
    if (!previous || previous.stopId !== goal.stopId || previous.viewId === goal.viewId) return
    const to = new Vector3(...goal.position)
    const toTarget = new Vector3(...goal.target)
    const reduce = prefersReducedMotion()
    flight.current = {
      from: camera.position.clone(),
      fromTarget: controls ? controls.target.clone() : toTarget.clone(),
      to,
      toTarget,
      start: reduce ? -Infinity : performance.now(),
      viewId: goal.viewId,
    }
    invalidate()
    // goalKey names the goal; its arrays are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [goalKey, camera, controls, invalidate])

  useFrame(() => {
    const f = flight.current
    if (!f) return
    const t = Math.min(1, Math.max(0, (performance.now() - f.start) / DURATION_MS))
    const k = easeInOut(t)
    camera.position.lerpVectors(f.from, f.to, k)
    const lookAt = target.current.lerpVectors(f.fromTarget, f.toTarget, k)
    camera.lookAt(lookAt)
    if (controls) {
      controls.target.copy(lookAt)
      controls.update()
    }
    if (t < 1) {
      invalidate()
      return
    }
    flight.current = null
    const viewId = f.viewId
    // Reported after this last frame has been drawn.
    requestAnimationFrame(() => arrive.current(viewId))
  })
  return null
}
