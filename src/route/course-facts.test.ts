import { describe, expect, it } from 'vitest'

import { at, routeWithStops } from '../../tests/helpers/simulated-track'

import { courseFacts } from './course-facts'

describe('courseFacts', () => {
  it('gives the length of the course and the minutes to sail it once at cruise speed', () => {
    // 18 km at 12 km/h: 90 minutes.
    const route = { ...routeWithStops([]), cruise: { speedKmh: 12 } }
    expect(courseFacts(route)).toEqual({ km: 18, minutes: 90, speedKmh: 12 })
  })

  it('rounds the time to five minutes and falls back to the usual speed without a cruise', () => {
    const route = { ...routeWithStops([]), course: [at(0), at(7_000)] }
    const { cruise: _none, ...withoutCruise } = route
    // 7 km at 3 m/s (10.8 km/h): 38.9 minutes, said as 40.
    expect(courseFacts(withoutCruise)).toEqual({ km: 7, minutes: 40, speedKmh: 10.8 })
  })
})
