import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { routeJsonSchema } from '@/route/json-schema'
import { validateRouteText } from '@/route/validate'

import { freeId, migrateText, newStop, readRouteDraft } from './route-draft'

const SCHEMA = routeJsonSchema()
const ROUTE = readFileSync('routes-data/pearl-river-night/route.json', 'utf8')
const STOPS = (JSON.parse(ROUTE) as { stops: unknown[] }).stops.length
/** Each stop's trigger, one line each in the default route. */
const TRIGGER_LINE = /\n( *)"trigger": \{.*\},/g
/** The default route as a version 1 file: no triggers. */
const ROUTE_V1 = ROUTE.replace('"schemaVersion": 2', '"schemaVersion": 1').replace(TRIGGER_LINE, '')
/** What the migration makes of it: the default route with every trigger a radius of 300 m. */
const ROUTE_V1_MIGRATED = ROUTE.replace(TRIGGER_LINE, '\n$1"trigger": { "type": "radius", "radius": 300 },')

describe('migrateText', () => {
  it('brings a version 1 file to version 2 by adding only the lines the migration changed', () => {
    expect(ROUTE.match(TRIGGER_LINE)).toHaveLength(STOPS)
    expect(ROUTE_V1).not.toContain('"trigger"')
    const migrated = migrateText(ROUTE_V1, SCHEMA)
    expect(migrated.migratedFrom).toBe(1)
    expect(migrated.notices.join(' ')).toMatch(new RegExp(`${STOPS} stop\\(s\\).*"trigger"`))
    // Each trigger is a line of its own in the schema's place, as Prettier lays it out; nothing else changed.
    expect(migrated.text).toBe(ROUTE_V1_MIGRATED)
    expect(validateRouteText(migrated.text).migratedFrom).toBeUndefined()
  })

  it('leaves current files and non-JSON alone', () => {
    expect(migrateText(ROUTE, SCHEMA)).toEqual({ text: ROUTE, notices: [] })
    expect(migrateText('{"a": ', SCHEMA)).toEqual({ text: '{"a": ', notices: [] })
  })
})

describe('readRouteDraft', () => {
  it('reads stops, course and languages from a route with schema errors', () => {
    const broken = ROUTE.replace('"summary"', '"sumary"')
    expect(validateRouteText(broken).route).toBeUndefined()
    const draft = readRouteDraft(broken)
    expect(draft.stops).toHaveLength(STOPS)
    expect(draft.stops[0]).toMatchObject({ index: 0, id: 'white-swan-pool', trigger: { type: 'radius' } })
    expect(draft.course).toEqual((JSON.parse(ROUTE) as { course: unknown }).course)
    expect(draft.languages).toEqual(['zh-Hans', 'en', 'yue'])
    expect(draft.basemap?.water).toBe('basemap/water.geojson')
  })

  it('reads nothing from text that is not JSON', () => {
    expect(readRouteDraft('{').value).toBeNull()
    expect(readRouteDraft('{').stops).toEqual([])
  })
})

describe('new stops', () => {
  it('get a free id, and leave their texts empty so the validator lists what to write', () => {
    expect(freeId('new-stop', ['new-stop', 'new-stop-2'])).toBe('new-stop-3')
    const stop = newStop('new-stop', [113.3, 23.11], 'New stop', 'en')
    const route = JSON.parse(ROUTE) as { stops: unknown[] }
    route.stops.push(stop)
    const messages = validateRouteText(JSON.stringify(route, null, 2)).problems.map(
      (p) => `${p.pointer} ${p.message}`,
    )
    expect(messages).toContain(`/stops/${STOPS}/summary/en text is empty`)
    expect(messages).toContain(`/stops/${STOPS}/story/en text is empty`)
  })
})
