import { toLocalMetres, type LngLat } from './geo'
import type { Route } from './schema'

/** A typical river night cruise: about 11 km/h, in metres a second. */
export const CRUISE_SPEED_MPS = 3

/** The boat's course in local metres, with the distance run at each point: what projections need, computed once. */
export interface CourseGeometry {
  origin: LngLat
  /** Each course point in metres east and north of `origin`. */
  points: readonly (readonly [number, number])[]
  /** Metres along the course at each point (0 at the first). */
  cumulative: readonly number[]
  /** Length of the course in metres. */
  length: number
}

/** Where a position falls on the course. */
export interface CourseProjection {
  /** Metres along the course to the nearest course point. */
  along: number
  /** Metres from the position to that course point. */
  offset: number
  /** Direction of the course there, degrees clockwise from north. */
  bearing: number
}

const cache = new WeakMap<readonly LngLat[], CourseGeometry>()

/** The geometry of a course; the same course array always gives the same object (the route is immutable). */
export function courseGeometry(course: readonly LngLat[]): CourseGeometry {
  const known = cache.get(course)
  if (known) return known
  const origin = course[0]
  if (!origin || course.length < 2) throw new Error('a course needs at least two points')
  const points = course.map((p) => toLocalMetres(p, origin))
  const cumulative = [0]
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!
    const [bx, by] = points[i]!
    cumulative.push(cumulative[i - 1]! + Math.hypot(bx - ax, by - ay))
  }
  const geometry = { origin, points, cumulative, length: cumulative[cumulative.length - 1]! }
  cache.set(course, geometry)
  return geometry
}

function bearingOf(dx: number, dy: number): number {
  return ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360
}

/**
 * Projects a position onto the course. With `near`, only the stretch within `near.window` metres of
 * `near.along` is searched, so a course that passes the same water twice (out and back) keeps the boat on the
 * leg it is on; if that stretch is far from the position (the boat was moved, or the estimate was lost), the
 * whole course is searched.
 */
export function projectOnCourse(
  geometry: CourseGeometry,
  position: LngLat,
  near?: { along: number; window: number },
): CourseProjection {
  const [px, py] = toLocalMetres(position, geometry.origin)
  const search = (from: number, to: number): CourseProjection => {
    let best: CourseProjection = { along: 0, offset: Infinity, bearing: 0 }
    const { points, cumulative } = geometry
    for (let i = 1; i < points.length; i++) {
      const start = cumulative[i - 1]!
      const end = cumulative[i]!
      if (end < from || start > to) continue
      const [ax, ay] = points[i - 1]!
      const [bx, by] = points[i]!
      const dx = bx - ax
      const dy = by - ay
      const len = end - start
      const foot = len === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / (len * len)
      // The foot of the perpendicular, kept on the segment and inside the searched stretch.
      const along = Math.min(Math.max(start + Math.max(0, Math.min(1, foot)) * len, from), to)
      const f = len === 0 ? 0 : (along - start) / len
      const offset = Math.hypot(ax + f * dx - px, ay + f * dy - py)
      if (offset < best.offset) best = { along, offset, bearing: bearingOf(dx, dy) }
    }
    return best
  }
  const everywhere = () => search(0, geometry.length)
  if (!near) return everywhere()
  const local = search(near.along - near.window, near.along + near.window)
  if (local.offset <= near.window) return local
  const global = everywhere()
  return global.offset < local.offset / 2 ? global : local
}

/** The position `along` metres from the start of the course (clamped to the course), and the course's bearing. */
export function pointAlong(
  geometry: CourseGeometry,
  course: readonly LngLat[],
  along: number,
): { position: LngLat; bearing: number } {
  const { cumulative } = geometry
  const target = Math.min(Math.max(along, 0), geometry.length)
  let i = 1
  while (i < cumulative.length - 1 && cumulative[i]! < target) i++
  const a = course[i - 1]!
  const b = course[i]!
  const len = cumulative[i]! - cumulative[i - 1]!
  const f = len === 0 ? 1 : (target - cumulative[i - 1]!) / len
  const [ax, ay] = geometry.points[i - 1]!
  const [bx, by] = geometry.points[i]!
  return {
    position: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f],
    bearing: bearingOf(bx - ax, by - ay),
  }
}

/** The route's cruise speed in metres a second (`cruise.speedKmh`, else about 11 km/h). */
export function cruiseSpeed(route: Route): number {
  return route.cruise ? route.cruise.speedKmh / 3.6 : CRUISE_SPEED_MPS
}
