import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { NO_CUES } from './active-cues'
import { POSITION_OFF } from './position'
import { IDLE_NARRATION, currentStop, transition, type TourState } from './tour-machine'
import { createTourStore } from './tour-store'

function start(overrides: Partial<TourState> = {}): TourState {
  return {
    route: createTestRoute({ stops: 3 }),
    stopId: null,
    lang: 'zh-Hans',
    narration: IDLE_NARRATION,
    autoAdvance: false,
    cues: NO_CUES,
    position: POSITION_OFF,
    ...overrides,
  }
}

describe('transition', () => {
  it('opens a stop by id', () => {
    const state = transition(start(), { type: 'select-stop', stopId: 'stop-2' })
    expect(currentStop(state)?.id).toBe('stop-2')
  })

  it('ignores an unknown stop id (e.g. from an old deep link)', () => {
    const before = start({ stopId: 'stop-1' })
    expect(transition(before, { type: 'select-stop', stopId: 'no-such-stop' })).toBe(before)
  })

  it('walks a whole tour with next and stays at the last stop', () => {
    let state = start()
    const visited: (string | null)[] = []
    for (let i = 0; i < 4; i++) {
      state = transition(state, { type: 'next' })
      visited.push(state.stopId)
    }
    expect(visited).toEqual(['stop-1', 'stop-2', 'stop-3', 'stop-3'])
  })

  it('goes back with prev and stays at the first stop', () => {
    let state = start({ stopId: 'stop-2' })
    state = transition(state, { type: 'prev' })
    expect(state.stopId).toBe('stop-1')
    expect(transition(state, { type: 'prev' }).stopId).toBe('stop-1')
  })

  it('resets the narration when the stop changes', () => {
    const playing = start({ stopId: 'stop-1', narration: { status: 'playing', time: 12, duration: 80 } })
    expect(transition(playing, { type: 'next' }).narration).toEqual(IDLE_NARRATION)
  })

  it('changes language only to one the route offers, and resets the narration', () => {
    const playing = start({ stopId: 'stop-1', narration: { status: 'playing', time: 12, duration: 80 } })
    const english = transition(playing, { type: 'set-language', lang: 'en' })
    expect(english.lang).toBe('en')
    expect(english.narration.status).toBe('idle')
    expect(transition(english, { type: 'set-language', lang: 'yue' })).toBe(english)
  })

  it('merges narration progress', () => {
    const state = transition(start({ stopId: 'stop-1' }), {
      type: 'narration-changed',
      narration: { status: 'playing', time: 3.5 },
    })
    expect(state.narration).toEqual({ status: 'playing', time: 3.5, duration: 0 })
  })
})

describe('auto-advance', () => {
  const playing = { status: 'playing' as const, time: 80, duration: 80 }

  it('stays on the stop at the end of a track when auto-advance is off', () => {
    const state = transition(start({ stopId: 'stop-1', narration: playing }), { type: 'narration-ended' })
    expect(state.stopId).toBe('stop-1')
    expect(state.narration.status).toBe('ended')
  })

  it('opens the next stop and asks for it to play when auto-advance is on', () => {
    let state = transition(start({ stopId: 'stop-1', narration: playing }), { type: 'toggle-auto-advance' })
    expect(state.autoAdvance).toBe(true)
    state = transition(state, { type: 'narration-ended' })
    expect(state.stopId).toBe('stop-2')
    expect(state.narration).toEqual({ ...IDLE_NARRATION, autoplay: true })
  })

  it('stops at the end of the last stop instead of replaying it', () => {
    const state = transition(start({ stopId: 'stop-3', narration: playing, autoAdvance: true }), {
      type: 'narration-ended',
    })
    expect(state.stopId).toBe('stop-3')
    expect(state.narration.status).toBe('ended')
    expect(state.narration.autoplay).toBeUndefined()
  })

  it('switches on and off, and sets an explicit value', () => {
    const on = transition(start(), { type: 'toggle-auto-advance' })
    expect(transition(on, { type: 'toggle-auto-advance' }).autoAdvance).toBe(false)
    expect(transition(on, { type: 'toggle-auto-advance', on: true })).toBe(on)
  })

  it('plays the next or previous stop when the lock screen asks for it', () => {
    const state = start({ stopId: 'stop-2', narration: playing })
    expect(transition(state, { type: 'prev', autoplay: true }).narration.autoplay).toBe(true)
    expect(transition(state, { type: 'next' }).narration.autoplay).toBeUndefined()
  })
})

describe('timed cues', () => {
  function withCues(): TourState {
    const route = createTestRoute({ stops: 2 })
    const stop = route.stops[0]!
    const track = stop.narration['zh-Hans']!
    const cues = [
      { type: 'camera-view' as const, at: 0, view: 'overview' },
      { type: 'camera-view' as const, at: 10, view: 'detail' },
      { type: 'highlight-hotspot' as const, at: 12, until: 15, hotspot: 'h' },
    ]
    const narration = { ...stop.narration, 'zh-Hans': { ...track, cues } }
    return start({ route: { ...route, stops: [{ ...stop, narration }, route.stops[1]!] }, stopId: stop.id })
  }
  const at = (state: TourState, time: number) =>
    transition(state, { type: 'narration-changed', narration: { time } })

  it('follows the narration time, backwards as well as forwards', () => {
    let state = at(withCues(), 0)
    expect(state.cues.camera?.view).toBe('overview')
    state = at(state, 13)
    expect([state.cues.camera?.view, state.cues.hotspot?.hotspot]).toEqual(['detail', 'h'])
    state = at(state, 4) // the visitor seeks back
    expect([state.cues.camera?.view, state.cues.hotspot]).toEqual(['overview', undefined])
  })

  it('keeps the same cue object while nothing changes, so views do not re-render', () => {
    const state = at(withCues(), 10.25)
    expect(at(state, 10.5).cues).toBe(state.cues)
  })

  it('clears the cues when the stop or the language changes', () => {
    const state = at(withCues(), 13)
    expect(transition(state, { type: 'next' }).cues).toBe(NO_CUES)
    expect(transition(state, { type: 'set-language', lang: 'en' }).cues).toBe(NO_CUES)
  })
})

describe('createTourStore', () => {
  it('starts at a deep-linked stop and notifies subscribers of stop changes', () => {
    const store = createTourStore(createTestRoute(), { stopId: 'stop-2', lang: 'en' })
    const seen: (string | null)[] = []
    store.subscribe(
      (s) => s.stopId,
      (id) => seen.push(id),
    )
    store.getState().dispatch({ type: 'next' })
    store.getState().dispatch({ type: 'select-stop', stopId: null })
    expect(seen).toEqual(['stop-3', null])
  })
})
