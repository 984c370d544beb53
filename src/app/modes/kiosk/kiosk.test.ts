import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../../../tests/helpers/create-test-route'
import { IDLE_NARRATION, type TourState } from '@/tour/tour-machine'
import { createTourStore } from '@/tour/tour-store'

import { dwellOver, openingStep, openingStops } from './attract-loop'
import { resolveKioskSettings } from './kiosk-settings'
import { watchdogVerdict, type HealthSample } from './watchdog'

describe('resolveKioskSettings', () => {
  it('uses the defaults when neither the route nor the URL says anything', () => {
    expect(resolveKioskSettings(createTestRoute(), '')).toEqual({
      idleSeconds: 90,
      dwellSeconds: 120,
      sound: false,
      speedup: 20,
      reducedMotion: false,
    })
  })

  it("takes the route's block, and the URL over it", () => {
    const route = { ...createTestRoute(), kiosk: { idleSeconds: 120, dwellSeconds: 40, sound: true } }
    expect(resolveKioskSettings(route, '')).toEqual({
      idleSeconds: 120,
      dwellSeconds: 40,
      sound: true,
      speedup: 20,
      reducedMotion: false,
    })
    expect(resolveKioskSettings(route, '?mode=kiosk&idle=30&sound=0&simulate=300')).toEqual({
      idleSeconds: 30,
      dwellSeconds: 40,
      sound: false,
      speedup: 300,
      reducedMotion: false,
    })
  })

  it('clamps or ignores URL values it cannot trust', () => {
    const settings = resolveKioskSettings(createTestRoute(), '?idle=1&dwell=abc&simulate=1e9')
    expect(settings.idleSeconds).toBe(5)
    expect(settings.dwellSeconds).toBe(120)
    expect(settings.speedup).toBe(1000)
    expect(resolveKioskSettings(createTestRoute(), '?dwell=0').dwellSeconds).toBe(0.2)
  })

  it('takes a short dwell for a demo that shows every stop in turn', () => {
    expect(resolveKioskSettings(createTestRoute(), '?dwell=0.3&simulate=1000')).toMatchObject({
      dwellSeconds: 0.3,
      speedup: 1000,
    })
  })
})

describe('dwellOver', () => {
  const route = createTestRoute({ stops: 3 })
  const state = (status: TourState['narration']['status']): TourState => ({
    ...createTourStore(route, { lang: 'zh-Hans' }).getState(),
    stopId: 'stop-1',
    narration: { ...IDLE_NARRATION, status },
  })

  it('lets the story play while the landmark has been shown for less than the dwell time', () => {
    expect(dwellOver(state('playing'), 10, 30)).toBe(false)
  })

  it('cuts the story short once the dwell time is up, so the boat sails on', () => {
    expect(dwellOver(state('playing'), 31, 30)).toBe(true)
  })

  it('has nothing to cut when no story plays', () => {
    expect(dwellOver(state('ended'), 31, 30)).toBe(false)
    expect(dwellOver(state('paused'), 31, 30)).toBe(false)
  })
})

describe('the attract loop', () => {
  it('is a simulated cruise that opens every reachable stop in river order and starts again', () => {
    const store = createTourStore(createTestRoute({ stops: 3 }), { lang: 'zh-Hans' })
    store.getState().dispatch({ type: 'simulate', speedup: 500, loop: true, follow: true })
    store.getState().dispatch({ type: 'narration-lengths', lang: 'zh-Hans', lengths: {} })
    const opened: string[] = []
    store.subscribe(
      (s) => s.stopId,
      (id) => id && opened.push(id),
    )
    // The player: each story plays, and the dwell time cuts it short one second later.
    let playingFor = 0
    for (let i = 0; i < 400 && opened.length < 4; i++) {
      const { narration, dispatch } = store.getState()
      if (narration.autoplay && narration.status === 'idle') {
        dispatch({ type: 'narration-changed', narration: { status: 'playing' } })
        playingFor = 0
      } else if (narration.status === 'playing' && (playingFor += 0.25) >= 1)
        dispatch({ type: 'narration-changed', narration: { status: 'paused' } })
      dispatch({ type: 'cruise-tick', seconds: 0.25 })
    }
    expect(opened).toEqual(['stop-1', 'stop-2', 'stop-3', 'stop-1'])
  })
})

describe("the attract loop's opening stops", () => {
  it("lists the route's opening stops that exist, each once", () => {
    const route = createTestRoute({ stops: 3 })
    route.kiosk = { attract: { stops: ['stop-3', 'gone', 'stop-1', 'stop-3'] } }
    expect(openingStops(route)).toEqual(['stop-3', 'stop-1'])
    expect(openingStops(createTestRoute())).toEqual([])
  })

  it('opens on the chosen stops in their order, then sails the course without repeating them, then all of it', () => {
    const route = createTestRoute({ stops: 5 })
    route.kiosk = { attract: { stops: ['stop-4', 'stop-2'] } }
    const opening = openingStops(route)
    const store = createTourStore(route, { lang: 'zh-Hans' })
    const sail = (to: { stopId: string; heard: string[] }) =>
      store.getState().dispatch({
        type: 'simulate',
        speedup: 500,
        loop: true,
        follow: true,
        fromStopId: to.stopId,
        heard: to.heard,
      })
    sail({ stopId: opening[0]!, heard: [] })
    store.getState().dispatch({ type: 'narration-lengths', lang: 'zh-Hans', lengths: {} })
    const opened: string[] = []
    store.subscribe(
      (s) => s.stopId,
      (id) => id && opened.push(id),
    )
    let shown = 0
    let playingFor = 0
    for (let i = 0; i < 2000 && opened.length < 7; i++) {
      const { narration, dispatch } = store.getState()
      if (narration.autoplay && narration.status === 'idle') {
        dispatch({ type: 'narration-changed', narration: { status: 'playing' } })
        playingFor = 0
      } else if (narration.status === 'playing' && (playingFor += 0.25) >= 1)
        dispatch({ type: 'narration-changed', narration: { status: 'paused' } })
      const step = openingStep(store.getState(), opening, shown)
      shown = step.shown
      if (step.sailTo) sail(step.sailTo)
      dispatch({ type: 'cruise-tick', seconds: 0.25 })
    }
    expect(opened).toEqual(['stop-4', 'stop-2', 'stop-3', 'stop-5', 'stop-1', 'stop-2', 'stop-3'])
  })

  it("waits while the opening stop's story is told", () => {
    const route = createTestRoute({ stops: 3 })
    const store = createTourStore(route, { lang: 'zh-Hans' })
    store.getState().dispatch({ type: 'simulate', speedup: 500, fromStopId: 'stop-3', heard: [] })
    store.getState().dispatch({ type: 'narration-lengths', lang: 'zh-Hans', lengths: {} })
    for (let i = 0; i < 200 && store.getState().stopId !== 'stop-3'; i++)
      store.getState().dispatch({ type: 'cruise-tick', seconds: 0.25 })
    store.getState().dispatch({ type: 'narration-changed', narration: { status: 'playing' } })
    expect(openingStep(store.getState(), ['stop-3', 'stop-1'], 0)).toEqual({ shown: 0 })
    store.getState().dispatch({ type: 'narration-changed', narration: { status: 'paused' } })
    expect(openingStep(store.getState(), ['stop-3', 'stop-1'], 0)).toEqual({
      shown: 1,
      sailTo: { stopId: 'stop-1', heard: ['stop-3'] },
    })
  })
})

describe('watchdogVerdict', () => {
  const healthy: HealthSample = {
    secondsSinceProgress: 5,
    attracting: true,
    dwellSeconds: 30,
    geometries: 40,
    textures: 4,
  }

  it('leaves a healthy kiosk alone', () => {
    expect(watchdogVerdict(healthy, 0)).toBe('ok')
  })

  it('resets a stalled attract loop, but not a visitor who lingers', () => {
    expect(watchdogVerdict({ ...healthy, secondsSinceProgress: 200 }, 0)).toBe('reset')
    expect(watchdogVerdict({ ...healthy, secondsSinceProgress: 200, attracting: false }, 0)).toBe('ok')
  })

  it('resets when memory or GPU objects pass their budget', () => {
    expect(watchdogVerdict({ ...healthy, heapUsed: 800, heapLimit: 1000 }, 0)).toBe('reset')
    expect(watchdogVerdict({ ...healthy, geometries: 5000 }, 0)).toBe('reset')
  })

  it('reloads the page only when resets have not helped', () => {
    expect(watchdogVerdict({ ...healthy, heapUsed: 800, heapLimit: 1000 }, 2)).toBe('reload')
  })
})
