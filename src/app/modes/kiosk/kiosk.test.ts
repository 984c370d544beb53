import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../../../tests/helpers/create-test-route'
import { IDLE_NARRATION, type TourState } from '@/tour/tour-machine'
import { createTourStore } from '@/tour/tour-store'

import { dwellOver } from './attract-loop'
import { resolveKioskSettings } from './kiosk-settings'
import { watchdogVerdict, type HealthSample } from './watchdog'

describe('resolveKioskSettings', () => {
  it('uses the defaults when neither the route nor the URL says anything', () => {
    expect(resolveKioskSettings(createTestRoute(), '')).toEqual({
      idleSeconds: 90,
      dwellSeconds: 120,
      sound: false,
      speedup: 20,
    })
  })

  it("takes the route's block, and the URL over it", () => {
    const route = { ...createTestRoute(), kiosk: { idleSeconds: 120, dwellSeconds: 40, sound: true } }
    expect(resolveKioskSettings(route, '')).toEqual({
      idleSeconds: 120,
      dwellSeconds: 40,
      sound: true,
      speedup: 20,
    })
    expect(resolveKioskSettings(route, '?mode=kiosk&idle=30&sound=0&simulate=300')).toEqual({
      idleSeconds: 30,
      dwellSeconds: 40,
      sound: false,
      speedup: 300,
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
