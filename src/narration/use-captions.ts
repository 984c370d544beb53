import { useEffect, useState } from 'react'

import { parseVtt, type Cue } from './captions/parse-vtt'

/** The cues of a caption file, fetched when the URL changes; an unreadable file gives an error in words. */
export function useCaptions(url: string | undefined): { cues: Cue[]; error?: string } {
  const [state, setState] = useState<{ url?: string; cues: Cue[]; error?: string }>({ cues: [] })
  useEffect(() => {
    if (!url) return
    const controller = new AbortController()
    fetch(url, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
        setState({ url, cues: parseVtt(await response.text()) })
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ url, cues: [], error: String(error) })
      })
    return () => controller.abort()
  }, [url])
  return state.url === url ? state : { cues: [] }
}
