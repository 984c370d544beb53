import type { LngLat } from '@/route/geo'
import type { Route } from '@/route/schema'

import { courseGeometry, cruiseSpeed, CRUISE_SPEED_MPS, pointAlong } from '@/route/course'
import { triggerZones } from '@/route/trigger-zones'

import type { Fix } from './triggers'

/** How far before a stop's trigger `?simulate&stop=<id>` puts the boat: about 20 s of cruise. */
export const LEAD_IN_M = 60

/** The accuracy the simulated boat reports: a good GPS fix. */
export const SIMULATED_ACCURACY_M = 5

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
  const geometry = courseGeometry(course)
  const along = Math.min(Math.max(0, t) * speed, geometry.length)
  const { position, bearing } = pointAlong(geometry, course, along)
  return { position: [position[0], position[1]], heading: bearing, along, done: along >= geometry.length }
}

/** Seconds into the cruise at which the boat is just before `stopId`'s trigger (0 for an unknown stop). */
export function cruiseTimeBefore(route: Route, stopId: string | undefined): number {
  const zone = triggerZones(route).find((z) => z.stopId === stopId)
  if (!zone) return 0
  const start = zone.span ? zone.span.start : zone.passAlong
  return Math.max(0, start - LEAD_IN_M) / cruiseSpeed(route)
}

/**
 * The fix the simulated boat reports `t` seconds into the cruise (its timestamp is the cruise's own clock), and
 * whether it has reached the end of the course.
 */
export function simulatedFix(route: Route, t: number): { fix: Fix; done: boolean } {
  const speed = cruiseSpeed(route)
  const boat = simulatedPosition(route.course, t, speed)
  const fix = {
    position: boat.position,
    accuracy: SIMULATED_ACCURACY_M,
    speed: boat.done ? 0 : speed,
    heading: boat.heading,
    timestamp: Math.round(t * 1000),
  }
  return { fix, done: boat.done }
}
