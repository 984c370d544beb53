import { describe, expect, it } from 'vitest'

import { distanceMetres } from '@/route/geo'
import { POSITION_OFF } from '@/tour/position'
import { NO_TRACKING } from '@/tour/triggers'

import { at, routeWithStops } from '../../tests/helpers/simulated-track'

import { displayedHeading, headingImage, youAreHereData } from './you-are-here'

const route = routeWithStops([{ along: 1000, trigger: { type: 'radius', radius: 200 } }])
const fix = { position: at(500), accuracy: 30, speed: null, heading: null, timestamp: 0 }

describe('youAreHereData', () => {
  it('draws nothing before the first fix', () => {
    expect(youAreHereData(route, POSITION_OFF).features).toEqual([])
  })

  it('draws the accuracy circle to scale and the dot at the fix', () => {
    const { features } = youAreHereData(route, { ...POSITION_OFF, fix })
    const [circle, dot] = features
    expect(dot!.geometry.coordinates).toEqual(fix.position)
    const ring = (circle!.geometry.coordinates as [number, number][][])[0]!
    for (const point of ring) expect(distanceMetres(point, fix.position)).toBeCloseTo(30, 0)
  })

  it('points the heading along the course while the boat moves, back when it goes back, and not when still', () => {
    const moving = { ...NO_TRACKING, along: 500, speed: 3, speedSigma: 0.1 }
    expect(displayedHeading(route, { ...POSITION_OFF, fix, tracking: moving })).toBeCloseTo(90, 0)
    expect(displayedHeading(route, { ...POSITION_OFF, fix, tracking: { ...moving, speed: -3 } })).toBeCloseTo(
      270,
      0,
    )
    expect(displayedHeading(route, { ...POSITION_OFF, fix, tracking: { ...moving, speed: 0.1 } })).toBeNull()
    // The device's own heading wins.
    expect(displayedHeading(route, { ...POSITION_OFF, fix: { ...fix, heading: 45 }, tracking: moving })).toBe(
      45,
    )
  })
})

describe('headingImage', () => {
  it('is a wedge pointing up, clear around the dot', () => {
    const size = 96
    const { data, width, height } = headingImage(size)
    expect([width, height, data.length]).toEqual([size, size, size * size * 4])
    const alpha = (x: number, y: number) => data[(y * size + x) * 4 + 3]!
    expect(alpha(48, 12)).toBe(255) // inside the wedge, ahead of the dot
    expect(alpha(48, 48)).toBe(0) // the dot itself is drawn by its own layer
    expect(alpha(48, 80)).toBe(0) // nothing behind
    expect(alpha(20, 12)).toBe(0) // nor beside
  })
})
