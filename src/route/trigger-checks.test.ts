import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { at, routeWithStops } from '../../tests/helpers/simulated-track'

import { captionProblems, narrationSecondsFrom, triggerProblems } from './trigger-checks'
import { validateRouteText } from './validate'

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nOne.\n\n00:00:04.000 --> 00:01:02.500\nTwo.\n'

describe('triggerProblems', () => {
  it('says when the course never comes within a radius, and how close it comes', () => {
    const route = routeWithStops([{ along: 2000, off: 511, trigger: { type: 'radius', radius: 300 } }])
    const [problem] = triggerProblems(route)
    expect(problem).toMatchObject({ severity: 'warning', path: ['stops', 0, 'trigger', 'radius'] })
    expect(problem!.message).toContain('never comes within 300 m of stop "stop-1" (closest: 511 m)')
  })

  it('says when a segment end is far from the course', () => {
    const route = routeWithStops([
      { along: 2000, trigger: { type: 'segment', from: at(1800, 450), to: at(2200) } },
    ])
    const problems = triggerProblems(route)
    expect(problems.map((p) => p.path)).toEqual([['stops', 0, 'trigger', 'from']])
    expect(problems[0]!.message).toContain('"from" is 450 m from the course')
  })

  it('warns of overlapping triggers, on the later one, with where they overlap', () => {
    const route = routeWithStops([
      { along: 1000, trigger: { type: 'radius', radius: 200 } },
      { along: 1300, trigger: { type: 'radius', radius: 200 } },
      { along: 3000, trigger: { type: 'radius', radius: 200 } },
    ])
    const problems = triggerProblems(route)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.path).toEqual(['stops', 1, 'trigger'])
    expect(problems[0]!.message).toMatch(
      /overlaps the trigger of "stop-1" from 1100 m to 1200 m along the course/,
    )
  })

  it('warns of a narration longer than the travel to the next trigger, with the figures', () => {
    // 3 m/s (the default cruise): the 120 s story would need 360 m, so it starts as the boat enters the trigger
    // (850 m); the next trigger starts at 1150 m, 100 s away.
    const route = routeWithStops([
      { along: 1000, trigger: { type: 'radius', radius: 150 } },
      { along: 1300, trigger: { type: 'segment', from: at(1150), to: at(1400) } },
    ])
    const lengths: Record<string, number> = { 'stop-1': 120, 'stop-2': 30 }
    const problems = triggerProblems(route, (stopId, lang) => (lang === 'en' ? lengths[stopId] : undefined))
    expect(problems).toEqual([
      {
        severity: 'warning',
        path: ['stops', 0, 'narration', 'en'],
        message:
          "the en narration (120 s) is longer than the boat's 100 s at 10.8 km/h from where it starts (850 m along " +
          'the course) to the next trigger ("stop-2", 1150 m): that story will start late; shorten one, or move a trigger',
      },
    ])
    lengths['stop-1'] = 99
    expect(triggerProblems(route, (stopId) => lengths[stopId])).toEqual([])
  })

  it('is content with stories that fit, at the route’s own cruise speed', () => {
    const route = {
      ...routeWithStops([
        { along: 1000, trigger: { type: 'radius', radius: 200 } },
        { along: 2000, trigger: { type: 'radius', radius: 200 } },
      ]),
      cruise: { speedKmh: 12 },
    }
    expect(triggerProblems(route, () => 60)).toEqual([])
  })

  it('reaches the validator’s findings, except when only errors are asked for (the app loading a route)', () => {
    const route = routeWithStops([{ along: 2000, off: 511, trigger: { type: 'radius', radius: 300 } }])
    const text = JSON.stringify(route)
    const all = validateRouteText(text)
    expect(all.problems.map((p) => p.message).join('\n')).toContain('never comes within 300 m')
    const errorsOnly = validateRouteText(text, { errorsOnly: true })
    expect(errorsOnly.route?.stops).toHaveLength(1)
    expect(errorsOnly.problems.filter((p) => p.message.includes('never comes within'))).toEqual([])
  })

  it('finds the default route’s triggers all reachable and none overlapping', () => {
    const { route } = validateRouteText(readFileSync('routes-data/pearl-river-night/route.json', 'utf8'))
    expect(triggerProblems(route!)).toEqual([])
  })
})

describe('captionProblems', () => {
  const route = routeWithStops([{ along: 1000, trigger: { type: 'radius', radius: 200 } }])
  const media = (captions: string, seconds: Record<string, number>) => ({
    captionsText: (path: string) => (path.endsWith('.vtt') ? captions : undefined),
    audioSeconds: (path: string) => seconds[path],
  })

  it('accepts captions that end within the audio', () => {
    expect(
      captionProblems(route, media(VTT, { 'audio/stop-1.en.webm': 62.6, 'audio/stop-1.zh-Hans.webm': 63 })),
    ).toEqual([])
  })

  it('reports captions that run past the end of the audio, with both times', () => {
    const problems = captionProblems(route, media(VTT, { 'audio/stop-1.en.webm': 58.2 }))
    expect(problems).toEqual([
      {
        severity: 'error',
        path: ['stops', 0, 'narration', 'en', 'audio', 0],
        message:
          'the captions ("audio/stop-1.en.vtt") run to 62.5 s but "audio/stop-1.en.webm" lasts 58.2 s: ' +
          're-time the captions or re-export the audio',
      },
    ])
  })

  it('reports captions that do not parse, with the line', () => {
    const problems = captionProblems(route, media('WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nBroken.\n', {}))
    expect(problems.map((p) => [p.severity, p.path.join('/')])).toEqual([
      ['error', 'stops/0/narration/zh-Hans/captions'],
      ['error', 'stops/0/narration/en/captions'],
    ])
    expect(problems[0]!.message).toContain('"audio/stop-1.zh-Hans.vtt" does not parse as WebVTT: line 3')
  })
})

describe('narrationSecondsFrom', () => {
  it('takes the length of a narration from its first audio file', () => {
    const route = routeWithStops([{ along: 1000, trigger: { type: 'radius', radius: 200 } }])
    const seconds = narrationSecondsFrom(route, {
      captionsText: () => undefined,
      audioSeconds: (path) => (path === 'audio/stop-1.en.webm' ? 61.5 : undefined),
    })
    expect(seconds('stop-1', 'en')).toBe(61.5)
    expect(seconds('stop-1', 'yue')).toBeUndefined()
  })
})
