import { describe, expect, it } from 'vitest'
import type { StyleSpecification } from 'maplibre-gl'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { nightStyle } from './night-layers'
import { withSymbolScale } from './symbol-scale'

const style: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [
    { id: 'bg', type: 'background', paint: { 'background-color': '#000' } },
    {
      id: 'stops',
      type: 'circle',
      source: 's',
      paint: {
        'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 15, 12],
        'circle-stroke-width': 2,
        'circle-color': '#fff',
      },
    },
    {
      id: 'names',
      type: 'symbol',
      source: 's',
      layout: { 'text-size': ['interpolate', ['linear'], ['zoom'], 12, 10, 16, 20], 'text-field': 'x' },
    },
    { id: 'course', type: 'line', source: 's', paint: { 'line-width': ['step', ['zoom'], 1, 14, 3] } },
  ],
}

describe('withSymbolScale', () => {
  it('enlarges markers, labels and lines, and nothing else', () => {
    const big = withSymbolScale(style, 2)
    expect(big.layers[0]).toEqual(style.layers[0])
    expect(big.layers[1]).toMatchObject({
      paint: {
        'circle-radius': ['*', 2, ['case', ['boolean', ['feature-state', 'selected'], false], 15, 12]],
        'circle-stroke-width': 4,
        'circle-color': '#fff',
      },
    })
    expect(big.layers[2]).toMatchObject({
      layout: { 'text-size': ['interpolate', ['linear'], ['zoom'], 12, 20, 16, 40], 'text-field': 'x' },
    })
    expect(big.layers[3]).toMatchObject({ paint: { 'line-width': ['step', ['zoom'], 2, 14, 6] } })
  })

  it('leaves the style as it is at scale 1 or an unreadable scale', () => {
    expect(withSymbolScale(style, 1)).toBe(style)
    expect(withSymbolScale(style, Number.NaN)).toBe(style)
  })

  it('keeps the night style valid for MapLibre', async () => {
    const { validateStyleMin } = await import('@maplibre/maplibre-gl-style-spec')
    const night = nightStyle(createTestRoute(), 'https://example.org/pack/', 'en', '© OSM')
    expect(validateStyleMin(withSymbolScale(night, 1.75))).toEqual([])
  })
})
