import type { Lang, Route } from '@/route/schema'
import { assertNever } from '@/lib/assert-never'

import { activeCues, NO_CUES, sameCues, type ActiveCues } from './active-cues'
import { TRIGGER_RULES } from '@/route/trigger-zones'

import { NO_TRACKING, dueStop, observeFix, type Fix } from './triggers'
import { POSITION_OFF, statusOfFix, type PositionState } from './position'
import { cruiseTimeBefore, simulatedFix } from './simulator'

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
  /** The visitor's position (GPS or the simulated boat) and the stories it starts. */
  position: PositionState
}

/** What happened: a tap, a deep link, the player, the browser's history, the GPS. Not what an engine should do. */
export type TourEvent =
  | { type: 'select-stop'; stopId: string | null }
  | { type: 'next'; autoplay?: boolean }
  | { type: 'prev'; autoplay?: boolean }
  | { type: 'set-language'; lang: Lang }
  | { type: 'narration-changed'; narration: Partial<NarrationState> }
  | { type: 'narration-ended' }
  | { type: 'toggle-auto-advance'; on?: boolean }
  /** The visitor asked for stories to follow their position (the browser then asks for permission). */
  | { type: 'use-gps' }
  /** The browser refused the position, or cannot give one. */
  | { type: 'gps-status'; status: 'denied' | 'unavailable' }
  | { type: 'position-fix'; fix: Fix }
  /** `?simulate`, the simulation control or the kiosk: a virtual boat sails the course from the start or a stop. */
  | {
      type: 'simulate'
      speedup: number
      fromStopId?: string
      loop?: boolean
      follow?: boolean
      heard?: readonly string[]
    }
  /** Real seconds have passed for the simulated boat. */
  | { type: 'cruise-tick'; seconds: number }
  | { type: 'position-off' }
  | { type: 'toggle-auto-play'; on?: boolean }
  /** How long each stop's story lasts in a language, once the captions are read. */
  | { type: 'narration-lengths'; lang: Lang; lengths: Record<string, number> }

export const IDLE_NARRATION: NarrationState = { status: 'idle', time: 0, duration: 0 }

/** Seconds a story the position started has to begin playing before the boat moves on without it. */
const PENDING_SECONDS = 10
/** The simulated boat reports a fix for every second of its own clock, like a GPS at 1 Hz. */
const CRUISE_STEP_SECONDS = 1
/** A tick longer than this (a tab back from the background) does not make the boat leap. */
const MAX_TICK_SECONDS = 1

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
      // A story being told goes on in the new language (the narrator starts it at the same place in the story: src/narration/story-time.ts).
      const narration =
        state.narration.status === 'playing' ? { ...IDLE_NARRATION, autoplay: true } : IDLE_NARRATION
      return { ...state, lang: event.lang, narration, cues: NO_CUES }
    }
    case 'narration-changed': {
      const narration = { ...state.narration, ...event.narration }
      const cues = activeCues(currentStop(state)?.narration[state.lang]?.cues, narration.time)
      const next = { ...state, narration, cues: sameCues(cues, state.cues) ? state.cues : cues }
      // A story paused or failed gives way to a stop the boat has reached meanwhile (an ended one: see below).
      const gaveWay =
        narration.status !== state.narration.status && ['paused', 'error'].includes(narration.status)
      return gaveWay ? startDueStory(next) : next
    }
    case 'narration-ended': {
      const ended = { ...state, narration: { ...state.narration, status: 'ended' as const } }
      const told = markTold(ended, state.stopId)
      // While the position chooses the stories, it also chooses what comes after one.
      if (followsPosition(told)) return startDueStory(told)
      return state.autoAdvance ? transition(told, { type: 'next', autoplay: true }) : told
    }
    case 'toggle-auto-advance': {
      const on = event.on ?? !state.autoAdvance
      return on === state.autoAdvance ? state : { ...state, autoAdvance: on }
    }
    case 'use-gps': {
      if (state.position.source === 'gps') return state
      return withPosition(state, {
        ...POSITION_OFF,
        told: state.position.told,
        lengths: state.position.lengths,
        source: 'gps',
        status: 'asking',
        autoPlay: true,
      })
    }
    case 'gps-status':
      if (state.position.source !== 'gps' || state.position.status === event.status) return state
      return withPosition(state, { ...state.position, status: event.status })
    case 'position-fix':
      // A fix that arrives after the visitor switched the GPS off (or to the simulation) is dropped.
      return state.position.source === 'gps' ? afterFix(state, event.fix) : state
    case 'simulate': {
      const time = cruiseTimeBefore(state.route, event.fromStopId)
      // Sailing from a stop: the stops before it in route order count as heard (their triggers may reach it).
      // `heard` (the kiosk's opening stops already shown) replaces what this visit has heard so far.
      const from = state.route.stops.findIndex((s) => s.id === event.fromStopId)
      const skipped = state.route.stops.slice(0, Math.max(0, from)).map((s) => s.id)
      const sailing = withPosition(state, {
        ...POSITION_OFF,
        told: [...new Set([...(event.heard ?? state.position.told), ...skipped])],
        lengths: state.position.lengths,
        source: 'simulated',
        status: 'ok',
        autoPlay: true,
        follow: event.follow ?? true,
        cruise: { time, speedup: Math.max(1, event.speedup), loop: event.loop ?? false, done: false },
      })
      return afterFix(sailing, simulatedFix(state.route, time).fix)
    }
    case 'cruise-tick':
      return sail(state, Math.min(event.seconds, MAX_TICK_SECONDS))
    case 'position-off': {
      const p = state.position
      if (p.source === null) return state
      // The simulated boat stays on the map where it stopped; a GPS dot would only go stale.
      return withPosition(state, {
        ...POSITION_OFF,
        told: p.told,
        lengths: p.lengths,
        fix: p.source === 'simulated' ? p.fix : null,
      })
    }
    case 'toggle-auto-play': {
      const on = event.on ?? !state.position.autoPlay
      if (on === state.position.autoPlay) return state
      const next = withPosition(state, { ...state.position, autoPlay: on })
      return on ? startDueStory(next) : next
    }
    case 'narration-lengths': {
      if (!state.route.languages.includes(event.lang)) return state
      const lengths = { ...state.position.lengths, [event.lang]: event.lengths }
      return startDueStory(withPosition(state, { ...state.position, lengths }))
    }
    default:
      return assertNever(event)
  }
}

/** The stop currently open, if any. */
export function currentStop(state: TourState) {
  return state.route.stops.find((s) => s.id === state.stopId)
}

/** Seconds the story of `stopId` lasts in the visit's language: from its captions, its loaded track, or a guess. */
export function storyLength(state: TourState, stopId: string): number {
  const known = state.position.lengths[state.lang]?.[stopId]
  if (known !== undefined) return known
  if (stopId === state.stopId && state.narration.duration > 0) return state.narration.duration
  return TRIGGER_RULES.defaultLength
}

/**
 * Whether a story is being told, so that the position waits before starting another: one is playing, or the
 * position has just asked for one that has not begun yet (it gets PENDING_SECONDS, so a track that never
 * arrives does not hold the tour).
 */
export function storyInProgress(state: TourState): boolean {
  const { narration, position } = state
  if (narration.status === 'playing') return true
  const pending = narration.autoplay && ['idle', 'loading', 'ready'].includes(narration.status)
  const started = position.started
  return Boolean(
    pending &&
    started?.stopId === state.stopId &&
    position.tracking.at !== null &&
    position.tracking.at - started.at < PENDING_SECONDS * 1000,
  )
}

function followsPosition(state: TourState): boolean {
  return state.position.source !== null && state.position.autoPlay
}

function withPosition(state: TourState, position: PositionState): TourState {
  return { ...state, position }
}

function markTold(state: TourState, stopId: string | null): TourState {
  if (stopId === null || state.position.told.includes(stopId)) return state
  return withPosition(state, { ...state.position, told: [...state.position.told, stopId] })
}

function afterFix(state: TourState, fix: Fix): TourState {
  const position = state.position
  const tracking = observeFix(state.route, position.tracking, fix)
  return startDueStory(withPosition(state, { ...position, fix, status: statusOfFix(fix), tracking }))
}

/** Opens and plays the stop the boat has reached, when the visitor lets the position do so and nothing plays. */
function startDueStory(state: TourState): TourState {
  const position = state.position
  if (!followsPosition(state) || storyInProgress(state)) return state
  const due = dueStop(state.route, position.tracking, position.told, (id) => storyLength(state, id))
  if (!due || position.tracking.at === null) return state
  const started = {
    stopId: due.stopId,
    at: position.tracking.at,
    along: position.tracking.fixAlong ?? 0,
    alreadyOpen: due.stopId === state.stopId,
  }
  const told = [...position.told, due.stopId]
  const opened = transition(state, { type: 'select-stop', stopId: due.stopId })
  const narration = started.alreadyOpen
    ? { ...opened.narration, autoplay: true }
    : { ...IDLE_NARRATION, autoplay: true }
  return { ...opened, narration, position: { ...position, told, started } }
}

/**
 * Moves the simulated boat on by `seconds` of real time, one fix per second of its own clock: `speedup` times
 * faster than real time between stories, at real speed while one is told, so that a story still ends as the
 * boat passes its site. At the end of the course it waits for the last story, then stops or starts again.
 * It does not move before the stories' lengths in the visit's language are known (`narration-lengths`).
 */
function sail(state: TourState, seconds: number): TourState {
  let current = state
  let left = seconds
  while (left > 1e-9) {
    const position = current.position
    const cruise = position.cruise
    if (position.source !== 'simulated' || !cruise) return current
    // The boat waits at its mooring until it knows how long the stories in this language are, so that a
    // simulation always times them the same way.
    if (!position.lengths[current.lang]) return current
    const telling = storyInProgress(current)
    if (cruise.done) {
      // (A course too short to sail is done at once: it does not loop.)
      if (!cruise.loop || telling || cruise.time === 0) return current
      const again = withPosition(current, {
        ...position,
        tracking: NO_TRACKING,
        told: [],
        started: null,
        cruise: { ...cruise, time: 0, done: false },
      })
      current = afterFix(again, simulatedFix(current.route, 0).fix)
      continue
    }
    const rate = telling ? 1 : cruise.speedup
    const step = Math.min(left, CRUISE_STEP_SECONDS / rate)
    const time = cruise.time + step * rate
    const { fix, done } = simulatedFix(current.route, time)
    current = afterFix(withPosition(current, { ...position, cruise: { ...cruise, time, done } }), fix)
    left -= step
  }
  return current
}
