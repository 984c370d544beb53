import type { StyleSpecification } from 'maplibre-gl'

import { BASEMAP_LAYERS, basemapSources, LAND_LAYER, labelsLayer } from '@/map/night-layers'
import { NIGHT } from '@/map/night-style'
import type { LngLat } from '@/route/geo'
import { assetPathProblem } from '@/route/asset-path'

import { circleRing, courseStretch } from './map-geometry'
import type { DraftStop, RouteDraft } from './route-draft'

/** The sources the studio map draws the draft with (stops and handles are DOM markers, so they can be dragged). */
export const STUDIO_SOURCES = {
  course: 'studio-course',
  points: 'studio-points',
  trigger: 'studio-trigger',
} as const
export const POINTS_LAYER = 'studio-points'

type Geometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'Polygon'; coordinates: number[][][] }

/** A GeoJSON FeatureCollection of the studio's own shapes. */
export interface Features {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: Record<string, number>; geometry: Geometry }[]
}

const EMPTY: Features = { type: 'FeatureCollection', features: [] }

export function courseData(course: readonly LngLat[] | null): Features {
  return {
    type: 'FeatureCollection',
    features: course
      ? [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'LineString', coordinates: course.map((p) => [...p]) },
          },
        ]
      : [],
  }
}

/** The course points, numbered by their index in the file, for dragging and removing. */
export function pointsData(course: readonly LngLat[] | null): Features {
  return {
    type: 'FeatureCollection',
    features: (course ?? []).map((p, i) => ({
      type: 'Feature',
      properties: { i },
      geometry: { type: 'Point', coordinates: [...p] },
    })),
  }
}

/** The selected stop's trigger: its circle, or the stretch of course it covers. */
export function triggerData(
  stop: DraftStop | undefined,
  course: readonly LngLat[] | null,
  radius?: number,
): Features {
  if (!stop?.position || !stop.trigger) return EMPTY
  if (stop.trigger.type === 'radius') {
    const ring = circleRing(stop.position, radius ?? stop.trigger.radius)
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    }
  }
  const stretch = course ? courseStretch(course, stop.trigger.from, stop.trigger.to) : []
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'LineString', coordinates: stretch.map((p) => [...p]) },
      },
    ],
  }
}

/**
 * The studio's map: the route pack's night basemap (when its paths are safe), the course with its points, and
 * the selected stop's trigger. Built from the draft, so it draws while the route still has errors.
 */
export function studioMapStyle(draft: RouteDraft, packUrl: string | null): StyleSpecification {
  const basemap = draft.basemap
  // A draft without a folder has no basemap to draw: never another route's.
  const safe =
    packUrl !== null && basemap && Object.values(basemap).every((path) => assetPathProblem(path) === null)
  return {
    version: 8,
    sources: {
      ...(safe ? basemapSources(basemap, packUrl, draft.attribution) : {}),
      [STUDIO_SOURCES.course]: { type: 'geojson', data: courseData(draft.course) },
      [STUDIO_SOURCES.points]: { type: 'geojson', data: pointsData(draft.course) },
      [STUDIO_SOURCES.trigger]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      LAND_LAYER,
      ...(safe ? [...BASEMAP_LAYERS, labelsLayer(draft.defaultLanguage)] : []),
      {
        id: 'studio-trigger-fill',
        type: 'fill',
        source: STUDIO_SOURCES.trigger,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': NIGHT.stop, 'fill-opacity': 0.18 },
      },
      {
        id: 'studio-trigger-line',
        type: 'line',
        source: STUDIO_SOURCES.trigger,
        paint: { 'line-color': NIGHT.stop, 'line-width': ['match', ['geometry-type'], 'LineString', 8, 1.5] },
      },
      {
        id: 'studio-course',
        type: 'line',
        source: STUDIO_SOURCES.course,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': NIGHT.course, 'line-width': 2.5 },
      },
      {
        id: POINTS_LAYER,
        type: 'circle',
        source: STUDIO_SOURCES.points,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 15, 6],
          'circle-color': NIGHT.land,
          'circle-stroke-color': NIGHT.course,
          'circle-stroke-width': 1.5,
        },
      },
    ],
  }
}
