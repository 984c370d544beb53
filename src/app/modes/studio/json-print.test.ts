import { readFileSync } from 'node:fs'

import fc from 'fast-check'
import { format } from 'prettier'
import { describe, expect, it } from 'vitest'

import { printJsonText, printJsonValue, printNumber } from './json-print'

const prettier = (text: string) => format(text, { parser: 'json', printWidth: 110 })

/** JSON values like a route's: short and long strings (some Chinese), numbers, nesting. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('珠江夜游', '以水读城 · 珠江夜遊，從白鵝潭到琶洲塔', 'x'.repeat(90), 'Haizhu Bridge'),
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.integer({ min: -400, max: 400 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), tie('value'), { maxKeys: 6 }),
  ),
})).value

/** JSON text where each object and array is spread over lines or not, as `spread()` says, with stray blank lines. */
function serialise(value: unknown, spread: () => boolean, pad = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = pad + '  '
  const entries = Array.isArray(value)
    ? value.map((v) => serialise(v, spread, inner))
    : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${serialise(v, spread, inner)}`)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (entries.length === 0 || !spread()) return open + entries.join(', ') + close
  const separator = () => (spread() && spread() ? ',\n\n' : ',\n') + inner
  return `${open}\n${inner}${entries.reduce((all, entry) => all + separator() + entry)}\n${pad}${close}`
}

describe('printJsonText', () => {
  it('leaves the default route exactly as committed (Prettier-formatted)', () => {
    const text = readFileSync('routes-data/pearl-river-night/route.json', 'utf8')
    expect(printJsonText(text)).toBe(text)
  })

  it('prints any JSON, compact or spread, exactly as Prettier does', async () => {
    await fc.assert(
      fc.asyncProperty(jsonValue, fc.constantFrom(0, 2, 4), async (value, spaces) => {
        const text = JSON.stringify(value, null, spaces)
        expect(printJsonText(text)).toBe(await prettier(text))
      }),
      { numRuns: 300 },
    )
  })

  it('prints JSON laid out in any mix of ways exactly as Prettier does', async () => {
    await fc.assert(
      fc.asyncProperty(jsonValue, fc.infiniteStream(fc.boolean()), async (value, coins) => {
        const text = serialise(value, () => coins.next().value as boolean)
        expect(printJsonText(text)).toBe(await prettier(text))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps blank lines, inline objects and odd number forms as Prettier does', async () => {
    const text =
      '{"a": {"b": 1.50, "c": 1E+05},\n\n  "d": [1,\n\n 2, 3], "e": [\n{"x": 1, "y": 2}, {"x": 3, "y": 4}],' +
      ` "f": [${Array.from({ length: 60 }, (_, i) => i * 1.25).join(', ')}]}`
    expect(printJsonText(text)).toBe(await prettier(text))
  })

  it('refuses text that is not JSON', () => {
    expect(printJsonText('{"a": 1,}')).toBeNull()
  })
})

describe('printJsonValue', () => {
  it('writes an inserted value on one line when it fits after its key, like Prettier', () => {
    expect(printJsonValue({ type: 'radius', radius: 300 }, 17, 3, ',')).toBe(
      '{ "type": "radius", "radius": 300 }',
    )
    expect(printJsonValue([113.25, 23.11], 18, 3, ',')).toBe('[113.25, 23.11]')
  })

  it('spreads a value that does not fit, indented from its line', () => {
    const printed = printJsonValue({ en: 'x'.repeat(100) }, 14, 3)
    expect(printed).toBe(`{\n        "en": "${'x'.repeat(100)}"\n      }`)
  })
})

describe('printNumber', () => {
  it('normalises number literals as Prettier does', () => {
    expect(['1.50', '1E+05', '.5', '2.', '1.0e-03'].map(printNumber)).toEqual([
      '1.5',
      '1e5',
      '0.5',
      '2',
      '1.0e-3',
    ])
  })
})
