import type { Cue } from './parse-vtt'

/** The index of the last cue started by `time`, or -1. Cues are sorted by start. */
function lastStarted(cues: readonly Cue[], time: number): number {
  let lo = 0
  let hi = cues.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((cues[mid]?.start ?? Infinity) <= time) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The index of the cue showing at `time` (seconds), or -1 between cues. Cues are sorted by start. */
export function activeCueIndex(cues: readonly Cue[], time: number): number {
  const found = lastStarted(cues, time)
  const cue = cues[found]
  return cue && time < cue.end ? found : -1
}

/** Pauses shorter than this between two cues keep the earlier one on screen, in seconds. */
export const CAPTION_HOLD_SECONDS = 1

/**
 * The index of the cue to show at `time`: the one playing, or, in a pause shorter than
 * {@link CAPTION_HOLD_SECONDS} before the next cue, the one before, so the caption does not blink empty
 * between two sentences. -1 before the first cue, after the last, and in longer pauses.
 */
export function shownCueIndex(cues: readonly Cue[], time: number): number {
  const found = lastStarted(cues, time)
  const cue = cues[found]
  if (!cue) return -1
  if (time < cue.end) return found
  const next = cues[found + 1]
  return next && next.start - cue.end < CAPTION_HOLD_SECONDS ? found : -1
}
