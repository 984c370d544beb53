import { courseGeometry, cruiseSpeed, pointAlong } from '@/route/course'
import { toLocalMetres, type LngLat } from '@/route/geo'
import type { Route } from '@/route/schema'
import { triggerZones } from '@/route/trigger-zones'

import type { PositionState } from './position'

/**
 * What the boat's position says to a visitor: which way it is heading, on which side a site lies, and which stop
 * comes next. Pure: the views (the player bar's arrow, the map's "next" line) only format the answers.
 */

/**
 * Degrees clockwise from north the boat is heading: the device's own heading, else the course's direction where
 * the boat is (reversed while it goes back along the course); null before the first usable fix.
 */
export function travelHeading(route: Route, position: PositionState): number | null {
  const own = position.fix?.heading ?? null
  if (own !== null) return own
  const { along, speed } = position.tracking
  if (along === null) return null
  const { bearing } = pointAlong(courseGeometry(route.course), route.course, along)
  return speed < 0 ? (bearing + 180) % 360 : bearing
}

export type Side = 'left' | 'right' | 'ahead' | 'behind'

/** Within this many degrees of the bow (or the stern) a site is "ahead" ("behind") rather than on a side. */
const END_ON_DEGREES = 20

/**
 * On which side of a boat at `boat`, heading `heading` degrees, the site at `site` lies, and its bearing
 * relative to the bow (degrees clockwise, 0 dead ahead): the angle an arrow on screen is turned by.
 */
export function sideOf(heading: number, boat: LngLat, site: LngLat): { side: Side; relative: number } {
  const [east, north] = toLocalMetres(site, boat)
  const bearing = (Math.atan2(east, north) * 180) / Math.PI
  const relative = (((bearing - heading) % 360) + 360) % 360
  const side: Side =
    relative <= END_ON_DEGREES || relative >= 360 - END_ON_DEGREES
      ? 'ahead'
      : Math.abs(relative - 180) <= END_ON_DEGREES
        ? 'behind'
        : relative < 180
          ? 'right'
          : 'left'
  return { side, relative }
}

/** The next stop along the boat's way, how far along the course and how long at the route's cruise speed. */
export interface NextStop {
  stopId: string
  metres: number
  seconds: number
}

/**
 * The first stop the boat has not yet passed abeam of, in the direction it is going (back along the course
 * while its speed is negative), with the distance and time to it; null before the first usable fix or after
 * the last stop.
 */
export function nextStop(route: Route, position: PositionState): NextStop | null {
  const { along, speed } = position.tracking
  if (along === null) return null
  const back = speed < 0
  const ahead = triggerZones(route)
    .map((zone) => ({ stopId: zone.stopId, metres: back ? along - zone.passAlong : zone.passAlong - along }))
    .filter((candidate) => candidate.metres >= 0)
  if (ahead.length === 0) return null
  const next = ahead.reduce((best, candidate) => (candidate.metres < best.metres ? candidate : best))
  return { ...next, seconds: next.metres / cruiseSpeed(route) }
}

/** A distance as a visitor on the boat reads it: to 50 m below a kilometre, then to a tenth of a kilometre. */
export function roundedDistance(metres: number): { value: number; unit: 'meter' | 'kilometer' } {
  return metres < 975
    ? { value: Math.max(50, Math.round(metres / 50) * 50), unit: 'meter' }
    : { value: Math.round(metres / 100) / 10, unit: 'kilometer' }
}
