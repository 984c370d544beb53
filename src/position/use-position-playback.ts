import { useEffect } from 'react'

import type { Narrator } from '@/narration/narrator'
import type { TourStore } from '@/tour/tour-store'

/**
 * When the boat reaches the stop the visitor already has open, its track is loaded and nothing reloads it, so
 * the narrator is asked to play here. (A stop the position opens plays through the narrator's own autoplay on
 * load; playing here as well would resume the previous track before the new one replaces it.)
 */
export function usePositionPlayback(store: TourStore, narrator: Narrator) {
  useEffect(
    () =>
      store.subscribe(
        (s) => s.position.started,
        (started) => {
          if (started?.alreadyOpen) narrator.play()
        },
      ),
    [store, narrator],
  )
}
