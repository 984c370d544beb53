import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { looksSwapped } from './pack-checks'
import { validateRouteText, type ValidationContext } from './validate'

const toText = (route: unknown) => JSON.stringify(route, null, 2) + '\n'
const BOUNDS = '[[113.2, 23.05], [113.4, 23.15]]'

/** What a curator reads for each problem: severity, pointer and message. */
function problemsOf(route: unknown, ctx: ValidationContext = {}): string[] {
  return validateRouteText(toText(route), ctx).problems.map((p) => `${p.severity} ${p.pointer} ${p.message}`)
}

/** A test route moved to another city (Paris): both of its numbers can be a latitude. */
function parisRoute() {
  const route = createTestRoute()
  route.bounds = [
    [2.2, 48.8],
    [2.5, 48.95],
  ]
  route.map.center = [2.35, 48.86]
  route.course = [
    [2.25, 48.86],
    [2.45, 48.86],
  ]
  route.stops.forEach((stop, i) => (stop.position = [2.28 + i * 0.05, 48.86]))
  return route
}

describe('places and files are reported with the schema errors, all at once', () => {
  it('lists a schema error, a missing file and a stop outside the bounds together', () => {
    const route = createTestRoute()
    ;(route.stops[0] as { zoom: unknown }).zoom = 'near'
    route.stops[1]!.position = [113.61, 23.1]
    const ctx = { assetExists: (path: string) => path !== 'models/stop-3.glb' }
    expect(problemsOf(route, ctx)).toEqual([
      'error /stops/0/zoom expected number, found the string "near"',
      `error /stops/1/position stop "stop-2" is outside the route's bounds ${BOUNDS}: move it inside them, or widen "bounds"`,
      'error /stops/2/model/src file not found: "models/stop-3.glb" (paths are relative to the folder of route.json)',
    ])
  })

  it('does not check a place again where the schema already found it wrong', () => {
    const route = createTestRoute()
    ;(route.stops[0] as { position: unknown }).position = [113.3, 23.1, 4]
    expect(problemsOf(route)).toEqual([
      'error /stops/0/position expected a [longitude, latitude] pair of numbers, e.g. [113.3, 23.1], found 3 items',
    ])
  })
})

describe('the [longitude, latitude] hint', () => {
  it('is given for a latitude in the longitude slot that the schema refuses (latitude over 90)', () => {
    const route = createTestRoute()
    route.stops[0]!.position = [23.1, 113.25]
    expect(problemsOf(route)).toEqual([
      'error /stops/0/position latitude must be ≤ 90: check [longitude, latitude] order: it looks swapped, did you mean [113.25, 23.1]?',
    ])
  })

  it('is given when the pair is inside the bounds swapped and not as written', () => {
    const route = parisRoute()
    route.stops[1]!.position = [48.86, 2.33]
    expect(problemsOf(route).filter((p) => p.startsWith('error'))).toEqual([
      `error /stops/1/position stop "stop-2" is outside the route's bounds [[2.2, 48.8], [2.5, 48.95]]: check [longitude, latitude] order: it looks swapped, did you mean [2.33, 48.86]?`,
    ])
  })

  it('is given for a course point and the map centre that lie near the route when swapped', () => {
    const route = parisRoute()
    route.course[1] = [48.5, 2.9]
    route.map.center = [48.86, 2.35]
    expect(problemsOf(route).filter((p) => p.startsWith('error'))).toEqual([
      `error /map/center the map centre is outside the route's bounds [[2.2, 48.8], [2.5, 48.95]]: check [longitude, latitude] order: it looks swapped, did you mean [2.35, 48.86]?`,
      `error /course/1 course point is outside the route's bounds [[2.2, 48.8], [2.5, 48.95]]: check [longitude, latitude] order: it looks swapped, did you mean [2.9, 48.5]?`,
    ])
  })

  it('is not given for a pair that is simply too far east', () => {
    expect(
      looksSwapped(
        [113.61, 23.1],
        [
          [113.2, 23.05],
          [113.4, 23.15],
        ],
      ),
    ).toBe(false)
    expect(
      looksSwapped(
        [3.5, 48.86],
        [
          [2.2, 48.8],
          [2.5, 48.95],
        ],
      ),
    ).toBe(false)
  })
})

describe('plain words where zod says "expected tuple", "expected record" or "Too big"', () => {
  it('shows the expected shape with an example from the route itself', () => {
    const route = createTestRoute() as unknown as Record<string, unknown> & ReturnType<typeof createTestRoute>
    ;(route as { bounds: unknown }).bounds = [113.2, 23.05, 113.4, 23.15]
    ;(route.stops[0] as { position: unknown }).position = { lng: 113.3, lat: 23.1 }
    ;(route.stops[1] as { title: unknown }).title = 'Stop 2'
    expect(problemsOf(route)).toEqual([
      'error /bounds expected [[west, south], [east, north]], the south-west and north-east corners as [longitude, latitude], e.g. [[113.2, 23], [113.4, 23.2]], found 4 items',
      'error /bounds/0 expected a [longitude, latitude] pair of numbers, e.g. [113.3, 23.1], found number 113.2',
      'error /bounds/1 expected a [longitude, latitude] pair of numbers, e.g. [113.3, 23.1], found number 23.05',
      'error /stops/0/position expected a [longitude, latitude] pair of numbers, e.g. [113.3, 23.1], found an object',
      'error /stops/1/title expected a text for each language, e.g. {"zh-Hans": "…", "en": "…"}, found the string "Stop 2"',
    ])
  })
})

describe('the basemap files’ contents', () => {
  const files: Record<string, string> = {
    'basemap/water.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [23.1, 113.3] } },
      ],
    }),
    'basemap/banks.geojson': '{"type": "FeatureCollection", "features": [',
    'basemap/bridges.geojson': JSON.stringify({ type: 'Feature', geometry: null }),
    'basemap/labels.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [113.3, 23.1] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [23.12, 113.31] } },
      ],
    }),
  }
  const ctx = { assetExists: () => true, readText: (path: string) => files[path] }

  it('refuses invalid JSON, a file that is not a FeatureCollection, a Point in water and a swapped label', () => {
    const problems = problemsOf(createTestRoute(), ctx)
    expect(problems).toEqual([
      'error /map/basemap/water basemap/water.geojson, feature 0: a Point, but the "water" layer draws Polygon or MultiPolygon: move it to the right layer\'s file, or remove it',
      expect.stringMatching(
        /^error \/map\/basemap\/banks basemap\/banks.geojson is not valid JSON \(.+\): export the layer again as GeoJSON$/,
      ),
      'error /map/basemap/bridges basemap/bridges.geojson is not a GeoJSON FeatureCollection: it must read {"type": "FeatureCollection", "features": [...]}',
      'error /map/basemap/labels basemap/labels.geojson, feature 1: [23.12, 113.31] is far from the route; GeoJSON is [longitude, latitude]: check [longitude, latitude] order: it looks swapped, did you mean [113.31, 23.12]?',
    ])
  })

  it('refuses a swapped Point where a Polygon belongs on a route in another city', () => {
    const water = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [2.2, 48.85],
                [2.5, 48.85],
                [48.87, 2.5],
                [2.2, 48.85],
              ],
            ],
          },
        },
      ],
    })
    const valid = JSON.stringify({ type: 'FeatureCollection', features: [] })
    const problems = problemsOf(parisRoute(), {
      assetExists: () => true,
      readText: (path) => (path === 'basemap/water.geojson' ? water : valid),
    })
    expect(problems.filter((p) => p.startsWith('error'))).toEqual([
      'error /map/basemap/water basemap/water.geojson, feature 0: [48.87, 2.5] is far from the route; GeoJSON is [longitude, latitude]: check [longitude, latitude] order: it looks swapped, did you mean [2.5, 48.87]?',
    ])
  })
})

describe('trigger advice', () => {
  it('never advises a radius above the schema’s 5000 m maximum', () => {
    const route = createTestRoute()
    // About 5.5 km north of the course, still inside the bounds.
    route.stops[1]!.position = [113.23, 23.1495]
    const warning = problemsOf(route).find((p) => p.startsWith('warning /stops/1/trigger/radius'))
    expect(warning).toBe(
      'warning /stops/1/trigger/radius the course never comes within 300 m of stop "stop-2" (closest: 5504 m): its story never starts by position; use a "segment" trigger on the stretch of river where it is seen (a radius is at most 5000 m)',
    )
  })

  it('advises a radius, rounded up, when one within the maximum would do', () => {
    const route = createTestRoute()
    route.stops[1]!.position = [113.23, 23.11]
    const warning = problemsOf(route).find((p) => p.startsWith('warning /stops/1/trigger/radius'))
    expect(warning).toMatch(/use a radius over 1170 m or a "segment" trigger$/)
  })
})
