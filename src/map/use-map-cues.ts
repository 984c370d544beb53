import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl'
import { useEffect } from 'react'

import { prefersReducedMotion } from '@/lib/reduced-motion'
import { NO_CUES, type ActiveCues } from '@/tour/active-cues'
import { useTourStore } from '@/tour/tour-context'

import { HIGHLIGHT_LAYERS, highlightFilter } from './night-style'

/**
 * Applies the narration's map cues: fly to a place, light up a named bridge or label while it is spoken of.
 * Cues already in effect when the map arrives (a story that started it) are applied at once.
 */
export function useMapCues(map: MapLibreMap | null) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    const apply = (cues: ActiveCues, previous: ActiveCues) => {
      if (cues.map && cues.map !== previous.map) {
        const camera = { center: cues.map.center, zoom: cues.map.zoom }
        if (prefersReducedMotion()) map.jumpTo(camera)
        else map.flyTo({ ...camera, duration: 1600 })
      }
      if (cues.feature !== previous.feature) {
        for (const [layer, id] of Object.entries(HIGHLIGHT_LAYERS)) {
          const name = cues.feature?.layer === layer ? cues.feature.name : null
          map.setFilter(id, highlightFilter(name) as FilterSpecification)
        }
      }
    }
    apply(store.getState().cues, NO_CUES)
    return store.subscribe((s) => s.cues, apply)
  }, [map, store])
}
