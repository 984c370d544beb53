import type { Lang, Route } from '@/route/schema'
import { assertNever } from '@/lib/assert-never'

/** What the narration player is doing, as the views need to know it (not per frame: ~4 Hz at most). */
export interface NarrationState {
  status: 'idle' | 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'error'
  /** Seconds from the start of the current stop's track. */
  time: number
  duration: number
  /** Shown to the visitor when status is 'error'. */
  error?: string
}

/** Everything about the visit that more than one view reads. */
export interface TourState {
  route: Route
  stopId: string | null
  lang: Lang
  narration: NarrationState
}

/** What happened: a tap, a deep link, the player, the browser's history. Not what an engine should do. */
export type TourEvent =
  | { type: 'select-stop'; stopId: string | null }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'set-language'; lang: Lang }
  | { type: 'narration-changed'; narration: Partial<NarrationState> }

export const IDLE_NARRATION: NarrationState = { status: 'idle', time: 0, duration: 0 }

/** The tour's state after an event. Pure: unit tests drive a whole visit without a browser. */
export function transition(state: TourState, event: TourEvent): TourState {
  switch (event.type) {
    case 'select-stop': {
      const known = event.stopId === null || state.route.stops.some((s) => s.id === event.stopId)
      if (!known || event.stopId === state.stopId) return state
      return { ...state, stopId: event.stopId, narration: IDLE_NARRATION }
    }
    case 'next':
    case 'prev': {
      const stops = state.route.stops
      const index = stops.findIndex((s) => s.id === state.stopId)
      const target =
        event.type === 'next'
          ? stops[Math.min(index + 1, stops.length - 1)]
          : stops[index <= 0 ? 0 : index - 1]
      return target ? transition(state, { type: 'select-stop', stopId: target.id }) : state
    }
    case 'set-language': {
      if (event.lang === state.lang || !state.route.languages.includes(event.lang)) return state
      return { ...state, lang: event.lang, narration: IDLE_NARRATION }
    }
    case 'narration-changed':
      return { ...state, narration: { ...state.narration, ...event.narration } }
    default:
      return assertNever(event)
  }
}

/** The stop currently open, if any. */
export function currentStop(state: TourState) {
  return state.route.stops.find((s) => s.id === state.stopId)
}
