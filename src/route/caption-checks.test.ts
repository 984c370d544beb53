import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { createTestRoute, createTestStop } from '../../tests/helpers/create-test-route'

import { captionTextProblems, cueRuleProblems, spokenText, staleNarrationProblem } from './caption-checks'
import type { Route } from './schema'
import { validateRouteText } from './validate'

const at = ['stops', 0, 'narration', 'yue', 'captions']
const cue = (start: number, end: number, text: string) => ({ start, end, text })

describe('cueRuleProblems', () => {
  it('accepts cues within the rules', () => {
    expect(
      cueRuleProblems(
        [cue(0, 2, '前面就係海珠橋，\n北起海珠廣場。'), cue(2, 3, '南接江南大道。')],
        'yue',
        'haizhu-bridge',
        at,
      ),
    ).toEqual([])
    expect(cueRuleProblems([cue(0, 3, 'Haizhu Bridge opened in 1933.')], 'en', 'haizhu-bridge', at)).toEqual(
      [],
    )
  })

  it('names the stop, language, cue number and time, each rule broken and its fix', () => {
    const problems = cueRuleProblems(
      [
        cue(0, 2, '前面就係海珠橋。'),
        cue(62.5, 63, '第一行\n第二行\n第三行'),
        cue(64, 66, '一二三四五六七八九十一二三四五六七八'),
      ],
      'yue',
      'haizhu-bridge',
      at,
    )
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['warning', at],
      ['warning', at],
    ])
    expect(problems[0]!.message).toBe(
      'stop "haizhu-bridge", yue captions, cue 2 (1:02.5): 3 lines (at most 2): split the cue in two; ' +
        'on screen 0.50 s, too short to read (at least 0.83 s): show it longer or join it to the next cue; ' +
        '18.0 characters a second, too fast to read (at most 9): show it longer or shorten its text',
    )
    expect(problems[1]!.message).toBe(
      'stop "haizhu-bridge", yue captions, cue 3 (1:04.0): line 1 has 18 characters (at most 16): ' +
        'break it at a phrase or split the cue',
    )
  })

  it('lists five bad cues of a track, then counts the rest', () => {
    const cues = Array.from({ length: 8 }, (_, i) => cue(i, i + 0.5, 'Too quick.'))
    const problems = cueRuleProblems(cues, 'en', 'pier', at)
    expect(problems).toHaveLength(6)
    expect(problems[4]!.message).toContain('cue 5 (0:04.0)')
    expect(problems[5]!.message).toBe(
      'stop "pier", en captions: 3 more cues break the caption rules (2 lines of 42 characters, ' +
        '20 characters a second): re-cut them, or run npm run narration for generated narration',
    )
  })
})

describe('spokenText', () => {
  it('keeps only what is said, with the lexicon’s spoken forms', () => {
    expect(spokenText('“Haizhu” Bridge,\nopened.')).toBe('haizhubridgeopened')
    expect(spokenText('沙基涌，１９２５年')).toBe('沙基涌1925年')
    expect(spokenText('沙基涌', [['沙基涌', '沙基冲']])).toBe('沙基冲')
  })
})

describe('staleNarrationProblem', () => {
  const expected = { title: '沙面', story: '1859年，英法两国挖了一条河涌。\n\n就是今天的沙基涌。' }
  const lexicon = [['沙基涌', '沙基冲'] as const]

  it('accepts captions of the title and story, or the story alone, however cut and punctuated', () => {
    const cues = [
      cue(0, 1, '沙面'),
      cue(1, 3, '1859年，英法两国\n挖了一条河涌。'),
      cue(3, 5, '就是今天的沙基涌。'),
    ]
    expect(staleNarrationProblem(cues, expected, 'zh-Hans', 'shamian', at)).toBeUndefined()
    expect(staleNarrationProblem(cues.slice(1), expected, 'zh-Hans', 'shamian', at)).toBeUndefined()
  })

  it('accepts captions that write a word as the lexicon says it', () => {
    const cues = [cue(0, 3, '1859年，英法两国挖了一条河涌。就是今天的沙基冲。')]
    expect(staleNarrationProblem(cues, expected, 'zh-Hans', 'shamian', at)).toBeDefined()
    expect(staleNarrationProblem(cues, expected, 'zh-Hans', 'shamian', at, lexicon)).toBeUndefined()
  })

  it('names the stop, the language and the cue where an edited story parts from the captions', () => {
    const cues = [
      cue(0, 1, '沙面'),
      cue(1, 3, '1859年，英法两国\n挖了一条河涌。'),
      cue(3, 5, '就是今天的沙基涌。'),
    ]
    const edited = { ...expected, story: '1859年，英法两国挖了一条河涌。\n\n就是今天的沙基冲涌。' }
    expect(staleNarrationProblem(cues, edited, 'zh-Hans', 'shamian', at)).toEqual({
      severity: 'warning',
      rule: 'stale-narration',
      path: at,
      message:
        'stop "shamian", zh-Hans: the narration\'s captions no longer say what the title and story say; they ' +
        'part from the story at cue 3 (0:03.0, "就是今天的沙基涌。"). The text was edited after the narration was ' +
        'made: make it again (npm run narration) or re-record it with captions of the new text',
    })
    const longer = { ...expected, story: `${expected.story}沙面从此成了岛。` }
    expect(staleNarrationProblem(cues, longer, 'zh-Hans', 'shamian', at)?.message).toContain(
      'the story goes on after the last cue',
    )
  })
})

describe('captionTextProblems', () => {
  const route: Route = { ...createTestRoute({ stops: 0 }), stops: [createTestStop(0)] }
  const vtt = (...texts: string[]) =>
    `WEBVTT\n\n${texts.map((t, i) => `00:00:0${2 * i}.000 --> 00:00:0${2 * i + 2}.000\n${t}`).join('\n\n')}\n`
  const media = (captions: Record<string, string>) => ({
    captionsText: (path: string) => captions[path],
    audioSeconds: () => undefined,
  })

  it('checks every narration’s captions that can be read, and only warns', () => {
    const problems = captionTextProblems(
      route,
      media({
        'audio/stop-1.zh-Hans.vtt': vtt('第1站', '故事。', '第二段。'),
        'audio/stop-1.en.vtt': vtt('Stop 1', 'A story.', 'A third paragraph.'),
      }),
    )
    expect(problems.map((p) => [p.severity, p.path.join('/')])).toEqual([
      ['warning', 'stops/0/narration/en/captions'],
    ])
    expect(problems[0]!.message).toContain('stop "stop-1", en: the narration\'s captions no longer say')
    expect(captionTextProblems(route, media({ 'audio/stop-1.en.vtt': 'not WebVTT' }))).toEqual([])
  })

  it('finds the default route’s captions within the rules and saying what its stories say', async () => {
    const { narrationMedia } = await import('../../scripts/narration/narration-media')
    const folder = 'routes-data/pearl-river-night'
    const { route: defaultRoute } = validateRouteText(readFileSync(`${folder}/route.json`, 'utf8'))
    expect(captionTextProblems(defaultRoute!, narrationMedia(folder))).toEqual([])
  })
})
