import type { Cue } from './parse-vtt'

/** The index of the cue showing at `time` (seconds), or -1 between cues. Cues are sorted by start. */
export function activeCueIndex(cues: readonly Cue[], time: number): number {
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
  const cue = cues[found]
  return cue && time < cue.end ? found : -1
}
