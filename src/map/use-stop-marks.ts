import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { useEffect } from 'react'

import { useTourStore } from '@/tour/tour-context'

import { groupStops, STOP_GROUPS } from './stop-groups'

/** The layers that draw single stops: a grouped stop is left out of them. */
const STOP_LAYERS = ['stops', 'stop-names', 'stop-numbers'] as const

/**
 * Keeps the live map's stop circles apart as it zooms (`groupStops`): stops too close to draw apart become one
 * circle in the groups source and leave the single-stop layers; the open stop keeps its own. Only a change of
 * grouping touches the map.
 */
export function useStopMarks(map: MapLibreMap | null) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    let shown: string | null = null
    const update = () => {
      const { route, stopId } = store.getState()
      const groups = groupStops(route.stops, map.getZoom(), stopId).filter((m) => m.ids.length > 1)
      const key = groups.map((g) => g.ids.join(',')).join(';')
      if (key === shown) return
      shown = key
      const grouped = groups.flatMap((g) => g.ids)
      const filter: ExpressionSpecification = ['!', ['in', ['get', 'id'], ['literal', grouped]]]
      for (const layer of STOP_LAYERS) map.setFilter(layer, filter)
      void map.getSource<GeoJSONSource>(STOP_GROUPS)?.setData({
        type: 'FeatureCollection',
        features: groups.map((group) => ({
          type: 'Feature',
          properties: { label: group.label, first: group.ids[0] },
          geometry: { type: 'Point', coordinates: [group.center[0], group.center[1]] },
        })),
      })
    }
    update()
    map.on('zoom', update)
    const offStop = store.subscribe((s) => s.stopId, update)
    return () => {
      offStop()
      map.off('zoom', update)
    }
  }, [map, store])
}
