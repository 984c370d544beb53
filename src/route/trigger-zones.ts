import { toLocalMetres, type LngLat } from './geo'
import { courseGeometry, projectOnCourse, type CourseGeometry } from './course'
import type { Route, Trigger } from './schema'

/**
 * Where each stop's trigger lies on the course: the route's own geometry, shared by the tour (which starts
 * stories from it), the validator (which checks it) and the simulated cruise. The rules are documented with the
 * tracker in src/tour/triggers.ts.
 */

export const TRIGGER_RULES = {
  /** Metres of accuracy beyond which a fix counts for nothing and the visitor is told the position is poor. */
  poorAccuracy: 100,
  /** Usable fixes in a row inside a trigger before it counts as entered. */
  enterFixes: 2,
  /** Metres either side of the course that a segment trigger covers. */
  segmentWidth: 200,
  /** Metres a second below which the boat counts as still. */
  moving: 0.5,
  /** Seconds a still boat waits inside a trigger before its story starts. */
  stillStart: 15,
  /** Seconds without a fix after which the speed estimate starts again. */
  gap: 30,
  /** Metres a second squared: how quickly a boat's speed can change (the filter's process noise). */
  acceleration: 0.05,
  /** Seconds a story is taken to last when its length is not known yet. */
  defaultLength: 60,
} as const

/** A stop's trigger placed on the course. */
export interface TriggerZone {
  stopId: string
  trigger: Trigger
  site: LngLat
  /** Metres along the course abeam of the site: where the story should end. */
  passAlong: number
  /** The stretch of course inside the trigger, in metres along; null when the course never enters it. */
  span: { start: number; end: number } | null
  /** The worst accuracy (metres) a fix may have to count for this trigger. */
  maxAccuracy: number
  /** Metres beyond the edge a fix must be to count as having left. */
  exitMargin: number
}

const zoneCache = new WeakMap<Route, TriggerZone[]>()

/** Every stop's trigger placed on the course, in route order; computed once per route. */
export function triggerZones(route: Route): TriggerZone[] {
  const known = zoneCache.get(route)
  if (known) return known
  const geometry = courseGeometry(route.course)
  const zones = route.stops.map((stop): TriggerZone => {
    const trigger = stop.trigger
    const abeam = projectOnCourse(geometry, stop.position).along
    if (trigger.type === 'radius') {
      const span = radiusSpan(geometry, stop.position, trigger.radius, abeam)
      return zone(stop.id, trigger, stop.position, abeam, span, trigger.radius)
    }
    const a = projectOnCourse(geometry, trigger.from).along
    const b = projectOnCourse(geometry, trigger.to).along
    const span = { start: Math.min(a, b), end: Math.max(a, b) }
    const pass = Math.min(Math.max(abeam, span.start), span.end)
    return zone(
      stop.id,
      trigger,
      stop.position,
      pass,
      span,
      Math.min(span.end - span.start, 2 * TRIGGER_RULES.segmentWidth) / 2,
    )
  })
  zoneCache.set(route, zones)
  return zones
}

function zone(
  stopId: string,
  trigger: Trigger,
  site: LngLat,
  passAlong: number,
  span: TriggerZone['span'],
  size: number,
): TriggerZone {
  return {
    stopId,
    trigger,
    site,
    passAlong,
    span,
    maxAccuracy: Math.min(Math.max(size / 2, 25), TRIGGER_RULES.poorAccuracy),
    exitMargin: Math.max(20, size * 0.2),
  }
}

/** The run of course within `radius` of the site that contains (or is nearest to) the point abeam of it. */
function radiusSpan(
  geometry: CourseGeometry,
  site: LngLat,
  radius: number,
  abeam: number,
): TriggerZone['span'] {
  const [sx, sy] = toLocalMetres(site, geometry.origin)
  const runs: { start: number; end: number }[] = []
  const { points, cumulative } = geometry
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!
    const [bx, by] = points[i]!
    const len = cumulative[i]! - cumulative[i - 1]!
    if (len === 0) continue
    // Where the leg A + t(B − A), t in [0, 1], is within the radius: a quadratic in t.
    const [dx, dy] = [(bx - ax) / len, (by - ay) / len]
    const [fx, fy] = [ax - sx, ay - sy]
    const half = fx * dx + fy * dy
    const disc = half * half - (fx * fx + fy * fy - radius * radius)
    if (disc < 0) continue
    const from = Math.max(0, -half - Math.sqrt(disc))
    const to = Math.min(len, -half + Math.sqrt(disc))
    if (from > to) continue
    const run = { start: cumulative[i - 1]! + from, end: cumulative[i - 1]! + to }
    const last = runs[runs.length - 1]
    if (last && run.start - last.end < 1e-6) last.end = run.end
    else runs.push(run)
  }
  const distance = (run: { start: number; end: number }) =>
    abeam < run.start ? run.start - abeam : abeam > run.end ? abeam - run.end : 0
  return runs.reduce<TriggerZone['span']>(
    (best, run) => (!best || distance(run) < distance(best) ? run : best),
    null,
  )
}
