import { describe, expect, it } from 'vitest'

import { POSITION_OFF, type PositionState } from './position'
import { NO_TRACKING } from './triggers'
import { nextStop, roundedDistance, sideOf, travelHeading } from './boat'

import { at, routeWithStops } from '../../tests/helpers/simulated-track'

// The test course runs due east; stops at 1 km (north bank), 3 km (south bank) and 6 km along it.
const radius = { type: 'radius' as const, radius: 200 }
const route = {
  ...routeWithStops([
    { along: 1000, off: 150, trigger: radius },
    { along: 3000, off: -150, trigger: radius },
    { along: 6000, trigger: radius },
  ]),
  cruise: { speedKmh: 18 },
}
const [first, second, third] = route.stops.map((s) => s.id)

function boatAt(along: number, speed: number, heading: number | null = null): PositionState {
  return {
    ...POSITION_OFF,
    fix: { position: at(along), accuracy: 5, speed: null, heading, timestamp: 0 },
    tracking: { ...NO_TRACKING, along, speed, speedSigma: 0.1 },
  }
}

describe('travelHeading', () => {
  it('is unknown before the first fix', () => {
    expect(travelHeading(route, POSITION_OFF)).toBeNull()
  })
  it('follows the course, turned round when the boat goes back, unless the device reports its own', () => {
    expect(travelHeading(route, boatAt(500, 3))).toBeCloseTo(90, 0)
    expect(travelHeading(route, boatAt(500, -3))).toBeCloseTo(270, 0)
    expect(travelHeading(route, boatAt(500, 3, 45))).toBe(45)
  })
})

describe('sideOf', () => {
  it('puts a north-bank site on the left going east and on the right going west', () => {
    expect(sideOf(90, at(900), at(1000, 150)).side).toBe('left')
    expect(sideOf(270, at(1100), at(1000, 150)).side).toBe('right')
  })
  it('puts a south-bank site on the right going east', () => {
    const { side, relative } = sideOf(90, at(3000), at(3000, -150))
    expect(side).toBe('right')
    expect(relative).toBeCloseTo(90, 0)
  })
  it('says ahead or behind for a site near the bow or the stern', () => {
    expect(sideOf(90, at(0), at(500, 10)).side).toBe('ahead')
    expect(sideOf(90, at(500), at(0, 10)).side).toBe('behind')
  })
})

describe('nextStop', () => {
  it('is unknown before the first fix', () => {
    expect(nextStop(route, POSITION_OFF)).toBeNull()
  })
  it('is the first stop not yet passed, with the distance along the course and the time at cruise speed', () => {
    const next = nextStop(route, boatAt(2400, 3))
    expect(next?.stopId).toBe(second)
    expect(next?.metres).toBeCloseTo(600, 0)
    // 18 km/h: 5 m/s.
    expect(next?.seconds).toBeCloseTo(120, 0)
  })
  it('moves on once the boat passes a stop abeam, and looks back when the boat goes back', () => {
    expect(nextStop(route, boatAt(3001, 3))?.stopId).toBe(third)
    expect(nextStop(route, boatAt(2400, -3))?.stopId).toBe(first)
    expect(nextStop(route, boatAt(500, -3))).toBeNull()
    expect(nextStop(route, boatAt(6500, 3))).toBeNull()
  })
})

describe('roundedDistance', () => {
  it('reads to 50 m below a kilometre and to a tenth of a kilometre above', () => {
    expect(roundedDistance(612)).toEqual({ value: 600, unit: 'meter' })
    expect(roundedDistance(10)).toEqual({ value: 50, unit: 'meter' })
    expect(roundedDistance(980)).toEqual({ value: 1, unit: 'kilometer' })
    expect(roundedDistance(2449)).toEqual({ value: 2.4, unit: 'kilometer' })
  })
})
