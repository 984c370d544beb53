import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { validateRouteText } from './validate'

const toText = (value: unknown) => JSON.stringify(value, null, 2)

describe('validateRouteText on hostile input', () => {
  it('never throws on arbitrary text, and returns a route only when there is no error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = validateRouteText(text)
        expect(result.route === undefined || result.problems.every((p) => p.severity !== 'error')).toBe(true)
        expect(result.route !== undefined || result.problems.length > 0).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on any JSON value, and names a line for every problem', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = validateRouteText(toText(value))
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1)
          expect(problem.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('never throws when any field of a valid route is replaced by any JSON value', () => {
    const route = createTestRoute({ stops: 2 }) as unknown as Record<string, unknown>
    const keys = Object.keys(route)
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 4 }), (key, value) => {
        const result = validateRouteText(toText({ ...route, [key]: value }))
        expect(Array.isArray(result.problems)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses deep nesting with a message instead of overflowing the stack', () => {
    const depth = 100_000
    const result = validateRouteText('['.repeat(depth) + ']'.repeat(depth))
    expect(result.problems).toEqual([
      {
        severity: 'error',
        pointer: '',
        line: 1,
        col: 65,
        message: 'values are nested more than 64 levels deep',
      },
    ])
  })

  it('does not count brackets inside strings as nesting', () => {
    const route = createTestRoute({ stops: 1 })
    route.stops[0]!.story = { 'zh-Hans': '['.repeat(500), en: '{'.repeat(500) }
    expect(validateRouteText(toText(route)).route).toBeDefined()
  })

  it('skips escaped quotes and backslashes when it counts nesting and keys', () => {
    const route = createTestRoute({ stops: 1 })
    route.stops[0]!.story = {
      'zh-Hans': 'C:\\ ends in a backslash\\',
      en: '"' + '{['.repeat(50) + ' \\" :',
    }
    expect(validateRouteText(toText(route)).problems).toEqual([])
  })

  it('handles huge arrays and strings with a located message', () => {
    const route = createTestRoute({ stops: 1 }) as unknown as Record<string, unknown>
    const many = validateRouteText(toText({ ...route, course: Array.from({ length: 40_000 }, () => 'x') }))
    expect(many.problems[0]).toMatchObject({
      pointer: '/course/0',
      message: 'expected a [longitude, latitude] pair of numbers, e.g. [113.3, 23.1], found the string "x"',
    })
    expect(many.problems).toHaveLength(200)
    const tooMany = validateRouteText(
      toText({ ...route, course: Array.from({ length: 200_000 }, () => 'x') }),
    )
    expect(tooMany.problems).toEqual([
      expect.objectContaining({ pointer: '/course', message: 'more than 50000 items: split the route' }),
    ])
    expect(validateRouteText('"' + 'a'.repeat(50_000_001) + '"').problems[0]?.message).toContain('too large')
  })

  it('rejects __proto__ and constructor keys as unknown keys without polluting prototypes', () => {
    const text = toText(createTestRoute({ stops: 1 })).replace(
      '"schemaVersion": 2,',
      '"schemaVersion": 2,\n  "__proto__": { "polluted": true },\n  "constructor": { "prototype": { "polluted": true } },',
    )
    const result = validateRouteText(text)
    expect(result.route).toBeUndefined()
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
    expect(result.problems.map((p) => [p.pointer, p.line])).toEqual([
      ['/__proto__', lineOf('"__proto__"')],
      ['/constructor', lineOf('"constructor"')],
    ])
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it.each(['NaN', 'Infinity', '-Infinity'])('says that %s is not a JSON number', (token) => {
    const text = toText(createTestRoute({ stops: 1 })).replace('"zoom": 15', `"zoom": ${token}`)
    const line = text.split('\n').findIndex((l) => l.includes(token)) + 1
    expect(validateRouteText(text).problems[0]).toMatchObject({
      line,
      message: `invalid JSON: ${token} is not a JSON number: write a finite number`,
    })
  })

  it('reports a duplicate key written with an escape, which JSON.parse would merge silently', () => {
    const text = toText(createTestRoute({ stops: 1 })).replace(
      '"zoom": 15,',
      '"zoom": 15,\n      "\\u007aoom": 16,',
    )
    const line = text.split('\n').findIndex((l) => l.includes('u007aoom')) + 1
    expect(validateRouteText(text).problems).toEqual([
      expect.objectContaining({
        pointer: '/stops/0/zoom',
        line,
        message: expect.stringContaining('duplicate key "zoom"') as string,
      }),
    ])
  })

  it('reports a duplicate key at its second occurrence', () => {
    const text = toText(createTestRoute({ stops: 1 })).replace(
      '"zoom": 15,',
      '"zoom": 15,\n      "zoom": 16,',
    )
    const line = text.split('\n').findIndex((l) => l.includes('"zoom": 16')) + 1
    expect(validateRouteText(text).problems).toEqual([
      {
        severity: 'error',
        pointer: '/stops/0/zoom',
        line,
        col: 7,
        message: 'duplicate key "zoom": only one may stay, remove the other',
      },
    ])
  })
})
