import { featureFilter } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { nightStyle } from './night-layers'
import { historyFilter, historyFilters, historyNamed, HISTORY_NAMES_ZOOM, routeFeatures } from './night-style'

describe('nightStyle', () => {
  const route = createTestRoute({ stops: 2 })
  const style = nightStyle(route, 'http://localhost/routes-data/test/', 'en', '© OpenStreetMap contributors')

  it('reads every basemap layer from the route pack, with attribution', () => {
    expect(style.sources.water).toEqual({
      type: 'geojson',
      data: 'http://localhost/routes-data/test/basemap/water.geojson',
      attribution: '© OpenStreetMap contributors',
    })
  })

  it('needs no glyph server and no tiles', () => {
    expect(style.glyphs).toBeUndefined()
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true)
  })

  it('draws the stops as a map layer above the course', () => {
    const ids = style.layers.map((l) => l.id)
    expect(ids.indexOf('stops')).toBeGreaterThan(ids.indexOf('course'))
  })
})

describe('routeFeatures', () => {
  it('numbers the stops in route order with their title in the chosen language', () => {
    const { stops } = routeFeatures(createTestRoute({ stops: 2 }), 'en')
    expect(stops.features.map((f) => [f.id, f.properties.number, f.properties.title])).toEqual([
      [0, '1', 'Stop 1'],
      [1, '2', 'Stop 2'],
    ])
  })
})

describe('the history layers', () => {
  const route = createTestRoute({ stops: 2 })
  route.map.basemap.history = 'basemap/history.geojson'
  const style = nightStyle(route, 'http://localhost/routes-data/test/', 'en', '© OpenStreetMap contributors')
  const line = (properties: Record<string, string>) => ({
    type: 'LineString' as const,
    properties,
    geometry: { type: 'LineString' as const, coordinates: [] },
  })
  const shown = (stopId: string | null, properties: Record<string, string>) =>
    featureFilter(historyFilter(stopId), 'layers[0].filter').filter({ zoom: 14 }, line(properties) as never)

  it('are drawn from the pack’s history file, above the water and below the labels, only when there is one', () => {
    expect(style.sources.history).toMatchObject({
      data: 'http://localhost/routes-data/test/basemap/history.geojson',
    })
    const ids = style.layers.map((l) => l.id)
    expect(ids.indexOf('history')).toBeGreaterThan(ids.indexOf('water'))
    expect(ids.indexOf('history-labels')).toBeLessThan(ids.indexOf('labels'))
    const plain = nightStyle(createTestRoute(), 'http://localhost/', 'en', '©')
    expect(plain.sources.history).toBeUndefined()
    expect(plain.layers.some((l) => l.id.startsWith('history'))).toBe(false)
  })

  it('show a line that names a stop only while that stop is open, and a line that names none always', () => {
    expect(shown(null, { stop: 'stop-2' })).toBe(false)
    expect(shown('stop-1', { stop: 'stop-2' })).toBe(false)
    expect(shown('stop-2', { stop: 'stop-2' })).toBe(true)
    expect(shown(null, {})).toBe(true)
    expect(shown('stop-1', {})).toBe(true)
  })

  it('name the open story’s own line at any zoom, and a line tied to no story only from the naming zoom', () => {
    const lowZoom = HISTORY_NAMES_ZOOM - 2
    expect(historyNamed({ properties: { stop: 'stop-2' } }, 'stop-2', lowZoom)).toBe(true)
    expect(historyNamed({ properties: { stop: 'stop-2' } }, 'stop-1', HISTORY_NAMES_ZOOM + 2)).toBe(false)
    expect(historyNamed({ properties: {} }, 'stop-2', lowZoom)).toBe(false)
    expect(historyNamed({ properties: {} }, null, HISTORY_NAMES_ZOOM)).toBe(true)
    // The live map makes the same choice with two label layers, one of them from the naming zoom.
    const named = (layer: 'history-labels' | 'history-story-labels', stopId: string, properties: object) =>
      featureFilter(historyFilters(stopId)[layer], layer).filter(
        { zoom: lowZoom },
        line(properties as never) as never,
      )
    expect(named('history-story-labels', 'stop-2', { stop: 'stop-2' })).toBe(true)
    expect(named('history-story-labels', 'stop-1', { stop: 'stop-2' })).toBe(false)
    expect(named('history-story-labels', 'stop-1', {})).toBe(false)
    expect(named('history-labels', 'stop-2', { stop: 'stop-2' })).toBe(false)
    expect(named('history-labels', 'stop-2', {})).toBe(true)
    const layers = Object.fromEntries(style.layers.map((l) => [l.id, l]))
    expect(layers['history-labels']?.minzoom).toBe(HISTORY_NAMES_ZOOM)
    expect(layers['history-story-labels']?.minzoom).toBeUndefined()
  })
})

describe('stop markers', () => {
  it('mark an interlude as such, so both maps draw it as a smaller ring than a site', () => {
    const route = createTestRoute({ stops: 2 })
    const { model: _model, ...rest } = route.stops[1]!
    route.stops[1] = { ...rest, kind: 'interlude' }
    const { stops } = routeFeatures(route, 'en')
    expect(stops.features.map((f) => f.properties.kind)).toEqual(['site', 'interlude'])
  })
})
