import type {
  GeoJSONSource,
  Map as MapLibreMap,
  MapLayerMouseEvent,
  MapMouseEvent,
  Marker,
} from 'maplibre-gl'
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

import { translateStudio } from './studio-messages'
import { useMapLibre } from '@/map/use-maplibre'
import type { LngLat } from '@/route/geo'

import { eastOf, nearestLeg, radiusFromHandle, roundLngLat, stopInsertionIndex } from './map-geometry'
import { freeId, newStop, type DraftChange, type DraftStop, type RouteDraft } from './route-draft'
import {
  courseData,
  pointsData,
  POINTS_LAYER,
  STUDIO_SOURCES,
  studioMapStyle,
  triggerData,
} from './studio-map-style'
import type { StudioT } from './studio-t'

type Tool = 'move' | 'add-stop' | 'add-point' | 'remove-point'
type MapLibre = typeof import('maplibre-gl')

/** Degrees an arrow key moves a stop: about 11 m north–south (ten times that with Shift). */
const NUDGE_DEGREES = 0.0001

interface Props {
  draft: RouteDraft
  packUrl: string | null
  selected: number | null
  onSelect: (index: number) => void
  change: (...changes: DraftChange[]) => void
  t: StudioT
}

/** Where the map opens: around the course and stops of the draft, else its map settings. */
function initialView(draft: RouteDraft) {
  const points = [...(draft.course ?? []), ...draft.stops.flatMap((s) => (s.position ? [s.position] : []))]
  if (points.length > 1) {
    const lngs = points.map((p) => p[0])
    const lats = points.map((p) => p[1])
    return {
      bounds: [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ] as [[number, number], [number, number]],
    }
  }
  return { center: (draft.center ?? [0, 0]) as [number, number], zoom: draft.zoom ?? 2 }
}

function markerButton(className: string): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = className
  return element
}

/** The arrow key's move in degrees, or null for another key. */
function nudge(event: KeyboardEvent): [number, number] | null {
  const step = NUDGE_DEGREES * (event.shiftKey ? 10 : 1)
  const moves: Record<string, [number, number]> = {
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
  }
  return moves[event.key] ?? null
}

/**
 * Map editing (the studio's own MapLibre map, mounted only while its tab is open, so it is never alive together
 * with the preview's): drag a stop, click to add one, drag, add and remove course points, drag a trigger's
 * radius handle or segment ends. Every change goes into the JSON text as an edit, so the editor shows it, the
 * validator checks it and undo takes it back.
 */
export function StudioMap({ draft, packUrl, selected, onSelect, change, t }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const [tool, setTool] = useState<Tool>('move')
  const latest = useRef({ draft, selected, onSelect, change, tool })
  useEffect(() => {
    latest.current = { draft, selected, onSelect, change, tool }
  })

  const createStyle = useCallback(() => studioMapStyle(latest.current.draft, packUrl), [packUrl])
  const view = useCallback(() => initialView(latest.current.draft), [])
  const { status } = useMapLibre(container, createStyle, view, true)
  const map = status.state === 'ready' ? status.map : null
  const [gl, setGl] = useState<MapLibre | null>(null)
  useEffect(() => {
    if (map) void import('maplibre-gl').then((module) => setGl(() => module))
  }, [map])

  const setData = (target: MapLibreMap, source: string, data: ReturnType<typeof courseData>) =>
    void target.getSource<GeoJSONSource>(source)?.setData(data)

  useEffect(() => {
    if (!map) return
    setData(map, STUDIO_SOURCES.course, courseData(draft.course))
    setData(map, STUDIO_SOURCES.points, pointsData(draft.course))
  }, [map, draft.course])

  const stop = selected === null ? undefined : draft.stops[selected]
  useEffect(() => {
    if (map) setData(map, STUDIO_SOURCES.trigger, triggerData(stop, draft.course))
  }, [map, stop, draft.course])

  useStopMarkers(gl, map, draft.stops, selected, latest, t)
  useTriggerHandles(gl, map, stop, draft.course, latest, t)
  useMapTools(map, latest, setTool)

  const stopNumber = selected === null ? 0 : selected + 1
  return (
    <div className="studio-map">
      <div className="studio-map-tools" role="toolbar" aria-label={t('studioMapTools')}>
        {(['move', 'add-stop', 'add-point', 'remove-point'] as const).map((name) => (
          <button key={name} type="button" aria-pressed={tool === name} onClick={() => setTool(name)}>
            {t(TOOL_LABELS[name])}
          </button>
        ))}
        <button
          type="button"
          disabled={!map || !stop}
          onClick={() =>
            map &&
            selected !== null &&
            change({
              kind: 'set',
              path: ['stops', selected, 'zoom'],
              value: Math.round(map.getZoom() * 10) / 10,
            })
          }
        >
          {t('studioUseMapZoom', { n: stopNumber })}
        </button>
        <button
          type="button"
          disabled={!map}
          onClick={() =>
            map &&
            change(
              { kind: 'set', path: ['map', 'center'], value: roundLngLat(map.getCenter().toArray()) },
              { kind: 'set', path: ['map', 'zoom'], value: Math.round(map.getZoom() * 10) / 10 },
            )
          }
        >
          {t('studioUseMapView')}
        </button>
      </div>
      <p className="studio-map-hint" role="status">
        {draft.value ? t(TOOL_HINTS[tool]) : t('studioMapNeedsJson')}
      </p>
      <div className="map-panel" data-state={status.state}>
        <div ref={container} className="map" role="region" aria-label={t('studioMap')} />
        {status.state === 'failed' && <p className="map-status error">{status.reason}</p>}
      </div>
    </div>
  )
}

const TOOL_LABELS = {
  move: 'studioToolMove',
  'add-stop': 'studioToolAddStop',
  'add-point': 'studioToolAddPoint',
  'remove-point': 'studioToolRemovePoint',
} as const

const TOOL_HINTS = {
  move: 'studioHintMove',
  'add-stop': 'studioHintAddStop',
  'add-point': 'studioHintAddPoint',
  'remove-point': 'studioHintRemovePoint',
} as const

type Latest = RefObject<{
  draft: RouteDraft
  selected: number | null
  onSelect: (index: number) => void
  change: (...changes: DraftChange[]) => void
  tool: Tool
}>

/** One draggable, focusable marker per stop; arrow keys move the focused one. */
function useStopMarkers(
  gl: MapLibre | null,
  map: MapLibreMap | null,
  stops: DraftStop[],
  selected: number | null,
  latest: Latest,
  t: StudioT,
) {
  const markers = useRef<Marker[]>([])
  useEffect(() => {
    if (!gl || !map) return
    const placed = stops.filter((s): s is DraftStop & { position: LngLat } => s.position !== null)
    placed.forEach((stop, k) => {
      let marker = markers.current[k]
      if (!marker) {
        const element = markerButton('studio-stop-marker')
        const created = new gl.Marker({ element, draggable: true })
        const indexOf = () => Number(element.dataset.index)
        element.addEventListener('click', () => latest.current.onSelect(indexOf()))
        element.addEventListener('keydown', (event) => {
          const move = nudge(event)
          if (!move) return
          event.preventDefault()
          event.stopPropagation()
          const [lng, lat] = created.getLngLat().toArray()
          latest.current.change({
            kind: 'set',
            path: ['stops', indexOf(), 'position'],
            value: roundLngLat([lng + move[0], lat + move[1]]),
          })
        })
        created.on('dragstart', () => latest.current.onSelect(indexOf()))
        created.on('dragend', () =>
          latest.current.change({
            kind: 'set',
            path: ['stops', indexOf(), 'position'],
            value: roundLngLat(created.getLngLat().toArray()),
          }),
        )
        marker = created.setLngLat([...stop.position]).addTo(map)
        markers.current[k] = marker
      }
      const element = marker.getElement()
      element.dataset.index = String(stop.index)
      element.dataset.stop = stop.id
      element.textContent = String(stop.index + 1)
      element.setAttribute('aria-label', t('studioStopMarker', { n: stop.index + 1, id: stop.id }))
      element.classList.toggle('selected', stop.index === selected)
      marker.setLngLat([...stop.position])
    })
    for (const extra of markers.current.splice(placed.length)) extra.remove()
  }, [gl, map, stops, selected, latest, t])
  useEffect(
    () => () => {
      for (const marker of markers.current.splice(0)) marker.remove()
    },
    [],
  )
}

/** The selected stop's trigger handles: the radius handle east of the stop, or the two ends of a segment. */
function useTriggerHandles(
  gl: MapLibre | null,
  map: MapLibreMap | null,
  stop: DraftStop | undefined,
  course: LngLat[] | null,
  latest: Latest,
  t: StudioT,
) {
  useEffect(() => {
    if (!gl || !map || !stop?.position || !stop.trigger) return
    const center = stop.position
    const base = ['stops', stop.index, 'trigger']
    const handles: Marker[] = []
    if (stop.trigger.type === 'radius') {
      const element = markerButton('studio-handle')
      const label = (radius: number) => t('studioRadiusHandle', { radius })
      element.setAttribute('aria-label', label(stop.trigger.radius))
      const handle = new gl.Marker({ element, draggable: true })
        .setLngLat(eastOf(center, stop.trigger.radius))
        .addTo(map)
      const radius = () => radiusFromHandle(center, handle.getLngLat().toArray())
      handle.on('drag', () => {
        element.setAttribute('aria-label', label(radius()))
        void map
          .getSource<GeoJSONSource>(STUDIO_SOURCES.trigger)
          ?.setData(triggerData(stop, course, radius()))
      })
      handle.on('dragend', () =>
        latest.current.change({ kind: 'set', path: [...base, 'radius'], value: radius() }),
      )
      const current = stop.trigger.radius
      element.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 10 : event.key === 'ArrowLeft' ? -10 : 0
        if (step === 0) return
        event.preventDefault()
        event.stopPropagation()
        latest.current.change({
          kind: 'set',
          path: [...base, 'radius'],
          value: Math.min(5000, Math.max(20, current + step)),
        })
      })
      handles.push(handle)
    } else {
      for (const end of ['from', 'to'] as const) {
        const element = markerButton('studio-handle')
        element.textContent = end === 'from' ? 'A' : 'B'
        element.setAttribute('aria-label', t(end === 'from' ? 'studioSegmentFrom' : 'studioSegmentTo'))
        const handle = new gl.Marker({ element, draggable: true })
          .setLngLat([...stop.trigger[end]])
          .addTo(map)
        handle.on('dragend', () =>
          latest.current.change({
            kind: 'set',
            path: [...base, end],
            value: roundLngLat(handle.getLngLat().toArray()),
          }),
        )
        handles.push(handle)
      }
    }
    return () => {
      for (const handle of handles) handle.remove()
    }
  }, [gl, map, stop, course, latest, t])
}

/** Clicks and drags on the map itself, by tool: add a stop, add, move or remove a course point. */
function useMapTools(map: MapLibreMap | null, latest: Latest, setTool: (tool: Tool) => void) {
  useEffect(() => {
    if (!map) return
    const canvas = map.getCanvas()
    const pointAt = (event: MapMouseEvent): number | null => {
      const { x, y } = event.point
      const [feature] = map.queryRenderedFeatures(
        [
          [x - 6, y - 6],
          [x + 6, y + 6],
        ],
        { layers: [POINTS_LAYER] },
      )
      const i: unknown = feature?.properties.i
      return typeof i === 'number' ? i : null
    }
    const onClick = (event: MapMouseEvent) => {
      const { draft, tool, change, onSelect } = latest.current
      const p = roundLngLat(event.lngLat.toArray())
      const course = draft.course ?? []
      if (tool === 'add-stop' && draft.value) {
        const id = freeId(
          'new-stop',
          draft.stops.map((s) => s.id),
        )
        const index = stopInsertionIndex(
          course,
          draft.stops.map((s) => s.position),
          p,
        )
        const title = translateStudio(draft.defaultLanguage, 'studioNewStopTitle')
        change({
          kind: 'insert',
          path: ['stops'],
          index,
          value: newStop(id, p, title, draft.defaultLanguage),
        })
        onSelect(index)
        setTool('move')
      } else if (tool === 'add-point' && course.length >= 2) {
        change({ kind: 'insert', path: ['course'], index: nearestLeg(course, p) + 1, value: p })
      } else if (tool === 'remove-point' && course.length > 2) {
        const i = pointAt(event)
        if (i !== null) change({ kind: 'remove', path: ['course', i] })
      }
    }
    const onPointDown = (event: MapLayerMouseEvent) => {
      const i: unknown = event.features?.[0]?.properties.i
      const course = latest.current.draft.course
      if (latest.current.tool !== 'move' || typeof i !== 'number' || !course) return
      // Stops the map from panning: this drag moves the point.
      event.preventDefault()
      canvas.style.cursor = 'grabbing'
      const moved = (e: MapMouseEvent) => course.map((p, k) => (k === i ? e.lngLat.toArray() : p))
      const onMove = (e: MapMouseEvent) =>
        void map.getSource<GeoJSONSource>(STUDIO_SOURCES.course)?.setData(courseData(moved(e)))
      map.on('mousemove', onMove)
      map.once('mouseup', (e) => {
        map.off('mousemove', onMove)
        canvas.style.cursor = ''
        latest.current.change({ kind: 'set', path: ['course', i], value: roundLngLat(e.lngLat.toArray()) })
      })
    }
    const onEnter = () => (canvas.style.cursor = latest.current.tool === 'add-point' ? 'copy' : 'move')
    const onLeave = () => (canvas.style.cursor = '')
    map.on('click', onClick)
    map.on('mousedown', POINTS_LAYER, onPointDown)
    map.on('mouseenter', POINTS_LAYER, onEnter)
    map.on('mouseleave', POINTS_LAYER, onLeave)
    return () => {
      map.off('click', onClick)
      map.off('mousedown', POINTS_LAYER, onPointDown)
      map.off('mouseenter', POINTS_LAYER, onEnter)
      map.off('mouseleave', POINTS_LAYER, onLeave)
    }
  }, [map, latest, setTool])
}
