import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl'
import { useEffect } from 'react'

import { useTourStore } from '@/tour/tour-context'

import { HIGHLIGHT_LAYERS, labelField, routeFeatures } from './night-style'

/** Taps on a stop open it (events up); a language change relabels the map (state down). */
export function useMapInteraction(map: MapLibreMap | null) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    const onClick = (event: MapLayerMouseEvent) => {
      const stopId: unknown = event.features?.[0]?.properties.id
      if (typeof stopId === 'string') store.getState().dispatch({ type: 'select-stop', stopId })
    }
    const onEnter = () => (map.getCanvas().style.cursor = 'pointer')
    const onLeave = () => (map.getCanvas().style.cursor = '')
    map.on('click', 'stops', onClick)
    map.on('mouseenter', 'stops', onEnter)
    map.on('mouseleave', 'stops', onLeave)
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
      map.off('click', 'stops', onClick)
      map.off('mouseenter', 'stops', onEnter)
      map.off('mouseleave', 'stops', onLeave)
    }
  }, [map, store])
}
