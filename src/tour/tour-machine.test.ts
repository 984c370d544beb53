import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { IDLE_NARRATION, currentStop, transition, type TourState } from './tour-machine'
import { createTourStore } from './tour-store'

function start(overrides: Partial<TourState> = {}): TourState {
  return {
    route: createTestRoute({ stops: 3 }),
    stopId: null,
    lang: 'zh-Hans',
    narration: IDLE_NARRATION,
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
