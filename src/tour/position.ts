import type { Lang } from '@/route/schema'

import { TRIGGER_RULES } from '@/route/trigger-zones'

import { NO_TRACKING, type Fix, type Tracking } from './triggers'

/** Where positions come from: the device's GPS, or the simulated boat. */
export type PositionSource = 'gps' | 'simulated'

/**
 * What the visitor is told about their position: not in use, waiting for the browser's permission, refused,
 * not available on this device, too imprecise to start stories, or good.
 */
export type PositionStatus = 'off' | 'asking' | 'denied' | 'unavailable' | 'poor' | 'ok'

/** The simulated boat: its own clock, in seconds into the cruise. */
export interface Cruise {
  time: number
  /** How many times faster than real time the boat runs while no story is playing. */
  speedup: number
  /** Start again from the beginning at the end of the course (the kiosk's attract loop). */
  loop: boolean
  done: boolean
}

/** The visitor's position and what it does to the tour. */
export interface PositionState {
  source: PositionSource | null
  status: PositionStatus
  /** The latest fix, drawn on the map as "you are here". */
  fix: Fix | null
  /** Start each stop's story when the boat reaches it. */
  autoPlay: boolean
  /** Keep the boat in view on the map (the kiosk and the simulation; a visitor with GPS pans for themself). */
  follow: boolean
  tracking: Tracking
  /** Stops already told this visit, by position or listened to the end: position never starts them again. */
  told: readonly string[]
  cruise: Cruise | null
  /** Seconds each stop's story lasts, by language, as far as they are known (from the captions). */
  lengths: Partial<Record<Lang, Readonly<Record<string, number>>>>
  /**
   * The last story the position started: which stop, at which fix time (ms) and where (metres along), and
   * whether that stop was already open (its track is loaded: the player is asked to play it, see README).
   */
  started: { stopId: string; at: number; along: number; alreadyOpen: boolean } | null
}

export const POSITION_OFF: PositionState = Object.freeze({
  source: null,
  status: 'off',
  fix: null,
  autoPlay: false,
  follow: false,
  tracking: NO_TRACKING,
  told: Object.freeze([]),
  cruise: null,
  lengths: Object.freeze({}),
  started: null,
})

/** What the visitor should be told about a fix of this accuracy. */
export function statusOfFix(fix: Fix): 'ok' | 'poor' {
  return fix.accuracy <= TRIGGER_RULES.poorAccuracy ? 'ok' : 'poor'
}
