import { courseGeometry, projectOnCourse } from '@/route/course'
import { distanceMetres, fromLocalMetres, type LngLat } from '@/route/geo'

export { circleRing } from '@/route/geo'

/** Six decimals of a degree: about 0.1 m, finer than any phone's GPS and short in the file. */
export function roundLngLat([lng, lat]: LngLat): [number, number] {
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]
}

/** The point `metres` east of `center` (where the radius handle of a trigger sits). */
export function eastOf(center: LngLat, metres: number): [number, number] {
  return fromLocalMetres([metres, 0], center)
}

/** A trigger radius for a handle dragged to `handle`: whole metres, within what the schema allows. */
export function radiusFromHandle(center: LngLat, handle: LngLat): number {
  return Math.min(5000, Math.max(20, Math.round(distanceMetres(center, handle))))
}

/** The index of the course leg (from point i to i + 1) nearest to `p`. */
export function nearestLeg(course: readonly LngLat[], p: LngLat): number {
  if (course.length < 2) return 0
  const geometry = courseGeometry(course)
  const { along } = projectOnCourse(geometry, p)
  // The leg ends at the first point at or beyond that distance.
  return Math.max(0, geometry.cumulative.findIndex((metres) => metres >= along) - 1)
}

/** The index of the course point nearest to `p`. */
export function nearestPoint(course: readonly LngLat[], p: LngLat): number {
  let best = 0
  for (let i = 1; i < course.length; i++) {
    if (distanceMetres(course[i]!, p) < distanceMetres(course[best]!, p)) best = i
  }
  return best
}

/** How far along the course, in metres, the point of the course nearest to `p` lies. */
export function alongCourse(course: readonly LngLat[], p: LngLat): number {
  return course.length < 2 ? 0 : projectOnCourse(courseGeometry(course), p).along
}

/**
 * Where a new stop at `p` goes in the list: after the stops the boat passes before it, so the list stays in the
 * order of the cruise. Stops without a position count as passed.
 */
export function stopInsertionIndex(
  course: readonly LngLat[],
  stops: readonly (LngLat | null)[],
  p: LngLat,
): number {
  const at = alongCourse(course, p)
  let index = 0
  stops.forEach((position, i) => {
    if (!position || alongCourse(course, position) <= at) index = i + 1
  })
  return index
}

/** The stretch of the course a segment trigger covers: from the point nearest `from` to the one nearest `to`. */
export function courseStretch(course: readonly LngLat[], from: LngLat, to: LngLat): LngLat[] {
  const a = nearestPoint(course, from)
  const b = nearestPoint(course, to)
  return a <= b ? course.slice(a, b + 1) : course.slice(b, a + 1)
}
