import type { Map as MapLibreMap } from 'maplibre-gl'
import { useEffect, type RefObject } from 'react'

import { prefersReducedMotion } from '@/lib/reduced-motion'
import { routeExtent } from '@/route/geo-extent'
import { useTourStore } from '@/tour/tour-context'

import { HISTORY_LAYERS, historyFilters } from './night-style'
import { OVERVIEW_PADDING, mapCamera } from './still-map-geometry'
import { coveredTop } from './use-covered-top'

/**
 * Moves the camera to the open stop, with the river in sight (fly, or jump when the visitor asked for less
 * motion), and marks it; with no stop open, shows the whole course. List taps, map taps, deep links and history
 * all arrive here the same way. The stop's view is the one the still map shows (`mapCamera`), framed below what
 * is laid over the map (`overlays`).
 */
export function useFollowStop(map: MapLibreMap | null, overlays: RefObject<HTMLElement | null>) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    let marked: number | undefined
    const cameraFor = (stopId: string) => {
      const container = map.getContainer()
      const { route } = store.getState()
      const [width, height] = [container.clientWidth, container.clientHeight]
      const { center, zoom } = mapCamera(route, stopId, width, height, coveredTop(overlays.current))
      return { center: [center[0], center[1]] as [number, number], zoom }
    }
    const showHistory = (stopId: string | null) => {
      const filters = historyFilters(stopId)
      for (const layer of HISTORY_LAYERS) if (map.getLayer(layer)) map.setFilter(layer, filters[layer])
    }
    const follow = (stopId: string | null) => {
      showHistory(stopId)
      const { route } = store.getState()
      const index = route.stops.findIndex((s) => s.id === stopId)
      if (marked !== undefined) map.setFeatureState({ source: 'stops', id: marked }, { selected: false })
      marked = index >= 0 ? index : undefined
      if (stopId === null || index < 0) {
        map.fitBounds(routeExtent(route), { padding: OVERVIEW_PADDING, animate: !prefersReducedMotion() })
        return
      }
      map.setFeatureState({ source: 'stops', id: index }, { selected: true })
      const camera = cameraFor(stopId)
      if (prefersReducedMotion()) map.jumpTo(camera)
      else map.flyTo({ ...camera, essential: false, duration: 1600 })
    }
    const { route, stopId } = store.getState()
    const index = route.stops.findIndex((s) => s.id === stopId)
    showHistory(stopId)
    if (stopId !== null && index >= 0) {
      // A stop opened while the map was still loading (a kiosk's attract loop, a quick tap): go there now.
      marked = index
      map.setFeatureState({ source: 'stops', id: index }, { selected: true })
      map.jumpTo(cameraFor(stopId))
    }
    return store.subscribe((s) => s.stopId, follow)
  }, [map, store, overlays])
}
