import { describe, expect, it } from 'vitest'

import { createTestRoute, createTestStop } from '../../tests/helpers/create-test-route'

import type { CameraView, Hotspot } from './schema'
import { validateRouteText } from './validate'

const toText = (route: unknown) => JSON.stringify(route, null, 2) + '\n'

/** 1-based line of the nth occurrence of `needle`: where a curator would look. */
function lineOf(text: string, needle: string, nth = 1): number {
  let at = -1
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1)
  return text.slice(0, at).split('\n').length
}

function errorsOf(text: string, assetExists?: (p: string) => boolean) {
  const result = validateRouteText(text, assetExists ? { assetExists } : {})
  return result.problems.filter((p) => p.severity === 'error')
}

describe('validateRouteText', () => {
  it('accepts a valid route and returns it typed', () => {
    const result = validateRouteText(toText(createTestRoute()))
    expect(result.problems).toEqual([])
    expect(result.route?.stops.map((s) => s.id)).toEqual(['stop-1', 'stop-2', 'stop-3'])
  })

  it('validates a 5,000-stop route to a Route with every stop', () => {
    const route = createTestRoute()
    // Test stops step east by 0.01°; these all stand inside the bounds.
    route.stops = Array.from({ length: 5000 }, (_, i) => ({ ...createTestStop(i), position: [113.3, 23.1] }))
    const result = validateRouteText(toText(route))
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
    // All on one spot, their triggers overlap: one warning a stop after the first, not one a pair.
    expect(result.problems).toHaveLength(4999)
    expect(result.problems.every((p) => p.message.startsWith('overlaps the trigger of "stop-1"'))).toBe(true)
    expect(result.route?.stops).toHaveLength(5000)
    expect(result.route?.stops[4999]?.id).toBe('stop-5000')
  })

  it('locates a JSON syntax error at its line and column', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "x"\n  "stops": []\n}\n'
    const [problem] = errorsOf(text)
    expect(problem).toMatchObject({
      line: 4,
      col: 3,
      message: 'invalid JSON: a comma is missing between two values',
    })
  })

  it('rejects an unknown key with a "did you mean" at the key', () => {
    const route = createTestRoute()
    const { title, ...rest } = route.stops[1]!
    ;(route as { stops: unknown[] }).stops[1] = { ...rest, titel: title }
    const text = toText(route)
    const problems = errorsOf(text)
    expect(problems).toContainEqual(
      expect.objectContaining({
        pointer: '/stops/1/titel',
        line: lineOf(text, '"titel"'),
        col: 7,
        message: 'unknown key "titel": did you mean "title"?',
      }),
    )
    expect(problems).toContainEqual(
      expect.objectContaining({
        pointer: '/stops/1/title',
        message:
          'missing required key "title" (expected a text for each language, e.g. {"zh-Hans": "…", "en": "…"})',
      }),
    )
  })

  it('rejects an unsupported schemaVersion', () => {
    const text = toText({ ...createTestRoute(), schemaVersion: 7 })
    expect(errorsOf(text)[0]).toMatchObject({
      pointer: '/schemaVersion',
      line: lineOf(text, '"schemaVersion"'),
      message: 'schemaVersion 7 is newer than this app reads (2): update the app',
    })
  })

  it('rejects duplicate stop ids and names the first use', () => {
    const route = createTestRoute()
    route.stops[2]!.id = 'stop-1'
    const text = toText(route)
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        pointer: '/stops/2/id',
        line: lineOf(text, '"id": "stop-1"', 2),
        message: 'duplicate stop id "stop-1" (also used by /stops/0)',
      }),
    ])
  })

  it('rejects a longitude out of range at the exact number', () => {
    const route = createTestRoute()
    route.stops[0]!.position = [213.22, 23.1]
    const text = toText(route)
    expect(errorsOf(text)[0]).toMatchObject({
      pointer: '/stops/0/position/0',
      line: lineOf(text, '213.22'),
      message: 'longitude must be ≤ 180',
    })
  })

  it('explains a limit without a message of its own in English, at the value', () => {
    const route = createTestRoute()
    route.kiosk = { idleSeconds: 5 }
    const text = toText(route)
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        pointer: '/kiosk/idleSeconds',
        line: lineOf(text, '"idleSeconds"'),
        message: 'Too small: expected number to be >=10',
      }),
    ])
  })

  it('rejects a stop outside the bounds, saying how to bring it in', () => {
    const route = createTestRoute()
    route.stops[1]!.position = [113.61, 23.1]
    const text = toText(route)
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        pointer: '/stops/1/position',
        line: lineOf(text, '113.61') - 1,
        message:
          'stop "stop-2" is outside the route\'s bounds [[113.2, 23.05], [113.4, 23.15]]: move it inside them, or widen "bounds"',
      }),
    ])
  })

  it('requires the default language in every localised text', () => {
    const route = createTestRoute()
    route.stops[0]!.story = { en: 'Only English.' }
    const text = toText(route)
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        pointer: '/stops/0/story',
        line: lineOf(text, '"story"'),
        message: 'missing text in the default language "zh-Hans": add a "zh-Hans" entry',
      }),
    ])
  })

  it('warns, without failing, when a route language is missing', () => {
    const route = createTestRoute()
    route.stops[0]!.summary = { 'zh-Hans': '只有中文。' }
    const result = validateRouteText(toText(route))
    expect(result.route).toBeDefined()
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/stops/0/summary' }),
    ])
  })

  it('rejects an unknown language tag with the valid ones', () => {
    const route = createTestRoute() as unknown as { title: Record<string, string> }
    route.title.fr = 'Itinéraire'
    const text = toText(route)
    expect(errorsOf(text)[0]).toMatchObject({
      pointer: '/title/fr',
      line: lineOf(text, '"fr"'),
      message: expect.stringContaining('unknown key "fr"') as string,
    })
  })

  it('reports a missing asset file by its path', () => {
    const text = toText(createTestRoute({ stops: 1 }))
    const problems = errorsOf(text, (p) => p !== 'models/stop-1.glb')
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: '/stops/0/model/src',
        line: lineOf(text, '"models/stop-1.glb"'),
        message: 'file not found: "models/stop-1.glb" (paths are relative to the folder of route.json)',
      }),
    ])
  })

  it.each([
    ['../secret.glb', 'must stay inside the route folder (no "..")'],
    ['/models/a.glb', 'must be relative to the route folder (no leading "/")'],
    ['https://example.org/a.glb', 'must be a path inside the route folder, not a URL'],
    ['javascript:alert(1)', 'must be a path inside the route folder, not a URL'],
  ])('refuses the asset path %s', (src, reason) => {
    const route = createTestRoute({ stops: 1 })
    route.stops[0]!.model!.src = src
    expect(errorsOf(toText(route))[0]).toMatchObject({
      pointer: '/stops/0/model/src',
      message: `asset path ${reason}`,
    })
  })

  it('accepts model placement, camera views and hotspots', () => {
    const route = createTestRoute({ stops: 1 })
    const label = { 'zh-Hans': '正面', en: 'Front' }
    Object.assign(route.stops[0]!.model!, { scale: 2, rotation: [0, 90, 0], anchor: [1, 0, -2] })
    route.stops[0]!.views = [{ id: 'front', label, position: [0, 10, 50], target: [0, 5, 0] }]
    route.stops[0]!.hotspots = [{ id: 'door', label, text: label, position: [0, 2, 5] }]
    expect(validateRouteText(toText(route)).problems).toEqual([])
  })

  it('rejects duplicate view and hotspot ids within a stop, naming the first use', () => {
    const route = createTestRoute({ stops: 2 })
    const label = { 'zh-Hans': '正面', en: 'Front' }
    const view: CameraView = { id: 'front', label, position: [0, 10, 50], target: [0, 5, 0] }
    const hotspot: Hotspot = { id: 'door', label, text: label, position: [0, 2, 5] }
    route.stops[1]!.views = [view, { ...view, id: 'side' }, view]
    route.stops[1]!.hotspots = [hotspot, hotspot]
    // The same ids in another stop are fine: ids are unique within a stop.
    route.stops[0]!.views = [view]
    const text = toText(route)
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        pointer: '/stops/1/views/2/id',
        message: 'duplicate view id "front" in stop "stop-2" (also used by /stops/1/views/0)',
      }),
      expect.objectContaining({
        pointer: '/stops/1/hotspots/1/id',
        message: 'duplicate hotspot id "door" in stop "stop-2" (also used by /stops/1/hotspots/0)',
      }),
    ])
  })

  it('rejects a model scale that is not positive and a view id that is not kebab-case', () => {
    const route = createTestRoute({ stops: 1 })
    route.stops[0]!.model!.scale = 0
    route.stops[0]!.views = [
      { id: 'Front View', label: { 'zh-Hans': '正面' }, position: [0, 1, 2], target: [0, 0, 0] },
    ]
    const problems = errorsOf(toText(route))
    expect(problems).toContainEqual(
      expect.objectContaining({ pointer: '/stops/0/model/scale', message: 'scale must be greater than 0' }),
    )
    expect(problems).toContainEqual(
      expect.objectContaining({
        pointer: '/stops/0/views/0/id',
        message: expect.stringContaining('kebab-case') as string,
      }),
    )
  })

  it('rejects ids that are not kebab-case', () => {
    const route = createTestRoute({ stops: 1 })
    route.stops[0]!.id = 'Haizhu Bridge'
    expect(errorsOf(toText(route))[0]).toMatchObject({
      pointer: '/stops/0/id',
      message: expect.stringContaining('kebab-case') as string,
    })
  })
})
