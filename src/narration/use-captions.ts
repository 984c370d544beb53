import { useEffect, useState } from 'react'

import { fetchLimitedText } from '@/route/load-route'

import { parseVtt, type Cue } from './captions/parse-vtt'

/** Caption files are a few KB; a larger answer is not captions, and a slow one must not hold the player. */
const MAX_CAPTION_BYTES = 1_000_000
const CAPTION_TIMEOUT_MS = 20_000

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
    fetchLimitedText(url, MAX_CAPTION_BYTES, CAPTION_TIMEOUT_MS)
      .then((text) => parseVtt(text))
      .then(
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
