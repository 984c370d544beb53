import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { useEffect } from 'react'

import { prefersReducedMotion } from '@/lib/reduced-motion'
import { useTourStore } from '@/tour/tour-context'
import { storyInProgress } from '@/tour/tour-machine'

import { headingImage, YOU_ARE_HERE, youAreHereData } from './you-are-here'

/** The camera re-centres on the boat when it leaves this central share of the map (0.6: the middle 60 %). */
const KEEP_IN = 0.6

/**
 * Draws "you are here" (dot, accuracy circle, heading) by updating one GeoJSON source as fixes arrive: no DOM
 * marker per fix. With `position.follow` (the kiosk, the simulation), the camera goes after the boat between
 * stories, re-centring on it whenever it nears the edge (a still map between moves costs no frames); while a
 * story is told, the stop and its cues own the camera.
 */
export function useYouAreHere(map: MapLibreMap | null) {
  const store = useTourStore()
  useEffect(() => {
    if (!map) return
    if (!map.hasImage(YOU_ARE_HERE.image)) map.addImage(YOU_ARE_HERE.image, headingImage(), { pixelRatio: 2 })
    const draw = () => {
      const state = store.getState()
      void map
        .getSource<GeoJSONSource>(YOU_ARE_HERE.source)
        ?.setData(youAreHereData(state.route, state.position))
      const fix = state.position.fix
      if (!fix || !state.position.follow || storyInProgress(state) || map.isMoving()) return
      const { x, y } = map.project(fix.position)
      const { clientWidth: width, clientHeight: height } = map.getCanvas()
      const margin = (1 - KEEP_IN) / 2
      const inside =
        x >= width * margin && x <= width * (1 - margin) && y >= height * margin && y <= height * (1 - margin)
      if (inside) return
      if (prefersReducedMotion()) map.jumpTo({ center: fix.position })
      else map.easeTo({ center: fix.position, duration: 1000 })
    }
    draw()
    return store.subscribe((s) => s.position.fix, draw)
  }, [map, store])
}
