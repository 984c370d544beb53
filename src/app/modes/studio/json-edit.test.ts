import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import {
  applySequentially,
  editsBetween,
  insertJsonItem,
  removeJsonValue,
  setJsonValue,
  type JsonPath,
} from './json-edit'
import { printJsonText } from './json-print'

const ROUTE = readFileSync('routes-data/pearl-river-night/route.json', 'utf8')
const STOP_ORDER = [
  'id',
  'title',
  'summary',
  'story',
  'position',
  'zoom',
  'trigger',
  'model',
  'views',
  'narration',
]
const order = (path: JsonPath) => (path[0] === 'stops' && path.length === 2 ? STOP_ORDER : [])

const TEXT = `{
  "stops": [
    {
      "id": "a",
      "position": [113.2338, 23.103],
      "trigger": { "type": "radius", "radius": 300 },
      "model": {
        "src": "x"
      }
    }
  ],
  "course": [
    [1, 2],
    [3, 4],
    [5, 6]
  ]
}
`

/** The lines of `after` that are not in `before` and the other way round, as a small line diff. */
function changedLines(before: string, after: string) {
  const a = before.split('\n')
  const b = after.split('\n')
  let start = 0
  while (start < a.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) }
}

const set = (text: string, path: JsonPath, value: unknown) =>
  applySequentially(text, setJsonValue(text, path, value, order))

describe('setJsonValue', () => {
  it('changes only the line of the value it sets', () => {
    expect(changedLines(TEXT, set(TEXT, ['stops', 0, 'position'], [113.25, 23.11]))).toEqual({
      removed: ['      "position": [113.2338, 23.103],'],
      added: ['      "position": [113.25, 23.11],'],
    })
  })

  it('puts a new key where the schema lists it, on a line of its own', () => {
    expect(changedLines(TEXT, set(TEXT, ['stops', 0, 'zoom'], 15))).toEqual({
      removed: [],
      added: ['      "zoom": 15,'],
    })
  })

  it('adds a key to an inline object inline, and to a spread object on a new line', () => {
    expect(set(TEXT, ['stops', 0, 'trigger', 'note'], 'x')).toContain(
      '"trigger": { "type": "radius", "radius": 300, "note": "x" },',
    )
    expect(changedLines(TEXT, set(TEXT, ['stops', 0, 'model', 'scale'], 2))).toEqual({
      removed: ['        "src": "x"'],
      added: ['        "src": "x",', '        "scale": 2'],
    })
  })

  it('creates missing parents and prints new objects as Prettier would', () => {
    const view = { id: 'front', label: { en: 'Front' }, position: [0, 18, 120], target: [0, 28, 30] }
    const after = set(TEXT, ['stops', 0, 'views', 0], view)
    expect(after).toBe(printJsonText(after))
    expect((JSON.parse(after) as { stops: { views: unknown }[] }).stops[0]!.views).toEqual([view])
    // The line before gains its comma; nothing else changes.
    expect(changedLines(TEXT, after).removed).toEqual(['      }'])
    expect(changedLines(TEXT, after).added[0]).toBe('      },')
  })

  it('keeps the default route Prettier-clean through an edit deep inside it', () => {
    const after = set(ROUTE, ['stops', 3, 'title', 'en'], 'A new title')
    expect(after).toBe(printJsonText(after))
    expect(changedLines(ROUTE, after).added).toEqual(['        "en": "A new title",'])
  })

  it('does nothing where the text has another shape', () => {
    expect(setJsonValue(TEXT, ['stops', 'x'], 1)).toEqual([])
    expect(setJsonValue('{"a": ', ['a'], 1)).toEqual([])
  })
})

describe('insertJsonItem', () => {
  it('inserts an item on its own line between its siblings', () => {
    const after = applySequentially(TEXT, insertJsonItem(TEXT, ['course'], 1, [2, 3]))
    expect(changedLines(TEXT, after)).toEqual({ removed: [], added: ['    [2, 3],'] })
    const first = applySequentially(TEXT, insertJsonItem(TEXT, ['course'], 0, [0, 1]))
    expect((JSON.parse(first) as { course: unknown }).course).toEqual([
      [0, 1],
      [1, 2],
      [3, 4],
      [5, 6],
    ])
    expect(first).toBe(printJsonText(first))
  })
})

describe('removeJsonValue', () => {
  it.each<[JsonPath, string[]]>([
    [
      ['course', 2],
      ['    [3, 4],', '    [5, 6]'],
    ],
    [['course', 1], ['    [3, 4],']],
    [['course', 0], ['    [1, 2],']],
    [['stops', 0, 'id'], ['      "id": "a",']],
  ])('removes %j and only its line', (path, removed) => {
    const after = applySequentially(TEXT, removeJsonValue(TEXT, path))
    const diff = changedLines(TEXT, after)
    expect(diff.removed).toEqual(removed)
    expect(diff.added.length).toBe(removed.length - 1)
    expect(after).toBe(printJsonText(after))
  })

  it('leaves an empty object as {} when its only key goes', () => {
    const after = applySequentially(TEXT, removeJsonValue(TEXT, ['stops', 0, 'model', 'src']))
    expect(after).toContain('"model": {}')
  })
})

describe('editsBetween', () => {
  it('turns one value into another with edits that touch only what changed', () => {
    const before = JSON.parse(TEXT) as { stops: Record<string, unknown>[] }
    const stop: Record<string, unknown> = { ...before.stops[0]!, zoom: 15 }
    delete stop.trigger
    const after = { ...before, stops: [stop] }
    const text = applySequentially(TEXT, editsBetween(TEXT, before, after, order))
    expect(JSON.parse(text)).toEqual(after)
    expect(changedLines(TEXT, text)).toEqual({
      removed: ['      "trigger": { "type": "radius", "radius": 300 },'],
      added: ['      "zoom": 15,'],
    })
  })
})
