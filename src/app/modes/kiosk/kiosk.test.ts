import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../../../tests/helpers/create-test-route'
import { IDLE_NARRATION, type TourState } from '@/tour/tour-machine'
import { createTourStore } from '@/tour/tour-store'

import { attractStep } from './attract-loop'
import { resolveKioskSettings } from './kiosk-settings'
import { watchdogVerdict, type HealthSample } from './watchdog'

describe('resolveKioskSettings', () => {
  it('uses the defaults when neither the route nor the URL says anything', () => {
    expect(resolveKioskSettings(createTestRoute(), '')).toEqual({
      idleSeconds: 90,
      dwellSeconds: 120,
      sound: false,
    })
  })

  it("takes the route's block, and the URL over it", () => {
    const route = { ...createTestRoute(), kiosk: { idleSeconds: 120, dwellSeconds: 40, sound: true } }
    expect(resolveKioskSettings(route, '')).toEqual({ idleSeconds: 120, dwellSeconds: 40, sound: true })
    expect(resolveKioskSettings(route, '?mode=kiosk&idle=30&sound=0')).toEqual({
      idleSeconds: 30,
      dwellSeconds: 40,
      sound: false,
    })
  })

  it('clamps or ignores URL values it cannot trust', () => {
    const settings = resolveKioskSettings(createTestRoute(), '?idle=1&dwell=abc')
    expect(settings.idleSeconds).toBe(5)
    expect(settings.dwellSeconds).toBe(120)
  })
})

describe('attractStep', () => {
  const route = createTestRoute({ stops: 3 })
  const state = (stopId: string | null, status: TourState['narration']['status'] = 'playing'): TourState => ({
    ...createTourStore(route, { lang: 'zh-Hans' }).getState(),
    stopId,
    narration: { ...IDLE_NARRATION, status },
  })

  it('opens the first stop when none is open', () => {
    expect(attractStep(state(null), 0, 30)).toEqual({ type: 'open', stopId: 'stop-1' })
  })

  it('waits while the narration plays within the dwell time', () => {
    expect(attractStep(state('stop-1'), 10, 30)).toEqual({ type: 'wait' })
  })

  it('moves on when the narration ends, or fails, or the dwell time is up', () => {
    expect(attractStep(state('stop-1', 'ended'), 3, 30)).toEqual({ type: 'open', stopId: 'stop-2' })
    expect(attractStep(state('stop-1', 'error'), 3, 30)).toEqual({ type: 'open', stopId: 'stop-2' })
    expect(attractStep(state('stop-2'), 31, 30)).toEqual({ type: 'open', stopId: 'stop-3' })
  })

  it('starts again after the last stop', () => {
    expect(attractStep(state('stop-3', 'ended'), 3, 30)).toEqual({ type: 'open', stopId: 'stop-1' })
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
