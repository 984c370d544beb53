import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useState, type RefObject } from 'react'

/** The map's life: loading until MapLibre has arrived and drawn, then ready, or failed with a reason. */
export type MapStatus =
  { state: 'loading' } | { state: 'ready'; map: MapLibreMap } | { state: 'failed'; reason: string }

/** The map's state, and the layers whose data could not be loaded (the rest of the map still draws). */
export interface MapLibreResult {
  status: MapStatus
  failedSources: string[]
}

/**
 * Creates the one MapLibre map once, after its code has arrived (it is not in the first chunk), and removes it
 * (DOM, listeners, workers, WebGL context) when the owner unmounts.
 * @see https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/#remove
 */
export function useMapLibre(
  container: RefObject<HTMLDivElement | null>,
  createStyle: () => StyleSpecification,
  view: () => { center: [number, number]; zoom: number } | { bounds: [[number, number], [number, number]] },
): MapLibreResult {
  const [status, setStatus] = useState<MapStatus>({ state: 'loading' })
  const [failedSources, setFailedSources] = useState<string[]>([])
  useEffect(() => {
    let cancelled = false
    let map: MapLibreMap | undefined
    Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl.css')])
      .then(([maplibregl]) => {
        if (cancelled || !container.current) return
        // After a production build the worker is a separate file; MapLibre must be told where it is.
        maplibregl.setWorkerUrl(workerUrl)
        const initial = view()
        map = new maplibregl.Map({
          container: container.current,
          style: createStyle(),
          localIdeographFontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
          attributionControl: { compact: false },
          ...('bounds' in initial
            ? { bounds: initial.bounds, fitBoundsOptions: { padding: 24 } }
            : { center: initial.center, zoom: initial.zoom }),
          dragRotate: false,
          pitchWithRotate: false,
        })
        map.touchZoomRotate.disableRotation()
        const loaded = map
        loaded.once('idle', () => {
          if (!cancelled) setStatus({ state: 'ready', map: loaded })
        })
        loaded.on('error', (event: { error?: { message?: string }; sourceId?: string }) => {
          // A missing layer file is reported here, once per source; the rest of the map keeps drawing.
          const source = event.sourceId
          console.warn('map:', source ?? '', event.error?.message)
          if (!cancelled && source) {
            setFailedSources((known) => (known.includes(source) ? known : [...known, source]))
          }
        })
      })
      .catch((error: unknown) => {
        if (!cancelled) setStatus({ state: 'failed', reason: String(error) })
      })
    return () => {
      cancelled = true
      map?.remove()
    }
    // Created once per owner: the style and view are read at creation, later changes go through the map's API.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- because the map must not be recreated on re-render
  }, [container])
  return { status, failedSources }
}
