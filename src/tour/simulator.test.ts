import { describe, expect, it } from 'vitest'

import { distanceMetres, polylineLengthMetres, type LngLat } from '@/route/geo'

import { CRUISE_SPEED_MPS } from '@/route/course'

import { simulatedPosition } from './simulator'

// Two legs: ~1 km east along the equator-ish latitude of Guangzhou, then ~1 km north.
const COURSE: LngLat[] = [
  [113.25, 23.11],
  [113.2598, 23.11],
  [113.2598, 23.119],
]

describe('simulatedPosition', () => {
  it('starts at the first point, heading along the first leg', () => {
    const fix = simulatedPosition(COURSE, 0)
    expect(fix.position).toEqual([113.25, 23.11])
    expect(fix.heading).toBeCloseTo(90, 0)
    expect(fix.along).toBe(0)
  })

  it('moves at cruise speed along the course', () => {
    const fix = simulatedPosition(COURSE, 100)
    expect(fix.along).toBeCloseTo(100 * CRUISE_SPEED_MPS, 6)
    expect(distanceMetres(COURSE[0]!, fix.position)).toBeCloseTo(300, 0)
  })

  it('turns onto the next leg and keeps the distance run', () => {
    const first = distanceMetres(COURSE[0]!, COURSE[1]!)
    const fix = simulatedPosition(COURSE, (first + 200) / CRUISE_SPEED_MPS)
    expect(fix.heading).toBeCloseTo(0, 0)
    expect(distanceMetres(COURSE[1]!, fix.position)).toBeCloseTo(200, 0)
    expect(fix.along).toBeCloseTo(first + 200, 3)
  })

  it('stops at the end of the course', () => {
    const fix = simulatedPosition(COURSE, 1e6)
    expect(fix.done).toBe(true)
    expect(fix.position).toEqual([113.2598, 23.119])
    expect(fix.along).toBeCloseTo(polylineLengthMetres(COURSE), 3)
  })

  it('runs at another speed when asked', () => {
    expect(simulatedPosition(COURSE, 10, 5).along).toBeCloseTo(50, 6)
  })
})
