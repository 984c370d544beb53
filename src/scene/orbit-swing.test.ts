import { describe, expect, it } from 'vitest'

import { SWING_AMPLITUDE, SWING_PERIOD, swingAngle } from './orbit-swing'

describe('swingAngle', () => {
  it('starts where the stop framed the landmark and swings to either side, then back', () => {
    expect(swingAngle(0)).toBe(0)
    expect(swingAngle(SWING_PERIOD / 4)).toBeCloseTo(SWING_AMPLITUDE)
    expect(swingAngle((3 * SWING_PERIOD) / 4)).toBeCloseTo(-SWING_AMPLITUDE)
    expect(swingAngle(SWING_PERIOD)).toBeCloseTo(0)
  })

  it('never turns more than 25° either way, nor faster than 2° a second', () => {
    for (let t = 0; t < 2 * SWING_PERIOD; t += 0.5) {
      expect(Math.abs(swingAngle(t))).toBeLessThanOrEqual((25 * Math.PI) / 180 + 1e-9)
      const degreesPerSecond = (Math.abs(swingAngle(t + 0.5) - swingAngle(t)) / 0.5) * (180 / Math.PI)
      expect(degreesPerSecond).toBeLessThan(2)
    }
  })

  it('moves the camera visibly within a minute', () => {
    const degrees = (Math.abs(swingAngle(60) - swingAngle(0)) * 180) / Math.PI
    expect(degrees).toBeGreaterThan(10)
  })
})
