import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'

import { assetUrl } from '@/route/asset-url'
import type { Lang, Route } from '@/route/schema'

import {
  HIGHLIGHT_LAYERS,
  highlightFilter,
  historyFilters,
  HISTORY_NAMES_ZOOM,
  labelField,
  NIGHT,
  routeFeatures,
  STOP_MARKER,
} from './night-style'
import { STOP_GROUPS, STOP_MARKS } from './stop-groups'
import { YOU_ARE_HERE } from './you-are-here'

// The live map's whole MapLibre style. Its own module, loaded with MapLibre: the first view's still map needs
// only the colours and helpers of ./night-style.

/** The route pack's four basemap layers as GeoJSON sources, each carrying the map's attribution. */
export function basemapSources(
  basemap: Route['map']['basemap'],
  packUrl: string,
  attribution: string,
): StyleSpecification['sources'] {
  const layer = (path: string) => ({ type: 'geojson' as const, data: assetUrl(packUrl, path), attribution })
  return {
    water: layer(basemap.water),
    banks: layer(basemap.banks),
    bridges: layer(basemap.bridges),
    labels: layer(basemap.labels),
    ...(basemap.history ? { history: layer(basemap.history) } : {}),
  }
}

/**
 * Lines of the past (a former bank): thin and dashed, with their name (which says "approximate") along them; a
 * line that names a stop shows while that stop's story is open.
 */
export function historyLayers(lang: Lang, stopId: string | null): LayerSpecification[] {
  const filters = historyFilters(stopId)
  const names = (id: 'history-labels' | 'history-story-labels'): LayerSpecification => ({
    id,
    type: 'symbol',
    source: 'history',
    filter: filters[id],
    ...(id === 'history-labels' ? { minzoom: HISTORY_NAMES_ZOOM } : {}),
    layout: {
      'symbol-placement': 'line',
      'text-field': labelField(lang),
      'text-size': 11,
      'text-font': ['sans-serif'],
    },
    paint: { 'text-color': NIGHT.history, 'text-halo-color': NIGHT.land, 'text-halo-width': 1.5 },
  })
  return [
    {
      id: 'history',
      type: 'line',
      source: 'history',
      filter: filters.history,
      paint: {
        'line-color': NIGHT.history,
        'line-width': 1.5,
        'line-dasharray': [1, 2],
        'line-opacity': 0.9,
      },
    },
    names('history-labels'),
    names('history-story-labels'),
  ]
}

/** A paint or layout value that differs between a site's marker and an interlude's. */
function byKind<T extends string | number>(
  value: (marker: (typeof STOP_MARKER)[keyof typeof STOP_MARKER]) => T,
): ExpressionSpecification {
  return ['match', ['get', 'kind'], 'interlude', value(STOP_MARKER.interlude), value(STOP_MARKER.site)]
}

/** The night's dark land, under everything. */
export const LAND_LAYER: LayerSpecification = {
  id: 'land',
  type: 'background',
  paint: { 'background-color': NIGHT.land },
}

/** The basemap's water with its lit edge, and the bridges. */
export const BASEMAP_LAYERS: LayerSpecification[] = [
  { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': NIGHT.water } },
  {
    id: 'water-glow',
    type: 'line',
    source: 'banks',
    paint: { 'line-color': NIGHT.waterEdge, 'line-width': 6, 'line-blur': 5, 'line-opacity': 0.35 },
  },
  {
    id: 'water-edge',
    type: 'line',
    source: 'banks',
    paint: { 'line-color': NIGHT.waterEdge, 'line-width': 1.2, 'line-opacity': 0.9 },
  },
  {
    id: 'bridges',
    type: 'line',
    source: 'bridges',
    layout: { 'line-cap': 'round' },
    paint: {
      'line-color': NIGHT.bridge,
      'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 16, 5],
    },
  },
]

/** The basemap's place names in `lang`, drawn with the device's fonts. */
export function labelsLayer(lang: Lang): LayerSpecification {
  return {
    id: 'labels',
    type: 'symbol',
    source: 'labels',
    layout: {
      'text-field': labelField(lang),
      'text-size': ['match', ['get', 'rank'], 1, 15, 2, 13, 12],
      'text-font': ['sans-serif'],
      'text-allow-overlap': false,
    },
    paint: { 'text-color': NIGHT.label, 'text-halo-color': NIGHT.land, 'text-halo-width': 1.5 },
  }
}

/**
 * The embedded night basemap: the route pack's own GeoJSON layers (water, banks, bridges, labels) plus the
 * course and stops. No tiles, no glyph server: labels are drawn with the device's fonts.
 */
export function nightStyle(
  route: Route,
  packUrl: string,
  lang: Lang,
  attribution: string,
): StyleSpecification {
  const { stops, course } = routeFeatures(route, lang)
  return {
    version: 8,
    sources: {
      ...basemapSources(route.map.basemap, packUrl, attribution),
      course: { type: 'geojson', data: course },
      stops: { type: 'geojson', data: stops },
      [STOP_GROUPS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [YOU_ARE_HERE.source]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      LAND_LAYER,
      ...BASEMAP_LAYERS,
      {
        id: HIGHLIGHT_LAYERS.bridges,
        type: 'line',
        source: 'bridges',
        filter: highlightFilter(null),
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': NIGHT.stopSelected, 'line-width': 9, 'line-blur': 4 },
      },
      {
        id: 'course-glow',
        type: 'line',
        source: 'course',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': NIGHT.course, 'line-width': 10, 'line-blur': 8, 'line-opacity': 0.45 },
      },
      {
        id: 'course',
        type: 'line',
        source: 'course',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': NIGHT.course, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
      },
      ...(route.map.basemap.history ? historyLayers(lang, null) : []),
      labelsLayer(lang),
      {
        id: HIGHLIGHT_LAYERS.labels,
        type: 'symbol',
        source: 'labels',
        filter: highlightFilter(null),
        layout: { 'text-field': labelField(lang), 'text-size': 18, 'text-font': ['sans-serif'] },
        paint: { 'text-color': NIGHT.stopSelected, 'text-halo-color': NIGHT.stop, 'text-halo-width': 2 },
      },
      {
        id: 'stops',
        type: 'circle',
        source: 'stops',
        paint: {
          'circle-radius': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            byKind((m) => m.selectedRadius),
            byKind((m) => m.radius),
          ],
          'circle-color': byKind((m) => m.fill),
          'circle-stroke-width': 2,
          'circle-stroke-color': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            NIGHT.stopSelected,
            byKind((m) => m.stroke),
          ],
        },
      },
      // The stops' names where they fit, beside their circles; never over a circle, nor a place name over one.
      {
        id: 'stop-names',
        type: 'symbol',
        source: 'stops',
        layout: {
          'text-field': ['get', 'title'],
          'text-size': 12,
          'text-font': ['sans-serif'],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 1.3,
          'text-justify': 'auto',
          'text-max-width': 9,
        },
        paint: { 'text-color': NIGHT.stopName, 'text-halo-color': NIGHT.land, 'text-halo-width': 1.5 },
      },
      // Symbols are placed from the top layer down: the numbers (always drawn) hold their circle's square, padded,
      // so the names and place names below give way to the circles.
      {
        id: 'stop-numbers',
        type: 'symbol',
        source: 'stops',
        layout: {
          'text-field': ['get', 'number'],
          'text-size': byKind((m) => m.fontSize),
          'text-font': ['sans-serif'],
          'text-allow-overlap': true,
          'text-padding': 9,
        },
        paint: { 'text-color': byKind((m) => m.text) },
      },
      // Stops too close to draw apart at this zoom, as one circle ("2–7"): src/map/use-stop-marks.ts.
      {
        id: STOP_GROUPS,
        type: 'circle',
        source: STOP_GROUPS,
        paint: {
          'circle-radius': STOP_MARKS.groupRadius - STOP_MARKS.outline,
          'circle-color': NIGHT.stop,
          'circle-stroke-width': STOP_MARKS.outline,
          'circle-stroke-color': NIGHT.land,
        },
      },
      {
        id: `${STOP_GROUPS}-labels`,
        type: 'symbol',
        source: STOP_GROUPS,
        layout: {
          'text-field': ['get', 'label'],
          'text-size': 12,
          'text-font': ['sans-serif'],
          'text-allow-overlap': true,
          'text-padding': 12,
        },
        paint: { 'text-color': NIGHT.land },
      },
      // "You are here", above everything: the accuracy circle, the heading wedge, then the dot.
      {
        id: 'you-are-here-accuracy',
        type: 'fill',
        source: YOU_ARE_HERE.source,
        filter: ['==', ['get', 'kind'], 'accuracy'],
        paint: { 'fill-color': YOU_ARE_HERE.colour, 'fill-opacity': 0.15 },
      },
      {
        id: 'you-are-here-accuracy-edge',
        type: 'line',
        source: YOU_ARE_HERE.source,
        filter: ['==', ['get', 'kind'], 'accuracy'],
        paint: { 'line-color': YOU_ARE_HERE.colour, 'line-width': 1, 'line-opacity': 0.6 },
      },
      {
        id: 'you-are-here-heading',
        type: 'symbol',
        source: YOU_ARE_HERE.source,
        filter: ['has', 'heading'],
        layout: {
          'icon-image': YOU_ARE_HERE.image,
          'icon-rotate': ['get', 'heading'],
          'icon-rotation-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      {
        id: 'you-are-here',
        type: 'circle',
        source: YOU_ARE_HERE.source,
        filter: ['==', ['get', 'kind'], 'boat'],
        paint: {
          'circle-radius': 8,
          'circle-color': YOU_ARE_HERE.colour,
          'circle-stroke-width': 2.5,
          'circle-stroke-color': '#ffffff',
        },
      },
    ],
  }
}
