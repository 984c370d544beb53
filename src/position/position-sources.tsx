import { useEffect } from 'react'

import { useNarrator } from '@/narration/narrator-context'
import { useTourStore } from '@/tour/tour-context'

import { readSimulation } from './simulate-param'
import { useCruiseClock } from './use-cruise-clock'
import { useGeolocation } from './use-geolocation'
import { usePositionPlayback } from './use-position-playback'
import { useStoryLengths } from './use-story-lengths'

/**
 * Where positions come from for this visit (the GPS, or the simulated boat's clock) and what follows from them
 * (story lengths for timing, playing a stop already open). `simulateFromUrl`: start the cruise `?simulate` asks
 * for, from the deep-linked stop if there is one (the studio's "simulate from this stop").
 */
export function PositionSources({ simulateFromUrl }: { simulateFromUrl: boolean }) {
  const store = useTourStore()
  const narrator = useNarrator()
  useGeolocation(store)
  useCruiseClock(store)
  useStoryLengths(store)
  usePositionPlayback(store, narrator)
  useEffect(() => {
    const simulation = simulateFromUrl ? readSimulation(location.search) : null
    if (!simulation) return
    const { stopId, dispatch } = store.getState()
    dispatch({ type: 'simulate', speedup: simulation.speedup, ...(stopId ? { fromStopId: stopId } : {}) })
  }, [store, simulateFromUrl])
  return null
}
