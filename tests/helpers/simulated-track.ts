import { EARTH_RADIUS_M } from '@/route/geo'
import type { Route, Stop, Trigger } from '@/route/schema'
import { transition, type TourState } from '@/tour/tour-machine'
import { createTourStore } from '@/tour/tour-store'
import type { Fix } from '@/tour/triggers'

import { gaussian, seeded } from '../../scripts/seeded-random'

import { createTestRoute, createTestStop } from './create-test-route'

/** Latitude of the test course, and its first point: the course runs due east from there. */
const LAT = 23.1
const LNG0 = 113.21
const M_PER_DEG_LNG = (EARTH_RADIUS_M * Math.PI * Math.cos((LAT * Math.PI) / 180)) / 180
const M_PER_DEG_LAT = (EARTH_RADIUS_M * Math.PI) / 180

/** The point `east` metres along the straight test course and `north` metres off it. */
export function at(east: number, north = 0): [number, number] {
  return [LNG0 + east / M_PER_DEG_LNG, LAT + north / M_PER_DEG_LAT]
}

/** A test route whose course runs 18 km due east, with stops at the given distances along it (and off it). */
export function routeWithStops(stops: { along: number; off?: number; trigger: Trigger }[]): Route {
  const route = createTestRoute({ stops: 0 })
  return {
    ...route,
    course: [at(0), at(18_000)],
    stops: stops.map((s, i): Stop => ({
      ...createTestStop(i),
      position: at(s.along, s.off ?? 0),
      trigger: s.trigger,
    })),
  }
}

/** One leg of a simulated cruise on the test course: where, how fast, for how long. */
export interface Leg {
  /** Metres along the course where the leg starts (the previous leg's end if omitted). */
  from?: number
  /** Metres a second along the course: negative goes back. */
  speed: number
  seconds: number
}

/**
 * Fixes once a second along the straight test course, leg after leg, with seeded GPS noise (`sigma` metres
 * each way) and the given reported accuracy. The device's own speed is not reported (as in Chromium's
 * emulation), so the tracker must estimate it.
 */
export function track(
  legs: Leg[],
  {
    sigma = 0,
    accuracy = 5,
    seed = 1,
    start = 0,
  }: { sigma?: number; accuracy?: number; seed?: number; start?: number } = {},
): (Fix & { trueAlong: number })[] {
  const random = seeded(seed)
  const fixes: (Fix & { trueAlong: number })[] = []
  let along = legs[0]?.from ?? 0
  let t = start
  for (const leg of legs) {
    along = leg.from ?? along
    for (let s = 0; s < leg.seconds; s++) {
      fixes.push({
        position: at(along + gaussian(random, sigma), gaussian(random, sigma)),
        accuracy,
        speed: null,
        heading: null,
        timestamp: t * 1000,
        trueAlong: along,
      })
      along += leg.speed
      t++
    }
  }
  return fixes
}

/** A story the position started during a simulated cruise: when and where, and when it ended. */
export interface ToldStory {
  stopId: string
  /** Seconds of the fix that started it. */
  start: number
  /** True metres along the course at that moment. */
  startAlong: number
  end: number
}

/**
 * Drives a visit with auto-play by position through `fixes`, playing each story it starts for its length
 * (`lengths`, seconds by stop id, else 60) as a player would: the stories it told, in order, and the final state.
 */
export function cruiseThrough(
  route: Route,
  fixes: (Fix & { trueAlong: number })[],
  { lengths = {}, init }: { lengths?: Record<string, number>; init?: (state: TourState) => TourState } = {},
): { told: ToldStory[]; state: TourState } {
  let state: TourState = createTourStore(route, { lang: 'zh-Hans' }).getState()
  state = transition(state, { type: 'use-gps' })
  state = transition(state, { type: 'narration-lengths', lang: 'zh-Hans', lengths })
  if (init) state = init(state)
  const told: ToldStory[] = []
  const length = (id: string) => lengths[id] ?? 60
  for (const fix of fixes) {
    const now = fix.timestamp / 1000
    const before = state.position.started
    const playing = told[told.length - 1]
    if (playing && state.narration.status === 'playing' && now >= playing.start + length(playing.stopId)) {
      playing.end = playing.start + length(playing.stopId)
      state = transition(state, { type: 'narration-changed', narration: { status: 'ended' } })
      state = transition(state, { type: 'narration-ended' })
    }
    state = transition(state, { type: 'position-fix', fix })
    const started = state.position.started
    if (started && started !== before) {
      told.push({ stopId: started.stopId, start: started.at / 1000, startAlong: fix.trueAlong, end: NaN })
      state = transition(state, {
        type: 'narration-changed',
        narration: { status: 'playing', duration: length(started.stopId) },
      })
    }
  }
  return { told, state }
}
