import { useEffect } from 'react'

import type { TourStore } from '@/tour/tour-store'
import type { Fix } from '@/tour/triggers'

/** The Geolocation API reports unknown speed and heading as null (older engines: NaN). */
function known(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value
}

/** A Geolocation API position as the tour's fix. */
export function toFix(position: GeolocationPosition): Fix {
  const { coords } = position
  return {
    position: [coords.longitude, coords.latitude],
    accuracy: coords.accuracy,
    speed: known(coords.speed),
    heading: known(coords.heading),
    timestamp: position.timestamp,
  }
}

/**
 * The one owner of `navigator.geolocation.watchPosition`: watches while the tour wants the GPS (the visitor
 * tapped "follow my position"), reports fixes and refusals to the store, and clears the watch when the visitor
 * switches it off or the view unmounts.
 */
export function useGeolocation(store: TourStore) {
  useEffect(() => {
    let watch: number | null = null
    const stop = () => {
      if (watch !== null) navigator.geolocation.clearWatch(watch)
      watch = null
    }
    const off = store.subscribe(
      (s) => s.position.source === 'gps',
      (wanted) => {
        if (!wanted) return stop()
        if (watch !== null) return
        const { dispatch } = store.getState()
        if (!('geolocation' in navigator)) return dispatch({ type: 'gps-status', status: 'unavailable' })
        watch = navigator.geolocation.watchPosition(
          (position) => store.getState().dispatch({ type: 'position-fix', fix: toFix(position) }),
          (error) => {
            store.getState().dispatch({
              type: 'gps-status',
              status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable',
            })
            // A refusal ends the watch; a timeout or a lost signal does not, and a later fix makes it good again.
            if (error.code === error.PERMISSION_DENIED) stop()
          },
          { enableHighAccuracy: true, maximumAge: 2000, timeout: 30_000 },
        )
      },
      { fireImmediately: true },
    )
    return () => {
      off()
      stop()
    }
  }, [store])
}
