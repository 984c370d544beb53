import { describe, expect, it } from 'vitest'

import { distanceMetres, type LngLat } from '@/route/geo'

import {
  alongCourse,
  courseStretch,
  eastOf,
  nearestLeg,
  radiusFromHandle,
  roundLngLat,
  stopInsertionIndex,
} from './map-geometry'

/** A straight course eastwards along latitude 23.1, one point every ~1 km. */
const COURSE: LngLat[] = [0, 1, 2, 3, 4].map((i) => [113.2 + i * 0.01, 23.1])

describe('map geometry', () => {
  it('rounds positions to six decimals', () => {
    expect(roundLngLat([113.123456789, 23.987654321])).toEqual([113.123457, 23.987654])
  })

  it('puts the radius handle at the radius, and reads the radius back from it', () => {
    const center: LngLat = [113.3, 23.1]
    expect(distanceMetres(center, eastOf(center, 300))).toBeCloseTo(300, 0)
    expect(radiusFromHandle(center, eastOf(center, 412.4))).toBe(412)
    expect(radiusFromHandle(center, eastOf(center, 3))).toBe(20)
    expect(radiusFromHandle(center, eastOf(center, 9000))).toBe(5000)
  })

  it('finds the leg of the course nearest to a point, and how far along it lies', () => {
    expect(nearestLeg(COURSE, [113.225, 23.102])).toBe(2)
    const along = alongCourse(COURSE, [113.225, 23.102])
    expect(along).toBeCloseTo(distanceMetres(COURSE[0]!, [113.225, 23.1]), 0)
  })

  it('places a new stop among the others in the order of the cruise', () => {
    const stops: LngLat[] = [
      [113.205, 23.1],
      [113.235, 23.1],
    ]
    expect(stopInsertionIndex(COURSE, stops, [113.201, 23.1])).toBe(0)
    expect(stopInsertionIndex(COURSE, stops, [113.22, 23.1])).toBe(1)
    expect(stopInsertionIndex(COURSE, stops, [113.239, 23.1])).toBe(2)
  })

  it('gives the stretch of course a segment trigger covers, either way round', () => {
    expect(courseStretch(COURSE, [113.211, 23.1], [113.229, 23.1])).toEqual(COURSE.slice(1, 4))
    expect(courseStretch(COURSE, [113.229, 23.1], [113.211, 23.1])).toEqual(COURSE.slice(1, 4))
  })
})
