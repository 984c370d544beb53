import type { Map as MapLibreMap } from 'maplibre-gl'
import { useEffect } from 'react'

import { prefersReducedMotion } from '@/lib/reduced-motion'
import { routeExtent } from '@/route/geo-extent'
import { useTourStore } from '@/tour/tour-context'

/**
 * Moves the camera to the open stop (fly, or jump when the visitor asked for less motion) and marks it; with no
 * stop open, shows the whole course. List taps, map taps, deep links and history all arrive here the same way.
 */
export function useFollowStop(map: MapLibreMap | null) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    let marked: number | undefined
    const follow = (stopId: string | null) => {
      const { route } = store.getState()
      const index = route.stops.findIndex((s) => s.id === stopId)
      if (marked !== undefined) map.setFeatureState({ source: 'stops', id: marked }, { selected: false })
      marked = index >= 0 ? index : undefined
      const stop = route.stops[index]
      if (!stop) {
        map.fitBounds(routeExtent(route), { padding: 24, animate: !prefersReducedMotion() })
        return
      }
      map.setFeatureState({ source: 'stops', id: index }, { selected: true })
      const camera = { center: stop.position, zoom: stop.zoom }
      if (prefersReducedMotion()) map.jumpTo(camera)
      else map.flyTo({ ...camera, essential: false, duration: 1600 })
    }
    const { route, stopId } = store.getState()
    const index = route.stops.findIndex((s) => s.id === stopId)
    const stop = route.stops[index]
    if (stop) {
      // A stop opened while the map was still loading (a kiosk's attract loop, a quick tap): go there now.
      marked = index
      map.setFeatureState({ source: 'stops', id: index }, { selected: true })
      map.jumpTo({ center: stop.position, zoom: stop.zoom })
    }
    return store.subscribe((s) => s.stopId, follow)
  }, [map, store])
}
