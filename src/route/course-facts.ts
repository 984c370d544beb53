import { courseGeometry, cruiseSpeed } from './course'
import type { Route } from './schema'

/** What the route's introduction says about the cruise: its length and the time to sail it once at cruise speed. */
export interface CourseFacts {
  /** Kilometres of course, to one decimal. */
  km: number
  /** Minutes to sail the course once at cruise speed, rounded to 5. */
  minutes: number
  /** The cruise speed in km/h, to one decimal. */
  speedKmh: number
}

/** The course's length and sailing time, from the course itself and `cruise.speedKmh`. Pure. */
export function courseFacts(route: Route): CourseFacts {
  const metres = courseGeometry(route.course).length
  const speed = cruiseSpeed(route)
  return {
    km: Math.round(metres / 100) / 10,
    // To the nearest 5 minutes: a boat's speed varies more than that over an hour.
    minutes: Math.max(5, Math.round(metres / speed / 60 / 5) * 5),
    speedKmh: Math.round(speed * 3.6 * 10) / 10,
  }
}
