import type { Cue } from '@/lib/parse-vtt'

/** A media element reports a seek target a hair early: a line the visitor tapped still counts as started. */
const STARTED_TOLERANCE = 0.05

/**
 * The index of the last cue started at `time` (the one showing, or the one before a pause), or -1. A cue
 * starting less than `tolerance` seconds later counts as started.
 */
export function lastStartedCue(cues: readonly Cue[], time: number, tolerance = STARTED_TOLERANCE): number {
  let lo = 0
  let hi = cues.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((cues[mid]?.start ?? Infinity) <= time + tolerance) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * Where a story heard up to `time` seconds with the captions `from` goes on in another language (captions
 * `to`): at the start of the same caption when both have as many (the languages then read the same sentences),
 * else at the same fraction of the story (each lasting to the end of its last caption), backed up to the start
 * of the caption there. Never past the start of the last caption; 0 when there is nothing to go by.
 */
export function mapStoryTime(time: number, from: readonly Cue[], to: readonly Cue[]): number {
  const index = lastStartedCue(from, time)
  if (index < 0 || to.length === 0) return 0
  if (from.length === to.length) return to[index]?.start ?? 0
  const fromLength = from.at(-1)?.end ?? 0
  const toLength = to.at(-1)?.end ?? 0
  const at = (Math.min(time, fromLength) / fromLength) * toLength
  return to[lastStartedCue(to, at, 0)]?.start ?? 0
}

/** A place in a stop's story: `time` seconds into one of its narrations (`key`), whose captions `cues` give. */
export interface StoryPlace<C> {
  key: string
  time: number
  cues: C
}

/** The narration last loaded for a stop, and the place it was asked to go on from (null: from its start). */
export interface LoadedNarration<C> {
  stopId: string | null
  key: string
  cues: C
  from: StoryPlace<C> | null
}

/**
 * Where a new narration of stop `stopId` goes on from: the place reached in the narration `loaded` before it,
 * at `position` s; null (from the start) for another stop or at 0 s. While `loaded` is still `placing` (its
 * captions being read to find where it starts), its position means nothing yet: the place it was asked to go
 * on from still holds, so a second change of language in quick succession goes on from the language heard.
 */
export function placeToGoOnFrom<C>(
  loaded: LoadedNarration<C> | null,
  stopId: string | null,
  placing: boolean,
  position: number,
): StoryPlace<C> | null {
  if (!loaded || loaded.stopId !== stopId) return null
  const place = placing ? loaded.from : { key: loaded.key, time: position, cues: loaded.cues }
  return place && place.time > 0 ? place : null
}
