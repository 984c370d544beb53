import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'
import { migrateRoute, V1_TRIGGER_RADIUS_M } from './migrations'
import { SCHEMA_VERSION } from './schema'
import { validateRouteText } from './validate'

/** A route as version 1 wrote it: no triggers, no cruise. */
function versionOneRoute() {
  const route = createTestRoute()
  return {
    ...route,
    schemaVersion: 1,
    stops: route.stops.map(({ trigger: _trigger, ...stop }) => stop),
  }
}

describe('migrateRoute', () => {
  it('leaves a current route untouched', () => {
    const route = createTestRoute()
    expect(migrateRoute(route)).toEqual({ value: route, notices: [] })
  })

  it('leaves what it cannot read to the schema: newer versions, missing versions, non-objects', () => {
    for (const value of [{ schemaVersion: SCHEMA_VERSION + 1 }, { id: 'x' }, [1], null, 'route']) {
      expect(migrateRoute(value)).toEqual({ value, notices: [] })
    }
  })

  describe('from version 1', () => {
    it(`gives every stop a ${V1_TRIGGER_RADIUS_M} m radius trigger and says so`, () => {
      const result = migrateRoute(versionOneRoute())
      const value = result.value as ReturnType<typeof createTestRoute>
      expect(result.migratedFrom).toBe(1)
      expect(value.schemaVersion).toBe(2)
      expect(value.stops.map((s) => s.trigger)).toEqual(
        value.stops.map(() => ({ type: 'radius', radius: V1_TRIGGER_RADIUS_M })),
      )
      expect(result.notices).toEqual([
        expect.stringContaining('3 stop(s) now start their narration within 300 m'),
      ])
    })

    it('keeps a trigger a stop already has and does not modify its input', () => {
      const input = versionOneRoute()
      const own = { ...input.stops[0]!, trigger: { type: 'radius', radius: 50 } }
      const withOwn = { ...input, stops: [own, ...input.stops.slice(1)] }
      const before = JSON.stringify(withOwn)
      const value = migrateRoute(withOwn).value as ReturnType<typeof createTestRoute>
      expect(value.stops[0]!.trigger).toEqual({ type: 'radius', radius: 50 })
      expect(JSON.stringify(withOwn)).toBe(before)
    })

    it('is applied by the validator, which returns the route and a warning at schemaVersion', () => {
      const text = JSON.stringify(versionOneRoute(), null, 2)
      const result = validateRouteText(text)
      expect(result.route?.schemaVersion).toBe(SCHEMA_VERSION)
      expect(result.migratedFrom).toBe(1)
      expect(result.problems).toHaveLength(1)
      expect(result.problems[0]).toMatchObject({ severity: 'warning', pointer: '/schemaVersion', line: 3 })
      expect(result.problems[0]!.message).toMatch(
        /^migrated from schemaVersion 1: version 1 had no position triggers/,
      )
    })
  })
})
