import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'

import { useT } from '@/i18n/use-t'
import { assetUrl } from '@/route/asset-url'
import { pickText } from '@/route/localised'
import type { LngLat } from '@/route/geo'
import type { Route } from '@/route/schema'
import { useTour, useTourStore } from '@/tour/tour-context'

import { clearAttribution } from './attribution-clearance'
import { CJK_LABEL_FONTS, historyNamed, LATIN_LABEL_FONTS, NIGHT, STOP_MARKER } from './night-style'
import {
  historyShown,
  mapCamera,
  namePointsAlong,
  pathOf,
  placeLabels,
  projector,
  type Box,
} from './still-map-geometry'
import { groupStops, STOP_MARKS } from './stop-groups'

/** Where a stop's name may go beside its circle, in turn (the live map's `text-variable-anchor`). */
const NAME_SIDES = ['right', 'left', 'below', 'above'] as const

/** The few GeoJSON shapes the route pack's basemap uses. */
type Geometry =
  | { type: 'Polygon'; coordinates: LngLat[][] }
  | { type: 'MultiPolygon'; coordinates: LngLat[][][] }
  | { type: 'LineString'; coordinates: LngLat[] }
  | { type: 'MultiLineString'; coordinates: LngLat[][] }
  | { type: 'Point'; coordinates: LngLat }
interface Feature {
  geometry: Geometry
  properties: Record<string, unknown> | null
}
type Basemap = Partial<Record<keyof Route['map']['basemap'], Feature[]>>

/** The basemap's GeoJSON layers, each as it arrives, and the names of those that could not be loaded. */
function useBasemap(route: Route, packUrl: string): { layers: Basemap; failed: string[] } {
  const [layers, setLayers] = useState<Basemap>({})
  const [failed, setFailed] = useState<string[]>([])
  useEffect(() => {
    const controller = new AbortController()
    for (const [name, path] of Object.entries(route.map.basemap) as [keyof Basemap, string][]) {
      fetch(assetUrl(packUrl, path), { signal: controller.signal })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status))
          const data = (await response.json()) as { features?: unknown }
          if (!Array.isArray(data.features)) throw new Error('not GeoJSON')
          setLayers((known) => ({ ...known, [name]: data.features as Feature[] }))
        })
        .catch(() => {
          if (!controller.signal.aborted) setFailed((known) => [...known, name])
        })
    }
    return () => controller.abort()
  }, [route, packUrl])
  return { layers, failed }
}

/**
 * The element's size in CSS pixels, 0 × 0 until it has been laid out. Read from a ResizeObserver, which reports
 * once the browser has laid the page out anyway: reading it while React commits would force the whole first
 * view's layout into that one long task.
 */
function useSize(element: RefObject<HTMLElement | null>): [number, number] {
  const [size, setSize] = useState<[number, number]>([0, 0])
  useEffect(() => {
    const target = element.current
    if (!target) return
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentBoxSize[0]
      if (box) setSize([Math.round(box.inlineSize), Math.round(box.blockSize)])
    })
    observer.observe(target)
    return () => observer.disconnect()
  }, [element])
  return size
}

/** The lines of a line or polygon geometry (rings for polygons), for drawing as paths. */
function linesOf(geometry: Geometry): LngLat[][] {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates]
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates
    case 'MultiPolygon':
      return geometry.coordinates.flat()
    case 'Point':
      return []
  }
}

/**
 * The first view of the map: the river, its bridges and names, the course and the numbered stops drawn as SVG from
 * the route pack's own GeoJSON, in the night map's colours and at the very view the live map opens at. It costs
 * no engine: MapLibre (its code, workers and WebGL start-up are seconds of a phone's main thread) starts only when
 * the visitor touches the map, or the tour needs it (a story playing, a position followed). A tap on a stop opens
 * it here as it would on the live map.
 */
export function StillMap({
  coveredTop,
  onExplore,
}: {
  /** Pixels at the top hidden under what is laid over the map (see `stopCamera`). */
  coveredTop: number
  onExplore: ((by: 'pointer' | 'keyboard') => void) | undefined
}) {
  const t = useT()
  const store = useTourStore()
  const route = useTour((s) => s.route)
  const lang = useTour((s) => s.lang)
  const stopId = useTour((s) => s.stopId)
  const packUrl = useTour((s) => s.packUrl)
  const { layers: basemap, failed } = useBasemap(route, packUrl)
  const routeTitle = pickText(route.title, lang, route.defaultLanguage).text
  const element = useRef<HTMLDivElement>(null)
  const [width, height] = useSize(element)
  const camera = mapCamera(route, stopId, width, height, coveredTop)
  const project = projector(camera, width, height)
  const bridgeWidth = Math.min(5, Math.max(1.5, 1.5 + ((camera.zoom - 12) * 3.5) / 4))
  // As the live map: stops too close to draw apart are one circle; the circles hold their squares, then the
  // stops' names are placed beside them and the place names where they are still free.
  const marks = groupStops(route.stops, camera.zoom, stopId).map((mark) => {
    const [x, y] = project(mark.center)
    const selected = mark.ids.length === 1 && mark.ids[0] === stopId
    const radius =
      mark.ids.length > 1
        ? STOP_MARKS.groupRadius
        : selected
          ? STOP_MARKS.stopRadius + 3
          : STOP_MARKS.stopRadius
    return { ...mark, x, y, radius, selected }
  })
  const circles = marks.map(({ x, y, radius }): Box => [x - radius, y - radius, x + radius, y + radius])
  const stopNames = marks
    .filter((mark) => mark.ids.length === 1)
    .map((mark) => {
      const stop = route.stops.find((s) => s.id === mark.ids[0])!
      const text = stop.title[lang] ?? stop.title[route.defaultLanguage] ?? ''
      const fill = NIGHT.stopName
      return {
        x: mark.x,
        y: mark.y,
        text,
        size: 12,
        sides: NAME_SIDES,
        offset: mark.radius + 2,
        rank: 0,
        fill,
      }
    })
  const places = (basemap.labels ?? [])
    .filter((f) => f.geometry.type === 'Point')
    .map((f) => {
      const [x, y] = project(f.geometry.coordinates as LngLat)
      // MapLibre places unranked names last.
      const rank = Number(f.properties?.rank) || 99
      const name = (key: string) => {
        const value = f.properties?.[key]
        return typeof value === 'string' ? value : ''
      }
      const text = (lang === 'en' && name('name_en')) || name('name_zh')
      return { x, y, text, rank, size: rank === 1 ? 15 : rank === 2 ? 13 : 12, fill: NIGHT.label }
    })
    .sort((a, b) => a.rank - b.rank)
  const lines = (features: Feature[] | undefined) => features?.flatMap((f) => linesOf(f.geometry)) ?? []
  // A line of the past (the bank of a thousand years ago) is named while its story is open, as the story tells it;
  // lines tied to no story only from the zoom the live map names them at.
  const history = historyShown(basemap.history ?? [], stopId)
  const historyNames = history
    .filter((f) => historyNamed(f, stopId, camera.zoom))
    .flatMap((f) => {
      const drawn = (linesOf(f.geometry)[0] ?? []).map(project)
      const [first, ...others] = namePointsAlong(drawn, 20, [width / 2, height / 2])
      const name = f.properties?.[lang === 'en' ? 'name_en' : 'name_zh'] ?? f.properties?.name_zh
      if (!first || typeof name !== 'string') return []
      const [x, y] = first
      const sides = ['below', 'above'] as const
      return [
        {
          x,
          y,
          alternatives: others,
          text: name,
          rank: 0,
          size: 11,
          sides,
          offset: 4,
          fill: NIGHT.history,
        },
      ]
    })
  const labels = placeLabels([...stopNames, ...historyNames, ...places], width, height, circles)

  // Without `onExplore` (the live map failed) it is only a picture of the route.
  const explore = onExplore && {
    role: 'button',
    tabIndex: 0,
    'aria-label': t('mapExplore', { route: routeTitle }),
    onPointerDown: () => onExplore('pointer'),
    onWheel: () => onExplore('pointer'),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      onExplore('keyboard')
    },
  }
  return (
    <>
      <div
        ref={element}
        className="still-map"
        {...(explore ?? { role: 'img', 'aria-label': t('map', { route: routeTitle }) })}
      >
        {width > 0 && (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
            <rect width={width} height={height} fill={NIGHT.land} />
            <path
              d={lines(basemap.water)
                .map((ring) => pathOf(ring, project, true))
                .join('')}
              fill={NIGHT.water}
              fillRule="evenodd"
            />
            {lines(basemap.banks).map((line, i) => (
              <g key={i} fill="none" stroke={NIGHT.waterEdge}>
                <path d={pathOf(line, project)} strokeWidth={6} strokeOpacity={0.18} />
                <path d={pathOf(line, project)} strokeWidth={1.2} strokeOpacity={0.9} />
              </g>
            ))}
            <path
              d={lines(basemap.bridges)
                .map((line) => pathOf(line, project))
                .join('')}
              fill="none"
              stroke={NIGHT.bridge}
              strokeWidth={bridgeWidth}
              strokeLinecap="round"
            />
            <path
              className="still-map-history"
              d={lines(history)
                .map((line) => pathOf(line, project))
                .join('')}
              fill="none"
              stroke={NIGHT.history}
              strokeWidth={1.5}
              strokeDasharray="1.5 3"
              strokeOpacity={0.9}
            />
            <g fill="none" stroke={NIGHT.course} strokeLinejoin="round" strokeLinecap="round">
              <path d={pathOf(route.course, project)} strokeWidth={10} strokeOpacity={0.2} />
              <path d={pathOf(route.course, project)} strokeWidth={2.5} strokeDasharray="5 3.75" />
            </g>
            <g
              fontFamily={lang === 'en' ? LATIN_LABEL_FONTS : CJK_LABEL_FONTS}
              textAnchor="middle"
              dominantBaseline="central"
              fill={NIGHT.label}
              stroke={NIGHT.land}
              strokeWidth={3}
              paintOrder="stroke"
            >
              {labels.map((label) => (
                <text
                  key={`${label.text}${label.x}`}
                  x={label.cx.toFixed(1)}
                  y={label.cy.toFixed(1)}
                  fontSize={label.size}
                  fill={label.fill}
                >
                  {label.text}
                </text>
              ))}
            </g>
            {marks.map((mark) => {
              // A lone interlude is a ring; a group is drawn as sites are.
              const only = mark.ids.length === 1 ? route.stops.find((s) => s.id === mark.ids[0]) : undefined
              const marker = STOP_MARKER[only?.kind ?? 'site']
              return (
                <g
                  key={mark.ids.join(' ')}
                  className="still-map-stop"
                  data-still-stop={mark.ids.join(' ')}
                  // A group opens its first stop, whose view shows them apart (as on the live map).
                  onClick={() => store.getState().dispatch({ type: 'select-stop', stopId: mark.ids[0]! })}
                >
                  <circle
                    cx={mark.x.toFixed(1)}
                    cy={mark.y.toFixed(1)}
                    r={mark.radius - STOP_MARKS.outline / 2}
                    fill={marker.fill}
                    stroke={mark.selected ? NIGHT.stopSelected : marker.stroke}
                    strokeWidth={STOP_MARKS.outline}
                  />
                  <text
                    x={mark.x.toFixed(1)}
                    y={mark.y.toFixed(1)}
                    fontSize={mark.ids.length > 1 ? 12 : 13}
                    fontFamily="sans-serif"
                    textAnchor="middle"
                    dominantBaseline="central"
                    fill={marker.text}
                  >
                    {mark.label}
                  </text>
                </g>
              )
            })}
          </svg>
        )}
        <p className="still-map-attribution">{route.map.attribution}</p>
      </div>
      {failed.length > 0 && (
        <p className="map-status error" ref={clearAttribution}>
          {t('mapLayersFailed', { layers: failed.join(', ') })}
        </p>
      )}
    </>
  )
}
