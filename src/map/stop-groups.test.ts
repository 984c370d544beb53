import { describe, expect, it } from 'vitest'

import { at } from '../../tests/helpers/simulated-track'

import { mercator } from './still-map-geometry'
import { groupLabel, groupStops, STOP_MARKS } from './stop-groups'

const stops = [0, 40, 80, 3000, 3030].map((east, i) => ({ id: `s${i}`, position: at(east) }))

/** Pixels between two points at a zoom. */
function pixels(a: readonly [number, number], b: readonly [number, number], zoom: number) {
  const [ax, ay] = mercator(a)
  const [bx, by] = mercator(b)
  return Math.hypot(ax - bx, ay - by) * 512 * 2 ** zoom
}

describe('groupStops', () => {
  it('draws every stop on its own where they are far enough apart', () => {
    const marks = groupStops(stops, 18)
    expect(marks.map((m) => m.label)).toEqual(['1', '2', '3', '4', '5'])
    expect(marks[3]!.center[0]).toBeCloseTo(stops[3]!.position[0], 9)
  })

  it('groups close stops further out, and no two circles then touch', () => {
    for (const zoom of [9, 12, 13, 14, 15, 16]) {
      const marks = groupStops(stops, zoom)
      for (let i = 0; i < marks.length; i++)
        for (let j = i + 1; j < marks.length; j++) {
          const radii = [marks[i]!, marks[j]!].map((m) =>
            m.ids.length > 1 ? STOP_MARKS.groupRadius : STOP_MARKS.stopRadius,
          )
          expect(pixels(marks[i]!.center, marks[j]!.center, zoom)).toBeGreaterThanOrEqual(
            radii[0]! + radii[1]! + STOP_MARKS.gap,
          )
        }
    }
    expect(groupStops(stops, 14).map((m) => m.label)).toEqual(['1–3', '4–5'])
    expect(groupStops(stops, 9).map((m) => m.label)).toEqual(['1–5'])
  })

  it('never groups the open stop: it keeps its own circle', () => {
    expect(groupStops(stops, 14, 's1').map((m) => m.label)).toEqual(['1, 3', '2', '4–5'])
  })

  it('labels a run of numbers as a range and others as a list', () => {
    expect(groupLabel([4, 2, 3])).toBe('2–4')
    expect(groupLabel([3, 9])).toBe('3, 9')
    expect(groupLabel([7])).toBe('7')
  })
})
