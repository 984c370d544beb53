import { useEffect, useState } from 'react'

import { fetchCaptions } from './captions/fetch-captions'
import type { Cue } from '@/lib/parse-vtt'

/**
 * The cues of a caption file, fetched when the URL changes. A missing, slow, huge or unreadable file gives
 * `failed` (the player says so; the narration plays on) and a warning naming the file and line for curators.
 */
export function useCaptions(url: string | undefined): { cues: Cue[]; failed: boolean } {
  const [state, setState] = useState<{ url?: string; cues: Cue[]; failed: boolean }>({
    cues: [],
    failed: false,
  })
  useEffect(() => {
    if (!url) return
    let current = true
    fetchCaptions(url).then(
      (cues) => current && setState({ url, cues, failed: false }),
      (error: unknown) => {
        if (!current) return
        console.warn(`captions ${url}: ${error instanceof Error ? error.message : String(error)}`)
        setState({ url, cues: [], failed: true })
      },
    )
    return () => {
      current = false
    }
  }, [url])
  return state.url === url ? state : { cues: [], failed: false }
}
