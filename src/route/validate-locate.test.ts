import fc from 'fast-check'
import { parseTree } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'

import { offsetOfPath } from './json-positions'
import { locatePaths, type JsonPath } from './validate-locate'

/** Every path inside a JSON value, with a path that does not exist under each. */
function pathsOf(value: unknown, path: (string | number)[] = []): JsonPath[] {
  const here: JsonPath[] = [path, [...path, 'absent'], [...path, 7]]
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...path, i]))]
  if (typeof value === 'object' && value !== null)
    return [...here, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...path, key]))]
  return here
}

describe('locatePaths', () => {
  it('finds values, keys and nearest parents where the jsonc-parser tree does, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        const root = parseTree(text)
        const targets = pathsOf(JSON.parse(text)).flatMap((path) => [{ path }, { path, atKey: true }])
        const expected = targets.map(({ path, atKey }) => offsetOfPath(root, path, atKey))
        expect(locatePaths(text, targets)).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('reads keys written with escapes, and skips brackets and quotes inside strings', () => {
    const text = '{ "a\\"[": "}{\\\\", "\\u0062": [ 1 , "]" , { "c": null } ] }'
    expect(
      locatePaths(text, [{ path: ['b', 2, 'c'] }, { path: ['b'], atKey: true }, { path: ['a"['] }]),
    ).toEqual([text.indexOf('null'), text.indexOf('"\\u0062"'), text.indexOf('"}{')])
  })
})
