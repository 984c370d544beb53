import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'

import { prefersReducedMotion } from '@/lib/reduced-motion'

import { createLightShowPass } from './light-show-pass'

/**
 * A city lighting festival on the open landmark and its riverfront: while on, their lit materials pulse
 * and the coloured LEDs run through the colours, and the canvas renders continuously. When off, the materials
 * get their own light back and the canvas returns to rendering on demand. Reduced motion: a slow colour drift
 * without pulsing.
 */
export function LightShow({ on }: { on: boolean }) {
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const [pass] = useState(createLightShowPass)
  const reduce = useRef(false)

  useEffect(() => {
    reduce.current = prefersReducedMotion()
    invalidate()
    return () => {
      // Give every material its own light back (a disposed one is simply forgotten).
      pass.restore()
      invalidate()
    }
  }, [on, invalidate, pass])

  useFrame(({ clock }) => {
    if (!on) return
    pass.run(scene, clock.getElapsedTime(), reduce.current)
    invalidate()
  })

  return null
}
