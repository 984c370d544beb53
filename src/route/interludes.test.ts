import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import type { Stop } from './schema'
import { validateRouteText } from './validate'

const toText = (route: unknown) => JSON.stringify(route, null, 2) + '\n'

/** The test route with its second stop made an interlude (no model). */
function withInterlude(change: (stop: Stop) => void = () => {}) {
  const route = createTestRoute()
  const { model: _model, ...rest } = route.stops[1]!
  const interlude: Stop = { ...rest, kind: 'interlude' }
  change(interlude)
  route.stops[1] = interlude
  return route
}

describe('interludes', () => {
  it('accepts a story with no model marked "interlude"', () => {
    const { route, problems } = validateRouteText(toText(withInterlude()))
    expect(problems).toEqual([])
    expect(route?.stops[1]).toMatchObject({ id: 'stop-2', kind: 'interlude' })
    expect(route?.stops[1]?.model).toBeUndefined()
  })

  it('asks a site without a model for one, or to be marked an interlude', () => {
    const route = createTestRoute()
    delete (route.stops[2] as Partial<Stop>).model
    expect(validateRouteText(toText(route)).problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: '/stops/2/id',
        message:
          'stop "stop-3" has no "model": add its 3D model, or mark a story with nothing to model "kind": "interlude"',
      }),
    ])
  })

  it('refuses a model, views or a camera cue in an interlude, at each field', () => {
    const route = withInterlude((stop) => {
      stop.model = { src: 'models/x.glb', alt: { 'zh-Hans': '模型', en: 'A model' } }
      stop.views = [
        { id: 'front', label: { 'zh-Hans': '正面', en: 'Front' }, position: [0, 1, 2], target: [0, 0, 0] },
      ]
      stop.narration.en!.cues = [{ type: 'camera-view', at: 1, view: 'front' }]
    })
    const errors = validateRouteText(toText(route)).problems.filter((p) => p.severity === 'error')
    expect(errors.map((p) => [p.pointer, p.message])).toEqual([
      [
        '/stops/1/model',
        'interlude "stop-2" has a "model": an interlude has no 3D view; remove "model", or make it a site ("kind": "site")',
      ],
      [
        '/stops/1/views',
        'interlude "stop-2" has a "views": an interlude has no 3D view; remove "views", or make it a site ("kind": "site")',
      ],
      [
        '/stops/1/narration/en/cues/0/type',
        'a "camera-view" cue in interlude "stop-2", which has no 3D view: use "fly-map", "highlight-map-feature" or "show-image"',
      ],
    ])
  })

  it('checks an interlude like a stop: unique id, position in bounds, text in the default language', () => {
    const route = withInterlude((stop) => {
      stop.id = 'stop-1'
      stop.position = [113.5, 23.1]
      stop.story = { en: 'Only English.' }
    })
    const messages = validateRouteText(toText(route)).problems.map((p) => `${p.pointer} ${p.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/stops/1/id duplicate stop id "stop-1"'),
        expect.stringContaining('/stops/1/position'),
        expect.stringContaining('/stops/1/story missing text in the default language "zh-Hans"'),
      ]),
    )
  })
})

describe('dated sources', () => {
  it('warns, naming the source, when a source has no date read; the route still loads', () => {
    const route = createTestRoute()
    delete route.stops[0]!.sources[0]!.accessed
    const result = validateRouteText(toText(route))
    expect(result.route).toBeDefined()
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '/stops/0/sources/0',
        message:
          'source "Test source" has no "accessed" date: add the date you read it, e.g. "accessed": "2026-12-07"',
      }),
    ])
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    const route = createTestRoute()
    route.stops[0]!.sources[0]!.accessed = '7 Dec 2026'
    expect(validateRouteText(toText(route)).problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: '/stops/0/sources/0/accessed',
        message: 'must be a date as YYYY-MM-DD, e.g. "2026-12-07"',
      }),
    ])
  })
})

describe('the route introduction', () => {
  const introduction = {
    text: { 'zh-Hans': '夜游。', en: 'A night cruise.' },
    directions: { 'zh-Hans': '往返。', en: 'Out and back.' },
    piers: [
      {
        id: 'west',
        name: { 'zh-Hans': '西码头', en: 'West pier' },
        position: [113.22, 23.1] as [number, number],
      },
      {
        id: 'east',
        name: { 'zh-Hans': '东码头', en: 'East pier' },
        position: [113.38, 23.1] as [number, number],
      },
    ],
  }

  it('accepts piers with names and positions', () => {
    expect(validateRouteText(toText({ ...createTestRoute(), introduction })).problems).toEqual([])
  })

  it('refuses a duplicate pier id and a pier outside the bounds, and warns of a missing language', () => {
    const piers = [
      introduction.piers[0]!,
      { ...introduction.piers[1]!, id: 'west', position: [113.5, 23.1] as [number, number] },
    ]
    const text = { 'zh-Hans': '夜游。' }
    const problems = validateRouteText(
      toText({ ...createTestRoute(), introduction: { ...introduction, text, piers } }),
    ).problems.map((p) => `${p.severity} ${p.pointer} ${p.message}`)
    expect(problems).toEqual([
      'warning /introduction/text no English ("en") text: visitors will see the default language',
      'error /introduction/piers/1/id duplicate pier id "west" (also used by /introduction/piers/0)',
      expect.stringMatching(
        /^error \/introduction\/piers\/1\/position pier "west" is outside the route's bounds/,
      ),
    ])
  })
})
