import { courseGeometry, projectOnCourse } from '@/route/course'
import { distanceMetres } from '@/route/geo'
import type { Coordinate, Route } from '@/route/schema'
import { TRIGGER_RULES, triggerZones, type TriggerZone } from '@/route/trigger-zones'

/**
 * Position triggers: from a stream of fixes, which stop's story should start, and when.
 *
 * The rules (each is a constant below, each has a unit test on a simulated track):
 * - A fix counts for a trigger only if its accuracy is at most half the trigger's size (25–100 m); beyond
 *   100 m the position is "poor" and counts for nothing.
 * - A trigger is entered after two usable fixes in a row inside it, and left only once a fix is outside by a
 *   margin (20 % of its size, at least 20 m): GPS noise at the edge neither starts nor flickers a trigger.
 * - Inside a trigger, the story starts when the time left until the boat passes the site (distance along the
 *   course over the estimated speed) is at most the story's length, so it ends as the boat passes; never before
 *   the boat is inside, and at once if it is already past. A boat that stays still inside starts it after 15 s.
 * - Each stop is told by position at most once a visit: a boat that turns back past a stop does not hear it
 *   again (a tap on the stop always does).
 * Speed along the course comes from an alpha-beta filter whose gains follow the fix's accuracy (Kalata's
 * tracking index), blended with the device's own speed when it reports one.
 */

/** One position reading, from the GPS or from the simulated boat. */
export interface Fix {
  position: Coordinate
  /** Metres: the radius of the position's confidence circle, as the Geolocation API reports it. */
  accuracy: number
  /** Metres a second over the ground, when the device reports it. */
  speed: number | null
  /** Degrees clockwise from north, when the device reports it (it does only while moving). */
  heading: number | null
  /** Milliseconds; only differences between fixes matter. */
  timestamp: number
}

/** m/s: how far a device's own (Doppler) speed can be trusted. */
const DOPPLER_SIGMA = 0.3
/** What the tracker knows about one trigger. */
interface ZoneTrack {
  inside: boolean
  /** Usable fixes in a row inside the trigger. */
  count: number
  /** Timestamp of the first of them. */
  since: number | null
}

/** What the tracker has learnt from the fixes so far. */
export interface Tracking {
  /** Filtered metres along the course, or null before the first usable fix. */
  along: number | null
  /** Metres along the course of the last usable fix, unfiltered. */
  fixAlong: number | null
  /** Metres a second along the course: positive in the course's direction, negative going back. */
  speed: number
  /** Timestamp of the last usable fix. */
  at: number | null
  /** Usable fixes since the estimate (re)started. */
  fixes: number
  /** How uncertain the speed still is (one standard deviation, m/s): large for the first few fixes. */
  speedSigma: number
  /** Since when the boat has been still (timestamp), or null while it moves. */
  stillSince: number | null
  zones: Readonly<Record<string, ZoneTrack>>
}

export const NO_TRACKING: Tracking = Object.freeze({
  along: null,
  fixAlong: null,
  speed: 0,
  at: null,
  fixes: 0,
  speedSigma: Infinity,
  stillSince: null,
  zones: Object.freeze({}),
})

/**
 * Alpha-beta gains for a fix of this accuracy after `dt` seconds: the steady-state gains of Kalata's tracking
 * index, or while the filter is young (its `k`th fix since a start), the larger gains of a least-squares line
 * through those k fixes, so that the speed is learnt in a few fixes rather than a minute.
 */
export function filterGains(accuracy: number, dt: number, k = Infinity): { alpha: number; beta: number } {
  const lambda = (TRIGGER_RULES.acceleration * dt * dt) / Math.max(accuracy, 3)
  const r = (4 + lambda - Math.sqrt(8 * lambda + lambda * lambda)) / 4
  const alpha = 1 - r * r
  const steady = { alpha, beta: 2 * (2 - alpha) - 4 * Math.sqrt(1 - alpha) }
  if (!Number.isFinite(k)) return steady
  return {
    alpha: Math.max(steady.alpha, (2 * (2 * k - 1)) / (k * (k + 1))),
    beta: Math.max(steady.beta, 6 / (k * (k + 1))),
  }
}

/** Where the fix is relative to a zone: inside it, clearly outside it, or in the margin between. */
function placeIn(zone: TriggerZone, fix: Fix, fixAlong: number, offset: number): 'in' | 'out' | 'edge' {
  if (zone.trigger.type === 'radius') {
    const d = distanceMetres(fix.position, zone.site)
    return d <= zone.trigger.radius ? 'in' : d > zone.trigger.radius + zone.exitMargin ? 'out' : 'edge'
  }
  const span = zone.span!
  const m = zone.exitMargin
  const width = TRIGGER_RULES.segmentWidth
  if (fixAlong >= span.start && fixAlong <= span.end && offset <= width) return 'in'
  if (fixAlong < span.start - m || fixAlong > span.end + m || offset > width + m) return 'out'
  return 'edge'
}

/**
 * The device's own (Doppler) speed along the course, when it reports one: signed by its heading against the
 * course's direction. A device reports no heading when still, which needs none.
 */
function deviceSpeedAlong(fix: Fix, courseBearing: number): number | null {
  if (fix.speed === null) return null
  if (fix.heading !== null) return fix.speed * Math.cos(((fix.heading - courseBearing) * Math.PI) / 180)
  return fix.speed < TRIGGER_RULES.moving ? 0 : null
}

/** The tracker after one more fix. Pure; fixes too inaccurate to use leave it as it was. */
export function observeFix(route: Route, tracking: Tracking, fix: Fix): Tracking {
  if (!(fix.accuracy <= TRIGGER_RULES.poorAccuracy)) return tracking
  const dt = tracking.at === null ? Infinity : (fix.timestamp - tracking.at) / 1000
  if (dt <= 0) return tracking
  const geometry = courseGeometry(route.course)
  const fresh = tracking.along === null || dt > TRIGGER_RULES.gap
  const predicted = fresh ? 0 : tracking.along! + tracking.speed * dt
  const projection = projectOnCourse(
    geometry,
    fix.position,
    fresh ? undefined : { along: predicted, window: 200 + Math.abs(tracking.speed) * dt + 3 * fix.accuracy },
  )
  const doppler = deviceSpeedAlong(fix, projection.bearing)
  let along: number
  let speed: number
  let fixes = tracking.fixes + 1
  if (fresh || Math.abs(projection.along - predicted) > 500 + 3 * fix.accuracy) {
    // A first fix, a long gap or a jump (the boat was moved): start the estimate again from this fix.
    along = projection.along
    speed = doppler ?? 0
    fixes = 1
  } else {
    const { alpha, beta } = filterGains(fix.accuracy, dt, fixes)
    const residual = projection.along - predicted
    along = predicted + alpha * residual
    speed = tracking.speed + (beta * residual) / dt
    if (doppler !== null) speed = (speed + doppler) / 2
  }
  const still = Math.abs(speed) < TRIGGER_RULES.moving
  const zones: Record<string, ZoneTrack> = {}
  for (const zone of triggerZones(route)) {
    const known = tracking.zones[zone.stopId] ?? { inside: false, count: 0, since: null }
    if (!zone.span || fix.accuracy > zone.maxAccuracy) {
      if (known.inside || known.count > 0) zones[zone.stopId] = known
      continue
    }
    const place = placeIn(zone, fix, projection.along, projection.offset)
    const next: ZoneTrack =
      place === 'in'
        ? {
            count: known.count + 1,
            since: known.since ?? fix.timestamp,
            inside: known.inside || known.count + 1 >= TRIGGER_RULES.enterFixes,
          }
        : place === 'out'
          ? { inside: false, count: 0, since: null }
          : {
              inside: known.inside,
              count: known.inside ? known.count : 0,
              since: known.inside ? known.since : null,
            }
    if (next.inside || next.count > 0) zones[zone.stopId] = next
  }
  return {
    along,
    fixAlong: projection.along,
    speed,
    at: fix.timestamp,
    fixes,
    speedSigma: Math.min(
      // The spread of a least-squares slope through `fixes` points (the steady filter is far tighter)…
      fixes < 2 ? Infinity : (fix.accuracy * Math.sqrt(12 / (fixes * (fixes * fixes - 1)))) / dt,
      // …unless the device measures its speed itself (Doppler: a few tenths of a metre a second).
      doppler === null ? Infinity : DOPPLER_SIGMA,
    ),
    stillSince: still ? (tracking.stillSince ?? fix.timestamp) : null,
    zones,
  }
}

/** A stop whose story should start now. */
export interface DueStop {
  stopId: string
  /** Seconds until the boat passes the site at the estimated speed (0 when it is still or already past). */
  timeToPass: number
}

/**
 * The stop whose story should start now, if any: inside its trigger, not told yet, and close enough to its site
 * that the story (of `lengthOf(stopId)` seconds) ends as the boat passes it. When several are due, the most
 * urgent (then the first in route order).
 */
export function dueStop(
  route: Route,
  tracking: Tracking,
  told: readonly string[],
  lengthOf: (stopId: string) => number,
): DueStop | null {
  if (tracking.along === null || tracking.at === null) return null
  let best: DueStop | null = null
  for (const zone of triggerZones(route)) {
    const track = tracking.zones[zone.stopId]
    if (!track?.inside || told.includes(zone.stopId)) continue
    let timeToPass: number
    if (Math.abs(tracking.speed) - 2 * tracking.speedSigma >= TRIGGER_RULES.moving) {
      const remaining = (zone.passAlong - tracking.along) * Math.sign(tracking.speed)
      timeToPass = Math.max(0, remaining) / Math.abs(tracking.speed)
      if (timeToPass > lengthOf(zone.stopId)) continue
    } else if (Math.abs(tracking.speed) < TRIGGER_RULES.moving) {
      const stillFrom = Math.max(track.since ?? tracking.at, tracking.stillSince ?? tracking.at)
      if (tracking.at - stillFrom < TRIGGER_RULES.stillStart * 1000) continue
      timeToPass = 0
    } else continue // moving, but the speed is not known well enough yet to time the story
    if (!best || timeToPass < best.timeToPass) best = { stopId: zone.stopId, timeToPass }
  }
  return best
}
