import { useEffect } from 'react'

import { fetchCaptions } from '@/narration/captions/fetch-captions'
import { assetUrl } from '@/route/asset-url'
import type { Lang } from '@/route/schema'
import type { TourStore } from '@/tour/tour-store'

/**
 * While the position chooses the stories, learns how long each stop's story lasts in the visit's language, from
 * the end of its last caption (a few KB each, and the files the player fetches anyway), so that a story can
 * start early enough to end as the boat passes its site. A caption file that fails leaves that stop's length
 * to the tour's default.
 */
export function useStoryLengths(store: TourStore) {
  useEffect(() => {
    const learnt = new Set<Lang>()
    let current = true
    const learn = async (lang: Lang) => {
      if (learnt.has(lang)) return
      learnt.add(lang)
      const { route, packUrl } = store.getState()
      const entries = await Promise.all(
        route.stops.map(async (stop) => {
          const track = stop.narration[lang]
          if (!track) return null
          try {
            const cues = await fetchCaptions(assetUrl(packUrl, track.captions))
            return [stop.id, Math.max(0, ...cues.map((c) => c.end))] as const
          } catch (error) {
            console.warn(`story length of ${stop.id} (${lang}): ${String(error)}`)
            return null
          }
        }),
      )
      if (!current) return
      const lengths = Object.fromEntries(entries.filter((e) => e !== null && e[1] > 0) as [string, number][])
      store.getState().dispatch({ type: 'narration-lengths', lang, lengths })
    }
    const off = store.subscribe(
      (s) => (s.position.source === null ? null : s.lang),
      (lang) => {
        if (lang) void learn(lang)
      },
      { fireImmediately: true },
    )
    return () => {
      current = false
      off()
    }
  }, [store])
}
