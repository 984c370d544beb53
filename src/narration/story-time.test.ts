import { readdirSync, readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { parseVtt, type Cue } from '@/lib/parse-vtt'
import { lastStartedCue, mapStoryTime, placeToGoOnFrom, type LoadedNarration } from './story-time'

const cue = (start: number, end: number): Cue => ({ start, end, text: `${start}` })

/** A story of three captions lasting 30 s, and its reading in another language: 20 s, in four. */
const ZH = [cue(0, 8), cue(10, 18), cue(20, 30)]
const YUE = [cue(0, 6), cue(7, 15), cue(16, 24)]
const EN = [cue(0, 5), cue(5, 10), cue(10, 15), cue(15, 20)]

describe('lastStartedCue', () => {
  it.each([
    [-1, -1],
    [0, 0],
    [9, 0], // between captions: the one before
    [9.96, 1], // a seek to 10 s reported as 9.96 s
    [25, 2],
    [99, 2],
  ])('at %s s it is caption %s', (time, index) => {
    expect(lastStartedCue(ZH, time)).toBe(index)
  })
})

describe('mapStoryTime', () => {
  it('starts the caption with the same index when both languages have as many', () => {
    expect(mapStoryTime(12, ZH, YUE)).toBe(7)
    expect(mapStoryTime(9, ZH, YUE)).toBe(0)
    expect(mapStoryTime(29.9, ZH, YUE)).toBe(16)
  })

  it('maps proportionally, backed up to the start of the caption there, when the counts differ', () => {
    // 12 s of 30 → 8 s of 20, inside the caption from 5 s.
    expect(mapStoryTime(12, ZH, EN)).toBe(5)
    // 4 s of 20 → 6 s of 30: between captions, so the one started before.
    expect(mapStoryTime(4, EN, ZH)).toBe(0)
    expect(mapStoryTime(19, EN, ZH)).toBe(20)
  })

  it('never starts past the start of the last caption, and starts at 0 with nothing to go by', () => {
    expect(mapStoryTime(500, ZH, EN)).toBe(15)
    expect(mapStoryTime(500, ZH, YUE)).toBe(16)
    expect(mapStoryTime(0, ZH, EN)).toBe(0)
    expect(mapStoryTime(12, [], EN)).toBe(0)
    expect(mapStoryTime(12, ZH, [])).toBe(0)
  })

  describe('on the default route', () => {
    const dir = 'routes-data/pearl-river-night/audio'
    const cuesOf = (stopId: string, lang: string) =>
      parseVtt(readFileSync(`${dir}/${stopId}.${lang}.vtt`, 'utf8'))
    const stops = [
      ...new Set(readdirSync(dir).flatMap((file) => (file.endsWith('.vtt') ? [file.split('.')[0]!] : []))),
    ]
    const pairs = ['zh-Hans', 'yue', 'en'].flatMap((a) =>
      ['zh-Hans', 'yue', 'en'].filter((b) => b !== a).map((b) => [a, b] as const),
    )

    it('goes on in the new language from a caption start, never later in the story than it was', () => {
      expect(stops.length).toBeGreaterThanOrEqual(12)
      for (const stopId of stops)
        for (const [a, b] of pairs) {
          const from = cuesOf(stopId, a)
          const to = cuesOf(stopId, b)
          const starts = to.map((c) => c.start)
          for (const c of from) {
            const time = (c.start + c.end) / 2
            const mapped = mapStoryTime(time, from, to)
            expect(starts).toContain(mapped)
            if (from.length === to.length) {
              // The same sentences in both: the start of the same caption.
              expect(mapped).toBe(to[from.indexOf(c)]!.start)
            } else {
              // Backed up to a caption start: at most the fraction of the story heard so far.
              expect(mapped / to.at(-1)!.end).toBeLessThanOrEqual(time / from.at(-1)!.end)
            }
          }
        }
    })

    it('maps 中文 and 粤语 sentence for sentence: every stop has as many captions in both', () => {
      const differ = stops.filter((id) => cuesOf(id, 'zh-Hans').length !== cuesOf(id, 'yue').length)
      expect(differ).toEqual([])
      const zh = cuesOf('shamian', 'zh-Hans')
      const yue = cuesOf('shamian', 'yue')
      expect(mapStoryTime(zh[5]!.start + 1, zh, yue)).toBe(yue[5]!.start)
    })
  })
})

describe('placeToGoOnFrom', () => {
  /** 粤语 heard to 12 s, then 中文 asked to go on from there. */
  const yue = { key: 'yue', time: 12, cues: 'yue.vtt' }
  const zh: LoadedNarration<string> = { stopId: 'customs-house', key: 'zh', cues: 'zh.vtt', from: yue }

  it('goes on from where the narration loaded before has got to, in the same stop only', () => {
    expect(placeToGoOnFrom(zh, 'customs-house', false, 20)).toEqual({ key: 'zh', time: 20, cues: 'zh.vtt' })
    expect(placeToGoOnFrom(zh, 'haizhu-bridge', false, 20)).toBeNull()
    expect(placeToGoOnFrom(null, 'customs-house', false, 20)).toBeNull()
  })

  it('starts from the beginning when nothing has been heard yet', () => {
    expect(placeToGoOnFrom(zh, 'customs-house', false, 0)).toBeNull()
    expect(placeToGoOnFrom({ ...zh, from: null }, 'customs-house', true, 0)).toBeNull()
  })

  it('goes on from the language heard while the one after it is still being placed, not from its 0 s', () => {
    expect(placeToGoOnFrom(zh, 'customs-house', true, 0)).toBe(yue)
    // A third change, still before any was placed: the same place again.
    const en: LoadedNarration<string> = { stopId: 'customs-house', key: 'en', cues: 'en.vtt', from: yue }
    expect(placeToGoOnFrom(en, 'customs-house', true, 0)).toBe(yue)
    expect(placeToGoOnFrom(zh, 'haizhu-bridge', true, 0)).toBeNull()
  })
})
