import { describe, expect, it } from 'vitest'

import { at, routeWithStops, track } from '../../tests/helpers/simulated-track'

import { courseGeometry, cruiseSpeed, projectOnCourse } from '@/route/course'
import { triggerZones } from '@/route/trigger-zones'

import { LEAD_IN_M } from './simulator'
import { transition, type TourEvent, type TourState } from './tour-machine'
import { createTourStore } from './tour-store'
import type { Fix } from './triggers'

const route = routeWithStops([
  { along: 1000, trigger: { type: 'radius', radius: 200 } },
  { along: 3000, trigger: { type: 'radius', radius: 200 } },
  { along: 5000, trigger: { type: 'radius', radius: 200 } },
])

function visit(...events: TourEvent[]): TourState {
  return events.reduce(transition, createTourStore(route, { lang: 'zh-Hans' }).getState())
}

/** Feeds GPS fixes of a boat sailing east at 3 m/s from `from` metres for `seconds` seconds. */
function sail(state: TourState, from: number, seconds: number, start = 0): TourState {
  return track([{ from, speed: 3, seconds }], { start }).reduce<TourState>(
    (s, fix) => transition(s, { type: 'position-fix', fix }),
    state,
  )
}

const fixAt = (east: number, accuracy = 5, timestamp = 0): Fix => ({
  position: at(east),
  accuracy,
  speed: null,
  heading: null,
  timestamp,
})

describe('the visitor’s position', () => {
  it('asks for the GPS, then says whether it was refused, is poor or is good', () => {
    const asking = visit({ type: 'use-gps' })
    expect(asking.position).toMatchObject({ source: 'gps', status: 'asking', autoPlay: true })
    expect(transition(asking, { type: 'gps-status', status: 'denied' }).position.status).toBe('denied')
    const poor = transition(asking, { type: 'position-fix', fix: fixAt(100, 250) })
    expect(poor.position.status).toBe('poor')
    expect(poor.position.fix?.accuracy).toBe(250)
    expect(transition(poor, { type: 'position-fix', fix: fixAt(100, 12, 1000) }).position.status).toBe('ok')
  })

  it('drops a fix that arrives after the GPS was switched off, and forgets the last one', () => {
    const off = transition(visit({ type: 'use-gps' }, { type: 'position-fix', fix: fixAt(100) }), {
      type: 'position-off',
    })
    expect(off.position).toMatchObject({ source: null, status: 'off', fix: null, autoPlay: false })
    expect(transition(off, { type: 'position-fix', fix: fixAt(200) })).toBe(off)
  })
})

describe('auto-play by position', () => {
  it('opens the stop the boat reaches and asks for its story to play', () => {
    const state = sail(visit({ type: 'use-gps' }), 500, 250)
    expect(state.stopId).toBe('stop-1')
    expect(state.narration).toMatchObject({ status: 'idle', autoplay: true })
    expect(state.position.told).toEqual(['stop-1'])
    expect(state.position.started).toMatchObject({ stopId: 'stop-1', alreadyOpen: false })
  })

  it('plays a stop the visitor already has open, without reopening it', () => {
    const open = visit({ type: 'select-stop', stopId: 'stop-1' }, { type: 'use-gps' })
    const loaded = transition(open, {
      type: 'narration-changed',
      narration: { status: 'ready', duration: 60 },
    })
    const state = sail(loaded, 500, 250)
    expect(state.stopId).toBe('stop-1')
    expect(state.narration).toMatchObject({ status: 'ready', autoplay: true })
    expect(state.position.started).toMatchObject({ stopId: 'stop-1', alreadyOpen: true })
  })

  it('only shows the position while auto-play is off, and starts the due stop when it is switched on', () => {
    const quiet = sail(visit({ type: 'use-gps' }, { type: 'toggle-auto-play', on: false }), 500, 150)
    expect(quiet.stopId).toBeNull()
    expect(quiet.position.fix).not.toBeNull()
    expect(transition(quiet, { type: 'toggle-auto-play' }).stopId).toBe('stop-1')
  })

  it('starts a story earlier when it is known to be longer', () => {
    const startAlong = (length: number) => {
      const state = sail(
        visit(
          { type: 'use-gps' },
          { type: 'narration-lengths', lang: 'zh-Hans', lengths: { 'stop-1': length } },
        ),
        500,
        250,
      )
      return state.position.started!.along
    }
    expect(startAlong(60)).toBeCloseTo(1000 - 180, -1)
    expect(startAlong(20)).toBeCloseTo(1000 - 60, -1)
  })

  it('lets the story being told finish: the next stop starts when it ends, not before', () => {
    let state = sail(visit({ type: 'use-gps' }), 500, 250)
    state = transition(state, { type: 'narration-changed', narration: { status: 'playing', duration: 900 } })
    // The boat sails on into the second stop's trigger while the first story still plays.
    state = sail(state, 1250, 600, 250)
    expect(state.stopId).toBe('stop-1')
    state = transition(state, { type: 'narration-changed', narration: { status: 'ended' } })
    state = transition(state, { type: 'narration-ended' })
    expect(state.stopId).toBe('stop-2')
    expect(state.narration.autoplay).toBe(true)
  })

  it('lets a paused story give way to the stop the boat has reached', () => {
    let state = sail(visit({ type: 'use-gps' }), 500, 250)
    state = transition(state, { type: 'narration-changed', narration: { status: 'playing', duration: 900 } })
    state = sail(state, 1250, 600, 250)
    state = transition(state, { type: 'narration-changed', narration: { status: 'paused' } })
    expect(state.stopId).toBe('stop-2')
  })

  it('does not hold the tour for a story whose track never starts', () => {
    let state = sail(visit({ type: 'use-gps' }), 500, 250)
    state = transition(state, { type: 'narration-changed', narration: { status: 'loading' } })
    state = sail(state, 1250, 600, 250)
    expect(state.stopId).toBe('stop-2')
  })

  it('chooses the next story itself instead of auto-advancing in route order', () => {
    let state = sail(visit({ type: 'use-gps' }, { type: 'toggle-auto-advance', on: true }), 500, 250)
    state = transition(state, { type: 'narration-changed', narration: { status: 'playing' } })
    state = transition(state, { type: 'narration-ended' })
    expect(state.stopId).toBe('stop-1')
    expect(state.narration.status).toBe('ended')
  })

  it('never tells a stop again that the visitor listened to the end', () => {
    let state = visit({ type: 'select-stop', stopId: 'stop-1' }, { type: 'use-gps' })
    state = transition(state, { type: 'narration-changed', narration: { status: 'playing' } })
    state = transition(state, { type: 'narration-ended' })
    state = transition(state, { type: 'select-stop', stopId: 'stop-3' })
    state = sail(state, 500, 250)
    expect(state.stopId).toBe('stop-3')
    expect(state.position.started).toBeNull()
  })

  it('goes on with the story in the new language when the visitor switches while it plays', () => {
    let state = sail(visit({ type: 'use-gps' }), 500, 250)
    state = transition(state, { type: 'narration-changed', narration: { status: 'playing', time: 20 } })
    state = transition(state, { type: 'set-language', lang: 'en' })
    expect(state.lang).toBe('en')
    expect(state.narration).toMatchObject({ status: 'idle', time: 0, autoplay: true })
    expect(state.stopId).toBe('stop-1')
  })
})

describe('the simulated cruise', () => {
  const speed = cruiseSpeed(route)
  const known: TourEvent = { type: 'narration-lengths', lang: 'zh-Hans', lengths: {} }
  const along = (state: TourState) =>
    projectOnCourse(courseGeometry(route.course), state.position.fix!.position).along

  it('puts the boat just before the trigger of the stop it starts from', () => {
    const state = visit({ type: 'simulate', speedup: 1, fromStopId: 'stop-2' })
    const zone = triggerZones(route)[1]!
    expect(state.position).toMatchObject({ source: 'simulated', status: 'ok', autoPlay: true, follow: true })
    expect(along(state)).toBeCloseTo(zone.span!.start - LEAD_IN_M, 0)
    expect(state.stopId).toBeNull()
    // The stops before it count as heard: only the chosen stop and those after it will play.
    expect(state.position.told).toEqual(['stop-1'])
  })

  it('runs the given times faster between stories and at real speed while one is told', () => {
    let state = visit({ type: 'simulate', speedup: 20 }, known)
    const start = along(state)
    state = transition(state, { type: 'narration-changed', narration: { status: 'playing' } })
    state = transition(state, { type: 'cruise-tick', seconds: 1 })
    expect(along(state) - start).toBeCloseTo(speed, 3)
    state = transition(state, { type: 'narration-changed', narration: { status: 'paused' } })
    state = transition(state, { type: 'cruise-tick', seconds: 0.5 })
    expect(along(state) - start).toBeCloseTo(speed + 10 * speed, 3)
  })

  it('drives the same triggers as the GPS, stop after stop', () => {
    let state = visit({ type: 'simulate', speedup: 200 }, known)
    const opened: string[] = []
    for (let i = 0; i < 200; i++) {
      state = transition(state, { type: 'cruise-tick', seconds: 0.5 })
      if (state.stopId && opened[opened.length - 1] !== state.stopId) opened.push(state.stopId)
      // The player: each story plays for 2 s of real time, then ends.
      if (state.narration.autoplay && state.narration.status === 'idle')
        state = transition(state, { type: 'narration-changed', narration: { status: 'playing' } })
      else if (state.narration.status === 'playing' && i % 4 === 3) {
        state = transition(state, { type: 'narration-changed', narration: { status: 'ended' } })
        state = transition(state, { type: 'narration-ended' })
      }
    }
    expect(opened).toEqual(['stop-1', 'stop-2', 'stop-3'])
    expect(state.position.cruise?.done).toBe(true)
  })

  it('starts again from the beginning when it loops (the kiosk), once the last story has been told', () => {
    let state = visit({ type: 'simulate', speedup: 1000, loop: true }, known)
    for (let i = 0; i < 30; i++) state = transition(state, { type: 'cruise-tick', seconds: 1 })
    expect(state.position.cruise?.done).toBe(false)
    expect(state.position.cruise!.time).toBeLessThan(18_000 / speed)
  })

  it('waits at its mooring until it knows how long the stories are', () => {
    const moored = visit({ type: 'simulate', speedup: 10 })
    expect(transition(moored, { type: 'cruise-tick', seconds: 1 })).toBe(moored)
    const known = transition(moored, {
      type: 'narration-lengths',
      lang: 'zh-Hans',
      lengths: { 'stop-1': 40 },
    })
    expect(transition(known, { type: 'cruise-tick', seconds: 1 }).position.cruise!.time).toBeCloseTo(10, 6)
  })

  it('leaves the boat where it stopped when the simulation is switched off', () => {
    const sailing = transition(visit({ type: 'simulate', speedup: 10 }, known), {
      type: 'cruise-tick',
      seconds: 1,
    })
    const stopped = transition(sailing, { type: 'position-off' })
    expect(stopped.position.fix).toBe(sailing.position.fix)
    expect(transition(stopped, { type: 'cruise-tick', seconds: 1 })).toBe(stopped)
  })
})
