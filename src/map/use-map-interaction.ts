import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl'
import { useEffect } from 'react'

import { useTourStore } from '@/tour/tour-context'

import { HIGHLIGHT_LAYERS, labelField, routeFeatures } from './night-style'
import { STOP_GROUPS } from './stop-groups'

/**
 * Taps on a stop open it, and on a group of stops its first, whose view shows them apart (events up); a language
 * change relabels the map (state down).
 */
export function useMapInteraction(map: MapLibreMap | null) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    const onClick = (event: MapLayerMouseEvent) => {
      const properties = event.features?.[0]?.properties
      const stopId: unknown = properties?.id ?? properties?.first
      if (typeof stopId === 'string') store.getState().dispatch({ type: 'select-stop', stopId })
    }
    const onEnter = () => (map.getCanvas().style.cursor = 'pointer')
    const onLeave = () => (map.getCanvas().style.cursor = '')
    const tappable = ['stops', STOP_GROUPS]
    map.on('click', tappable, onClick)
    map.on('mouseenter', tappable, onEnter)
    map.on('mouseleave', tappable, onLeave)
    const offLang = store.subscribe(
      (s) => s.lang,
      (lang) => {
        map.setLayoutProperty('labels', 'text-field', labelField(lang))
        map.setLayoutProperty(HIGHLIGHT_LAYERS.labels, 'text-field', labelField(lang))
        if (map.getLayer('history-labels'))
          map.setLayoutProperty('history-labels', 'text-field', labelField(lang))
        void map.getSource<GeoJSONSource>('stops')?.setData(routeFeatures(store.getState().route, lang).stops)
      },
    )
    return () => {
      offLang()
      map.off('click', tappable, onClick)
      map.off('mouseenter', tappable, onEnter)
      map.off('mouseleave', tappable, onLeave)
    }
  }, [map, store])
}
