import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useState, type RefObject } from 'react'

import { afterFirstPaint } from '@/lib/after-first-paint'

import { CJK_LABEL_FONTS } from './night-style'

/**
 * The map's life: idle until it is wanted, loading until MapLibre has arrived and drawn, then ready, or failed
 * with a reason.
 */
export type MapStatus =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; map: MapLibreMap }
  | { state: 'failed'; reason: string }

/** The map's state, and the layers whose data could not be loaded (the rest of the map still draws). */
export interface MapLibreResult {
  status: MapStatus
  failedSources: string[]
}

/** Hands the main thread back (input, paint, other tasks) before the next heavy step. */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Creates the one MapLibre map once `wanted` turns true, after its code has arrived (it is not in the first
 * chunk), and removes it (DOM, listeners, workers, WebGL context) when the owner unmounts.
 *
 * Wanted from the start, it waits for the first paint, so the title and the stop list are on screen before
 * MapLibre's code is evaluated. Either way the heavy steps run as separate tasks with the main thread given back between them:
 * evaluating the module, creating the map (its WebGL context), then parsing the style and starting the sources.
 * A tap on the stop list in between is answered instead of waiting for the whole start-up.
 * @see https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/#remove
 * @see https://web.dev/articles/optimize-long-tasks
 */
export function useMapLibre(
  container: RefObject<HTMLDivElement | null>,
  createStyle: () => StyleSpecification | Promise<StyleSpecification>,
  view: () =>
    { center: readonly [number, number]; zoom: number } | { bounds: [[number, number], [number, number]] },
  wanted: boolean,
): MapLibreResult {
  const [status, setStatus] = useState<MapStatus>({ state: wanted ? 'loading' : 'idle' })
  if (wanted && status.state === 'idle') setStatus({ state: 'loading' })
  const [failedSources, setFailedSources] = useState<string[]>([])
  // Wanted from the first render (a kiosk, the studio), the map waits for the first view to be on screen; wanted
  // later, by a touch or a story, it starts at once: the visitor is waiting for it.
  const [wantedAtOnce] = useState(wanted)
  useEffect(() => {
    if (!wanted) return
    let cancelled = false
    let map: MapLibreMap | undefined
    let library: typeof import('maplibre-gl') | undefined
    // The step reached, on the map's element: the loading status shows it as a bar (app.css).
    const step = (name: 'code' | 'map' | 'layers' | null) => {
      if (!container.current) return
      if (name) container.current.dataset.loading = name
      else delete container.current.dataset.loading
    }
    const start = async () => {
      if (wantedAtOnce) await afterFirstPaint()
      if (cancelled) return
      step('code')
      // The style (which may come in a chunk of its own) arrives alongside MapLibre, not after it.
      const [maplibregl, , style] = await Promise.all([
        import('maplibre-gl'),
        import('maplibre-gl/dist/maplibre-gl.css'),
        createStyle(),
      ])
      if (cancelled) return
      library = maplibregl
      // After a production build the worker is a separate file; MapLibre must be told where it is.
      maplibregl.setWorkerUrl(workerUrl)
      // The workers start (and fetch their code) while the main thread goes on with the map itself.
      maplibregl.prewarm()
      step('map')
      await yieldToMain()
      if (cancelled || !container.current) return
      const initial = view()
      const created = new maplibregl.Map({
        container: container.current,
        localIdeographFontFamily: CJK_LABEL_FONTS,
        attributionControl: { compact: false },
        ...('bounds' in initial
          ? { bounds: initial.bounds, fitBoundsOptions: { padding: 24 } }
          : { center: [initial.center[0], initial.center[1]] as [number, number], zoom: initial.zoom }),
        dragRotate: false,
        pitchWithRotate: false,
      })
      map = created
      created.touchZoomRotate.disableRotation()
      created.on('error', (event: { error?: { message?: string }; sourceId?: string }) => {
        // A missing layer file is reported here, once per source; the rest of the map keeps drawing.
        const source = event.sourceId
        console.warn('map:', source ?? '', event.error?.message)
        if (!cancelled && source) {
          setFailedSources((known) => (known.includes(source) ? known : [...known, source]))
        }
      })
      await yieldToMain()
      if (cancelled) return
      created.setStyle(style)
      step('layers')
      created.once('idle', () => {
        if (cancelled) return
        step(null)
        setStatus({ state: 'ready', map: created })
      })
    }
    start().catch((error: unknown) => {
      if (!cancelled) setStatus({ state: 'failed', reason: String(error) })
    })
    return () => {
      cancelled = true
      map?.remove()
      library?.clearPrewarmedResources()
    }
    // Created once per owner: the style and view are read at creation, later changes go through the map's API.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- because the map must not be recreated on re-render
  }, [container, wanted, wantedAtOnce])
  return { status, failedSources }
}
