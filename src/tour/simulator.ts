import { distanceMetres, toLocalMetres, type LngLat } from '@/route/geo'

/** A typical Pearl River night cruise: about 11 km/h, in metres a second. */
export const CRUISE_SPEED_MPS = 3

/** Where the simulated boat is: its position, heading (degrees clockwise from north) and distance run. */
export interface SimulatedFix {
  position: [number, number]
  /** Degrees clockwise from north, along the course leg the boat is on. */
  heading: number
  /** Metres along the course from its start. */
  along: number
  /** True once the boat has reached the end of the course (it then stays there). */
  done: boolean
}

/**
 * A virtual boat on `course`, moving at `speed` metres a second from the first point: the fix after `t` seconds.
 * Pure, so triggers, demos and tests get the same boat at the same time, and seeking the simulation is free.
 */
export function simulatedPosition(
  course: readonly LngLat[],
  t: number,
  speed: number = CRUISE_SPEED_MPS,
): SimulatedFix {
  if (course.length < 2) throw new Error('a course needs at least two points')
  let remaining = Math.max(0, t) * speed
  let along = 0
  for (let i = 1; i < course.length; i++) {
    const a = course[i - 1]!
    const b = course[i]!
    const leg = distanceMetres(a, b)
    const [dx, dy] = toLocalMetres(b, a)
    const heading = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360
    if (remaining <= leg || i === course.length - 1) {
      const f = leg === 0 ? 1 : Math.min(1, remaining / leg)
      const done = remaining >= leg && i === course.length - 1
      return {
        position: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f],
        heading,
        along: along + leg * f,
        done,
      }
    }
    remaining -= leg
    along += leg
  }
  throw new Error('unreachable')
}
