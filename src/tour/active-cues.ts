import type { NarrationCue } from '@/route/schema'

type CueOf<T extends NarrationCue['type']> = Extract<NarrationCue, { type: T }>

/** The cues in effect at one moment of a narration, one per kind: what the map and the 3D view should show. */
export interface ActiveCues {
  camera?: CueOf<'camera-view'>
  hotspot?: CueOf<'highlight-hotspot'>
  map?: CueOf<'fly-map'>
  feature?: CueOf<'highlight-map-feature'>
  image?: CueOf<'show-image'>
}

export const NO_CUES: ActiveCues = Object.freeze({})

const SLOT = {
  'camera-view': 'camera',
  'highlight-hotspot': 'hotspot',
  'fly-map': 'map',
  'highlight-map-feature': 'feature',
  'show-image': 'image',
} as const satisfies Record<NarrationCue['type'], keyof ActiveCues>

/**
 * The cues in effect at `t` seconds: for each kind, the one that started last at or before `t` (a later cue of
 * the same kind replaces an earlier one), unless its `until` has passed. A function of `t` alone, so the state
 * is right after seeking backwards or forwards, not only when playing straight through.
 */
export function activeCues(cues: readonly NarrationCue[] | undefined, t: number): ActiveCues {
  if (!cues || cues.length === 0) return NO_CUES
  const latest: Partial<Record<keyof ActiveCues, NarrationCue>> = {}
  for (const cue of cues) {
    if (cue.at > t) continue
    const slot = SLOT[cue.type]
    const known = latest[slot]
    if (!known || cue.at >= known.at) latest[slot] = cue
  }
  // Each slot holds only cues of its own type (see SLOT).
  const active: Record<string, NarrationCue> = {}
  for (const [slot, cue] of Object.entries(latest)) {
    if (cue.until === undefined || t < cue.until) active[slot] = cue
  }
  return Object.keys(active).length === 0 ? NO_CUES : active
}

/** Whether two cue states apply the same cues (so the store can keep the old object and views do not re-render). */
export function sameCues(a: ActiveCues, b: ActiveCues): boolean {
  const slots = Object.values(SLOT)
  return slots.every((slot) => a[slot] === b[slot])
}
