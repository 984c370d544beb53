import { useEffect } from 'react'

import type { TourStore } from '@/tour/tour-store'

/** Real milliseconds between moves of the simulated boat: smooth enough on the map, cheap enough for a kiosk. */
const TICK_MS = 200

/**
 * The simulated boat's clock: while the tour sails a simulated cruise, tells the store how much real time has
 * passed, five times a second. Where the boat is and what it starts is the tour's pure `cruise-tick`.
 */
export function useCruiseClock(store: TourStore) {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined
    let last = 0
    const off = store.subscribe(
      (s) => s.position.source === 'simulated',
      (sailing) => {
        clearInterval(timer)
        timer = undefined
        if (!sailing) return
        last = performance.now()
        timer = setInterval(() => {
          const now = performance.now()
          store.getState().dispatch({ type: 'cruise-tick', seconds: (now - last) / 1000 })
          last = now
        }, TICK_MS)
      },
      { fireImmediately: true },
    )
    return () => {
      off()
      clearInterval(timer)
    }
  }, [store])
}
