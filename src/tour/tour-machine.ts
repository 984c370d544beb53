import type { Lang, Route } from '@/route/schema'
import { assertNever } from '@/lib/assert-never'

import { activeCues, NO_CUES, sameCues, type ActiveCues } from './active-cues'

/** What the narration player is doing, as the views need to know it (not per frame: ~4 Hz at most). */
export interface NarrationState {
  status: 'idle' | 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'blocked' | 'error'
  /** Seconds from the start of the current stop's track. */
  time: number
  duration: number
  /** Shown to the visitor when status is 'error'. */
  error?: string
  /** Start playing as soon as the track is there: set when the tour moves on by itself (auto-advance, lock screen). */
  autoplay?: boolean
}

/** Everything about the visit that more than one view reads. */
export interface TourState {
  route: Route
  stopId: string | null
  lang: Lang
  narration: NarrationState
  /** At the end of a track, open the next stop and play it. */
  autoAdvance: boolean
  /** The narration's timed cues in effect now (camera view, hotspot, map, feature, image): views apply them. */
  cues: ActiveCues
}

/** What happened: a tap, a deep link, the player, the browser's history. Not what an engine should do. */
export type TourEvent =
  | { type: 'select-stop'; stopId: string | null }
  | { type: 'next'; autoplay?: boolean }
  | { type: 'prev'; autoplay?: boolean }
  | { type: 'set-language'; lang: Lang }
  | { type: 'narration-changed'; narration: Partial<NarrationState> }
  | { type: 'narration-ended' }
  | { type: 'toggle-auto-advance'; on?: boolean }

export const IDLE_NARRATION: NarrationState = { status: 'idle', time: 0, duration: 0 }

/** The tour's state after an event. Pure: unit tests drive a whole visit without a browser. */
export function transition(state: TourState, event: TourEvent): TourState {
  switch (event.type) {
    case 'select-stop': {
      const known = event.stopId === null || state.route.stops.some((s) => s.id === event.stopId)
      if (!known || event.stopId === state.stopId) return state
      return { ...state, stopId: event.stopId, narration: IDLE_NARRATION, cues: NO_CUES }
    }
    case 'next':
    case 'prev': {
      const stops = state.route.stops
      const index = stops.findIndex((s) => s.id === state.stopId)
      const target =
        event.type === 'next'
          ? stops[Math.min(index + 1, stops.length - 1)]
          : stops[index <= 0 ? 0 : index - 1]
      if (!target || target.id === state.stopId) return state
      const moved = transition(state, { type: 'select-stop', stopId: target.id })
      return event.autoplay ? { ...moved, narration: { ...IDLE_NARRATION, autoplay: true } } : moved
    }
    case 'set-language': {
      if (event.lang === state.lang || !state.route.languages.includes(event.lang)) return state
      return { ...state, lang: event.lang, narration: IDLE_NARRATION, cues: NO_CUES }
    }
    case 'narration-changed': {
      const narration = { ...state.narration, ...event.narration }
      const cues = activeCues(currentStop(state)?.narration[state.lang]?.cues, narration.time)
      return { ...state, narration, cues: sameCues(cues, state.cues) ? state.cues : cues }
    }
    case 'narration-ended': {
      const ended = { ...state, narration: { ...state.narration, status: 'ended' as const } }
      return state.autoAdvance ? transition(ended, { type: 'next', autoplay: true }) : ended
    }
    case 'toggle-auto-advance': {
      const on = event.on ?? !state.autoAdvance
      return on === state.autoAdvance ? state : { ...state, autoAdvance: on }
    }
    default:
      return assertNever(event)
  }
}

/** The stop currently open, if any. */
export function currentStop(state: TourState) {
  return state.route.stops.find((s) => s.id === state.stopId)
}
