import { useEffect } from 'react'

import { useTourStore } from '@/tour/tour-context'

import { useSceneStoreApi } from './scene-store'

/**
 * Applies the narration's timed cues to the 3D view: the camera goes to the cued view and the cued hotspot is
 * highlighted, as the story is told. The tour store keeps the cues right after seeking, so this only follows it.
 */
export function useNarrationCues() {
  const store = useTourStore()
  const sceneStore = useSceneStoreApi()
  useEffect(
    () =>
      store.subscribe(
        (s) => s.cues,
        (cues, previous) => {
          const { stopId } = store.getState()
          if (!stopId) return
          const scene = sceneStore.getState()
          if (cues.camera !== previous.camera) scene.chooseView(stopId, cues.camera?.view ?? null)
          if (cues.hotspot !== previous.hotspot) scene.chooseHotspot(stopId, cues.hotspot?.hotspot ?? null)
        },
      ),
    [store, sceneStore],
  )
}
