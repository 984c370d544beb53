import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { courseGeometry, pointAlong, projectOnCourse } from '@/route/course'
import type { LngLat } from '@/route/geo'
import { validateRouteText } from '@/route/validate'

import {
  STOP_PADDING,
  fitCamera,
  historyShown,
  mercator,
  namePointsAlong,
  pathOf,
  placeLabels,
  projector,
  stopCamera,
  type MapCamera,
} from './still-map-geometry'

describe('the still map projection', () => {
  it('puts the equator and the prime meridian in the middle of the world square', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5])
    expect(mercator([180, 0])[0]).toBe(1)
    // 85.0511° is where Web Mercator's square ends.
    expect(mercator([0, 85.0511287798])[1]).toBeCloseTo(0, 6)
  })

  it('shows the camera centre in the middle of the view, at 512 × 2^zoom pixels per world', () => {
    const project = projector({ center: [113.27, 23.11], zoom: 14 }, 400, 300)
    expect(project([113.27, 23.11]).map((v) => v.toFixed(6))).toEqual(['200.000000', '150.000000'])
    // One degree of longitude is 1/360 of the world.
    const [x] = project([113.28, 23.11])
    expect(x - 200).toBeCloseTo((512 * 2 ** 14) / 36_000, 6)
  })

  it('fits a box with its padding on the tighter side and centred on the other, like fitBounds', () => {
    const box: [[number, number], [number, number]] = [
      [113.22, 23.08],
      [113.43, 23.13],
    ]
    const camera = fitCamera(box, 390, 240, 24)
    const project = projector(camera, 390, 240)
    const [west, south] = project(box[0])
    const [east, north] = project(box[1])
    // The course is wide: it touches the side padding, and sits in the middle vertically.
    expect(west).toBeCloseTo(24, 6)
    expect(east).toBeCloseTo(390 - 24, 6)
    expect((north + south) / 2).toBeCloseTo(120, 6)
    expect(south - north).toBeLessThan(240 - 48)
    // Guangzhou's river at this size is a city-wide view.
    expect(camera.zoom).toBeGreaterThan(10)
    expect(camera.zoom).toBeLessThan(12)
  })

  it('writes a path, closed when asked', () => {
    const project = projector({ center: [0, 0], zoom: 0 }, 512, 512)
    expect(
      pathOf(
        [
          [0, 0],
          [90, 0],
        ],
        project,
      ),
    ).toBe('M256.0 256.0L384.0 256.0')
    expect(
      pathOf(
        [
          [0, 0],
          [90, 0],
          [90, 10],
        ],
        project,
        true,
      ),
    ).toMatch(/Z$/)
  })
})

describe('placing place names', () => {
  const label = (text: string, x: number, y: number, size = 12) => ({ text, x, y, size })

  it('keeps the first of two labels that would overlap, so higher ranks listed first win', () => {
    const placed = placeLabels(
      [label('珠江', 100, 100, 15), label('海珠区', 110, 104), label('Ersha', 300, 100)],
      400,
      300,
    )
    expect(placed.map((l) => l.text)).toEqual(['珠江', 'Ersha'])
  })

  it('drops a label that would be cut by the edge of the view', () => {
    expect(placeLabels([label('Pazhou Pagoda', 395, 100)], 400, 300)).toEqual([])
    expect(placeLabels([label('Pazhou Pagoda', 300, 100)], 400, 300)).toHaveLength(1)
  })

  it('never puts a name over a stop circle, and puts a stop name on the first free side of its circle', () => {
    const circle = [88, 88, 112, 112] as const
    expect(placeLabels([label('珠江', 100, 100)], 400, 300, [circle])).toEqual([])
    const sides = ['right', 'left', 'below', 'above'] as const
    const name = { ...label('Tianzi Pier', 100, 100), sides, offset: 14 }
    const [right] = placeLabels([name], 400, 300, [circle])
    expect(right!.cx).toBeGreaterThan(112)
    expect(right!.cy).toBe(100)
    // Against the right edge of the view, it goes to the left.
    const [left] = placeLabels([{ ...name, x: 370 }], 400, 300, [[358, 88, 382, 112]])
    expect(left!.cx).toBeLessThan(358)
  })
})

describe('the view of an open stop', () => {
  // A river course running east–west along 23.11° N, and a phone's map panel.
  const course: LngLat[] = [
    [113.24, 23.11],
    [113.28, 23.11],
  ]
  const [width, height] = [390, 354]
  /** A point on the course's meridian, `metres` north of it. */
  const north = (metres: number): LngLat => [113.26, 23.11 + metres / 111_195]
  const river = north(0)
  /** Whether a point is in a `w` × `h` view of `camera` below `covered` pixels, `STOP_PADDING` clear of the edges. */
  const inView = (camera: MapCamera, point: LngLat, w = width, h = height, covered = 0) => {
    const [x, y] = projector(camera, w, h)(point)
    const margin = STOP_PADDING - 1e-6
    return x >= margin && x <= w - margin && y >= covered + margin && y <= h - margin
  }
  const ownView = (stop: { position: LngLat; zoom: number }) => ({ center: stop.position, zoom: stop.zoom })

  it('keeps the stop’s own centre and zoom when it is on the water', () => {
    const stop = { position: north(20), zoom: 15.5 }
    expect(stopCamera(stop, course, width, height)).toEqual(ownView(stop))
  })

  it('keeps them too when the river is in sight from a stop on the bank', () => {
    const stop = { position: north(80), zoom: 15.5 }
    expect(stopCamera(stop, course, width, height)).toEqual(ownView(stop))
  })

  it('frames a stop 600 m inland with the nearest point of the course, zoomed out only as far as that needs', () => {
    const stop = { position: north(600), zoom: 15.5 }
    expect(inView(ownView(stop), river)).toBe(false)
    const camera = stopCamera(stop, course, width, height)
    expect(inView(camera, river)).toBe(true)
    expect(inView(camera, stop.position)).toBe(true)
    expect(camera.zoom).toBeLessThan(15.5)
    // No further out than that: the stop and the river point touch the padding at the top and the bottom.
    const project = projector(camera, width, height)
    expect(project(river)[1] - project(stop.position)[1]).toBeCloseTo(height - 2 * STOP_PADDING, 6)
  })

  it('moves rather than zooms out when the stop and the river fit together at the stop’s own zoom', () => {
    const stop = { position: north(250), zoom: 15.5 }
    expect(inView(ownView(stop), river)).toBe(false)
    const camera = stopCamera(stop, course, width, height)
    expect(camera.zoom).toBe(15.5)
    expect(inView(camera, river)).toBe(true)
    expect(inView(camera, stop.position)).toBe(true)
  })

  it('frames them in the part of the map that nothing covers (a phone’s position panel over the top)', () => {
    const stop = { position: north(-600), zoom: 15.5 }
    const camera = stopCamera(stop, course, width, height, 100)
    const project = projector(camera, width, height)
    expect(project(river)[1]).toBeCloseTo(100 + STOP_PADDING, 6)
    expect(project(stop.position)[1]).toBeCloseTo(height - STOP_PADDING, 6)
  })

  it('moves a stop on the water out from under what covers the top of a short map', () => {
    const stop = { position: north(0), zoom: 15.5 }
    const camera = stopCamera(stop, course, 320, 240, 110)
    expect(camera.zoom).toBe(15.5)
    expect(projector(camera, 320, 240)(stop.position)[1]).toBeCloseTo(110 + (240 - 110) / 2, 6)
  })

  it('keeps the stop’s view until the map has a size', () => {
    const stop = { position: north(600), zoom: 15.5 }
    expect(stopCamera(stop, course, 0, 0)).toEqual(ownView(stop))
  })

  it('shows every stop of the Pearl River route with the nearest point of its course, on phones and a kiosk', () => {
    const { route } = validateRouteText(readFileSync('routes-data/pearl-river-night/route.json', 'utf8'))
    const geometry = courseGeometry(route!.course)
    // A small phone's map under its position panel, a larger phone's, and a kiosk's with nothing over it.
    for (const [w, h, covered] of [
      [320, 238, 100],
      [390, 354, 90],
      [1080, 614, 0],
    ] as const) {
      for (const stop of route!.stops) {
        const nearest = pointAlong(geometry, route!.course, projectOnCourse(geometry, stop.position).along)
        const camera = stopCamera(stop, route!.course, w, h, covered)
        expect(inView(camera, stop.position, w, h, covered), stop.id).toBe(true)
        expect(inView(camera, nearest.position, w, h, covered), stop.id).toBe(true)
        expect(camera.zoom, stop.id).toBeLessThanOrEqual(stop.zoom)
      }
    }
  })
})

describe('the still map history lines', () => {
  const feature = (stop?: string) => ({
    properties: stop === undefined ? {} : { stop },
    id: stop ?? 'always',
  })
  it('shows the lines tied to no stop always, and a stop’s own only while it is open (as the live map)', () => {
    const features = [feature(), feature('cathedral'), feature('bridge')]
    expect(historyShown(features, null).map((f) => f.id)).toEqual(['always'])
    expect(historyShown(features, 'cathedral').map((f) => f.id)).toEqual(['always', 'cathedral'])
    expect(historyShown([{ properties: null }], 'bridge')).toHaveLength(1)
  })

  it('names a line at points along it, the nearest the view’s centre first', () => {
    const line: [number, number][] = [
      [0, 0],
      [40, 0],
      [40, 30],
    ]
    expect(namePointsAlong(line, 20, [40, 0])).toEqual([
      [40, 0],
      [20, 0],
      [40, 20],
      [0, 0],
    ])
    expect(namePointsAlong([[1, 1]], 20, [0, 0])).toEqual([])
  })
})

describe('placing a label at another point when its first does not fit', () => {
  it('tries the alternatives in turn, and drops the label when none fits', () => {
    const obstacle: [number, number, number, number] = [40, 40, 60, 60]
    const label = {
      x: 50,
      y: 50,
      text: 'bank',
      size: 10,
      alternatives: [[50, 50] as const, [150, 50] as const],
    }
    const [placed] = placeLabels([label], 200, 100, [obstacle])
    expect(placed?.cx).toBe(150)
    expect(placeLabels([{ ...label, alternatives: [] }], 200, 100, [obstacle])).toEqual([])
  })
})
