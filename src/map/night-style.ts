import type { ExpressionSpecification } from 'maplibre-gl'

import type { Lang, Route } from '@/route/schema'

/** Colours of the night map: dark land, luminous water edge, a lit route. */
export const NIGHT = {
  land: '#0b0f1c',
  water: '#0d2742',
  waterEdge: '#4fc8ff',
  bridge: '#ffd98a',
  course: '#ffb347',
  stop: '#ff9f1c',
  stopSelected: '#ffffff',
  label: '#9fb6cf',
  stopName: '#ffd9a8',
  history: '#d9a6ff',
} as const

/**
 * How a stop's marker looks on both maps: a site is a filled circle; an interlude (a river story with no 3D view)
 * a smaller ring, so that sites stay readable where stories crowd the overview.
 */
export const STOP_MARKER = {
  site: {
    radius: 12,
    selectedRadius: 15,
    fill: NIGHT.stop,
    stroke: NIGHT.land,
    text: NIGHT.land,
    fontSize: 13,
  },
  interlude: {
    radius: 9,
    selectedRadius: 12,
    fill: NIGHT.land,
    stroke: NIGHT.stop,
    text: NIGHT.stop,
    fontSize: 11,
  },
} as const

/** The layers that light up a basemap feature named by a narration cue, by basemap layer. */
export const HIGHLIGHT_LAYERS = { bridges: 'bridges-highlight', labels: 'labels-highlight' } as const

/** The filter of a highlight layer: the feature with this Chinese or English name, or nothing. */
export function highlightFilter(name: string | null): ExpressionSpecification {
  return name === null
    ? ['boolean', false]
    : ['any', ['==', ['get', 'name_zh'], name], ['==', ['get', 'name_en'], name]]
}

/**
 * The filter of the history layers: lines that name the stop telling them (`stop`) show while that stop is open;
 * lines that name none always show.
 */
export function historyFilter(stopId: string | null): ExpressionSpecification {
  return ['any', ['!', ['has', 'stop']], ['==', ['get', 'stop'], stopId ?? '']]
}

/** The basemap's history layers (`historyLayers`), whose filters follow the open stop. */
export const HISTORY_LAYERS = ['history', 'history-labels', 'history-story-labels'] as const

/**
 * Each history layer's filter with a stop open: the lines as `historyFilter`; the names of lines tied to no story
 * (a layer with `HISTORY_NAMES_ZOOM` as its minimum zoom) and of the open story's own lines (at any zoom), as
 * `historyNamed` chooses on the still map.
 */
export function historyFilters(
  stopId: string | null,
): Record<(typeof HISTORY_LAYERS)[number], ExpressionSpecification> {
  return {
    history: historyFilter(stopId),
    'history-labels': ['!', ['has', 'stop']],
    'history-story-labels': ['==', ['get', 'stop'], stopId ?? ''],
  }
}

/** Typefaces of the still map's names: Latin ones first for English, so its punctuation is not set full-width. */
export const CJK_LABEL_FONTS = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
export const LATIN_LABEL_FONTS = `system-ui, ${CJK_LABEL_FONTS}`

/** From this zoom the history lines tied to no story carry their names, on both maps. */
export const HISTORY_NAMES_ZOOM = 13.5

/**
 * Whether a history line is named: always while the story it belongs to is open (the story is telling it),
 * otherwise from `HISTORY_NAMES_ZOOM`, where there is room. The live map's label layers make the same choice.
 */
export function historyNamed(
  feature: { properties: Record<string, unknown> | null },
  stopId: string | null,
  zoom: number,
): boolean {
  const stop = feature.properties?.stop
  return stop !== undefined ? stop === stopId : zoom >= HISTORY_NAMES_ZOOM
}

/** Which label property to show for a language: Cantonese visitors read the Chinese names. */
export function labelField(lang: Lang): ExpressionSpecification {
  return lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']] : ['get', 'name_zh']
}

/** The stops and the course as GeoJSON, numbered in route order; feature ids let the map mark the open stop. */
export function routeFeatures(route: Route, lang: Lang) {
  return {
    stops: {
      type: 'FeatureCollection' as const,
      features: route.stops.map((stop, i) => ({
        type: 'Feature' as const,
        id: i,
        properties: {
          id: stop.id,
          kind: stop.kind ?? 'site',
          number: String(i + 1),
          title: stop.title[lang] ?? stop.title[route.defaultLanguage] ?? '',
        },
        geometry: { type: 'Point' as const, coordinates: stop.position },
      })),
    },
    course: {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'LineString' as const, coordinates: route.course },
    },
  }
}
