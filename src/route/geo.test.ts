import { describe, expect, it } from 'vitest'

import {
  circleRing,
  distanceMetres,
  distanceToLineMetres,
  distanceToSegmentMetres,
  fromLocalMetres,
  type LngLat,
  pointInMultiPolygon,
  pointInPolygon,
  pointInRing,
  polylineLengthMetres,
  ringAreaSquareMetres,
  samplePolyline,
  toLocalMetres,
} from './geo'

// One degree of latitude is ~110.75 km at Guangzhou; one degree of longitude ~102.4 km.
const GZ: LngLat = [113.3, 23.11]
const square = (cx: number, cy: number, half: number): LngLat[] => [
  [cx - half, cy - half],
  [cx + half, cy - half],
  [cx + half, cy + half],
  [cx - half, cy + half],
  [cx - half, cy - half],
]

describe('distanceMetres', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceMetres(GZ, GZ)).toBe(0)
    const b: LngLat = [113.31, 23.12]
    expect(distanceMetres(GZ, b)).toBeCloseTo(distanceMetres(b, GZ), 9)
  })

  it('measures a degree of latitude as ~111.2 km on the sphere', () => {
    expect(distanceMetres([0, 0], [0, 1])).toBeCloseTo(111_195, -1)
  })

  it('shrinks longitude by cos(latitude)', () => {
    const d = distanceMetres([113, 23.11], [113.01, 23.11])
    expect(d).toBeGreaterThan(1020)
    expect(d).toBeLessThan(1025)
  })

  it('agrees with a known city distance: Haizhu Bridge to Canton Tower ~6.0 km', () => {
    expect(distanceMetres([113.261741, 23.115284], [113.31914, 23.10899]) / 1000).toBeCloseTo(5.9, 1)
  })
})

describe('toLocalMetres', () => {
  it('puts north on +y and east on +x', () => {
    const [x, y] = toLocalMetres([113.301, 23.111], GZ)
    expect(x).toBeGreaterThan(100)
    expect(y).toBeGreaterThan(110)
  })
})

describe('distanceToSegmentMetres', () => {
  const a: LngLat = [113.3, 23.11]
  const b: LngLat = [113.31, 23.11]

  it('is the perpendicular distance when the foot falls inside the segment', () => {
    expect(distanceToSegmentMetres([113.305, 23.111], a, b)).toBeCloseTo(111.2, 0)
  })

  it('is the distance to the nearer end beyond the segment', () => {
    const p: LngLat = [113.32, 23.11]
    expect(distanceToSegmentMetres(p, a, b)).toBeCloseTo(distanceMetres(p, b), -1)
  })

  it('handles a zero-length segment', () => {
    expect(distanceToSegmentMetres([113.3, 23.111], a, a)).toBeCloseTo(111.2, 0)
  })

  it('is zero on the segment', () => {
    expect(distanceToSegmentMetres([113.305, 23.11], a, b)).toBeLessThan(1e-6)
  })
})

describe('distanceToLineMetres', () => {
  it('takes the nearest segment', () => {
    const line: LngLat[] = [
      [113.3, 23.11],
      [113.31, 23.11],
      [113.31, 23.12],
    ]
    expect(distanceToLineMetres([113.311, 23.115], line)).toBeCloseTo(102.4, 0)
  })

  it('works for a single point and an empty line', () => {
    expect(distanceToLineMetres(GZ, [GZ])).toBe(0)
    expect(distanceToLineMetres(GZ, [])).toBe(Infinity)
  })
})

describe('pointInRing / pointInPolygon', () => {
  const outer = square(113.3, 23.11, 0.01)
  const hole = square(113.3, 23.11, 0.002)

  it('finds points inside and outside a ring, closed or open', () => {
    expect(pointInRing([113.305, 23.105], outer)).toBe(true)
    expect(pointInRing([113.32, 23.105], outer)).toBe(false)
    expect(pointInRing([113.305, 23.105], outer.slice(0, -1))).toBe(true)
  })

  it('excludes holes', () => {
    expect(pointInPolygon([113.3, 23.11], [outer, hole])).toBe(false)
    expect(pointInPolygon([113.305, 23.11], [outer, hole])).toBe(true)
    expect(pointInPolygon([113.35, 23.11], [outer, hole])).toBe(false)
  })

  it('does not depend on ring orientation', () => {
    const cw = [...outer].reverse()
    expect(pointInPolygon([113.305, 23.11], [cw, hole])).toBe(true)
  })

  it('handles a concave ring', () => {
    // A "U": the notch in the middle is outside.
    const u: LngLat[] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
    ]
    expect(pointInRing([1.5, 2], u)).toBe(false)
    expect(pointInRing([0.5, 2], u)).toBe(true)
    expect(pointInRing([1.5, 0.5], u)).toBe(true)
  })

  it('is false for an empty polygon', () => {
    expect(pointInPolygon(GZ, [])).toBe(false)
  })

  it('checks every polygon of a multipolygon', () => {
    const other = square(113.4, 23.11, 0.01)
    expect(pointInMultiPolygon([113.4, 23.11], [[outer, hole], [other]])).toBe(true)
    expect(pointInMultiPolygon([113.3, 23.11], [[outer, hole], [other]])).toBe(false)
  })
})

describe('ringAreaSquareMetres', () => {
  it('is positive counter-clockwise, negative clockwise, ~area of the square', () => {
    const ring = square(113.3, 23.11, 0.005)
    const a = ringAreaSquareMetres(ring)
    // ~1024 m × ~1107 m
    expect(a / 1e6).toBeCloseTo(1.134, 2)
    expect(ringAreaSquareMetres([...ring].reverse())).toBeCloseTo(-a, 3)
  })

  it('is zero for an empty ring', () => {
    expect(ringAreaSquareMetres([])).toBe(0)
  })
})

describe('samplePolyline / polylineLengthMetres', () => {
  const line: LngLat[] = [
    [113.3, 23.11],
    [113.31, 23.11],
  ]

  it('keeps the ends and spaces the samples no further than the step', () => {
    const pts = samplePolyline(line, 20)
    expect(pts[0]).toEqual(line[0])
    expect(pts[pts.length - 1]).toEqual(line[1])
    for (let i = 1; i < pts.length; i++) {
      expect(distanceMetres(pts[i - 1] as LngLat, pts[i] as LngLat)).toBeLessThanOrEqual(20.001)
    }
    expect(pts.length).toBe(Math.ceil(polylineLengthMetres(line) / 20) + 1)
  })

  it('returns nothing for an empty line and zero length for a point', () => {
    expect(samplePolyline([], 20)).toEqual([])
    expect(polylineLengthMetres([GZ])).toBe(0)
  })
})

describe('circleRing', () => {
  it('is a closed ring whose every point is the radius away, as distanceMetres measures it', () => {
    const center: LngLat = [113.3, 23.1]
    for (const metres of [50, 250, 3000]) {
      const ring = circleRing(center, metres, 16)
      expect(ring).toHaveLength(17)
      expect(ring[0]).toEqual(ring[16])
      for (const p of ring) expect(Math.abs(distanceMetres(center, p) - metres) / metres).toBeLessThan(1e-4)
    }
  })

  it('keeps its scale at other latitudes', () => {
    const center: LngLat = [10.75, 59.9]
    for (const p of circleRing(center, 500)) expect(distanceMetres(center, p)).toBeCloseTo(500, 0)
  })
})

describe('fromLocalMetres', () => {
  it('undoes toLocalMetres', () => {
    const origin: LngLat = [113.3, 23.1]
    const [lng, lat] = fromLocalMetres(toLocalMetres([113.31, 23.095], origin), origin)
    expect(lng).toBeCloseTo(113.31, 9)
    expect(lat).toBeCloseTo(23.095, 9)
  })
})
