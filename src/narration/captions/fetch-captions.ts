import { fetchLimitedText } from '@/lib/fetch-limited-text'

import { parseVtt, type Cue } from '@/lib/parse-vtt'

/** Caption files are a few KB; a larger answer is not captions, and a slow one must not hold the player. */
const MAX_CAPTION_BYTES = 1_000_000
const CAPTION_TIMEOUT_MS = 20_000

/** The cues of a WebVTT file; rejects when it is missing, slow, huge or unreadable. */
export async function fetchCaptions(url: string): Promise<Cue[]> {
  return parseVtt(await fetchLimitedText(url, MAX_CAPTION_BYTES, CAPTION_TIMEOUT_MS))
}
