import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { nightStyle } from './night-layers'
import { routeFeatures } from './night-style'

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
