import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'

import { assetUrl } from '@/route/asset-url'
import { useTourStore } from '@/tour/tour-context'

import { Narrator } from './narrator'

const NarratorContext = createContext<Narrator | null>(null)

/**
 * Creates the visit's one Narrator, loads the open stop's track in the chosen language whenever either changes,
 * reports the narrator's progress to the tour store, and unloads everything on unmount.
 */
export function NarratorProvider({ children }: { children: ReactNode }) {
  const store = useTourStore()
  const [narrator] = useState(() => new Narrator())

  useEffect(() => {
    const offUpdates = narrator.subscribe((update) =>
      store.getState().dispatch({ type: 'narration-changed', narration: update }),
    )
    const offTrack = store.subscribe(
      (s) => [s.stopId, s.lang] as const,
      ([stopId, lang]) => {
        const { route, packUrl } = store.getState()
        const track = route.stops.find((s) => s.id === stopId)?.narration[lang]
        if (track) void narrator.load(track.audio.map((path) => assetUrl(packUrl, path)))
        else narrator.destroy()
      },
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1], fireImmediately: true },
    )
    return () => {
      offTrack()
      offUpdates()
      narrator.destroy()
    }
  }, [narrator, store])

  return <NarratorContext.Provider value={narrator}>{children}</NarratorContext.Provider>
}

/** The visit's narrator, for the player's controls. */
export function useNarrator(): Narrator {
  const narrator = useContext(NarratorContext)
  if (!narrator) throw new Error('useNarrator must be used inside <NarratorProvider>')
  return narrator
}
