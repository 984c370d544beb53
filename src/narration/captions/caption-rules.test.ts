import { describe, expect, it } from 'vitest'

import { breakLines, captionLength, captionRules, cueProblems, minimumCueSeconds } from './caption-rules'

describe('captionRules', () => {
  it('gives Chinese 16 characters a line at 9 a second, English 42 at 20, two lines and 5/6 s for all', () => {
    expect(captionRules('zh-Hans')).toEqual({
      maxLines: 2,
      maxLineChars: 16,
      maxCharsPerSecond: 9,
      minSeconds: 5 / 6,
    })
    expect(captionRules('yue')).toEqual(captionRules('zh-Hans'))
    expect(captionRules('en')).toEqual({
      maxLines: 2,
      maxLineChars: 42,
      maxCharsPerSecond: 20,
      minSeconds: 5 / 6,
    })
    expect(captionRules('fr')).toEqual(captionRules('en'))
  })

  it('counts characters as read, not UTF-16 units or line breaks', () => {
    expect(captionLength('𠀋海\n心沙')).toBe(4)
    expect(captionLength('Two words')).toBe(9)
  })
})

describe('cueProblems', () => {
  it('accepts a cue within every rule', () => {
    expect(cueProblems({ start: 0, end: 2, text: '广州塔高六百米，\n是中国第一高塔。' }, 'zh-Hans')).toEqual(
      [],
    )
    expect(cueProblems({ start: 0, end: 1, text: 'The tower.' }, 'en')).toEqual([])
  })

  it('names each rule a cue breaks, with its numbers', () => {
    expect(cueProblems({ start: 0, end: 3, text: '一\n二\n三' }, 'zh-Hans')).toEqual([
      { rule: 'lines', lines: 3, max: 2 },
    ])
    expect(cueProblems({ start: 0, end: 3, text: '一二三四五六七八九十一二三四五六七' }, 'yue')).toEqual([
      { rule: 'line-length', line: 1, chars: 17, max: 16 },
    ])
    expect(cueProblems({ start: 1, end: 2, text: '广州塔高六百米，是中国第一高塔。' }, 'zh-Hans')).toEqual([
      { rule: 'reading-speed', charsPerSecond: 16, max: 9 },
    ])
    expect(cueProblems({ start: 0, end: 0.5, text: 'Go.' }, 'en')).toEqual([
      { rule: 'duration', seconds: 0.5, min: 5 / 6 },
    ])
  })

  it('allows the rounding of cue times to whole milliseconds', () => {
    expect(cueProblems({ start: 0, end: 0.833, text: 'Go.' }, 'en')).toEqual([])
  })
})

describe('minimumCueSeconds', () => {
  it('is the longer of the minimum duration and the time to read the text', () => {
    expect(minimumCueSeconds('海心沙', 'zh-Hans')).toBe(5 / 6)
    expect(minimumCueSeconds('广州塔高六百米，是中国第一高塔。', 'zh-Hans')).toBeCloseTo(16 / 9)
    expect(minimumCueSeconds('a'.repeat(60), 'en')).toBe(3)
  })
})

describe('breakLines', () => {
  it('keeps a short text on one line', () => {
    expect(breakLines('  海心沙 ', 'zh-Hans')).toEqual(['海心沙'])
    expect(breakLines('', 'en')).toEqual([])
  })

  it('breaks Chinese after a comma rather than in the middle of a clause', () => {
    expect(breakLines('就是今天的沙基涌，沙面从此成为四面环水的小岛。', 'zh-Hans')).toEqual([
      '就是今天的沙基涌，',
      '沙面从此成为四面环水的小岛。',
    ])
  })

  it('breaks Chinese with no comma between words, every line within 16 characters', () => {
    const lines = breakLines('为了纪念人民音乐家冼星海而建的星海音乐厅', 'zh-Hans')
    expect(lines.join('')).toBe('为了纪念人民音乐家冼星海而建的星海音乐厅')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(16)
    expect(lines.some((l) => l.includes('冼星海'))).toBe(true)
  })

  it('breaks English in as few lines as fit, at punctuation or before a preposition', () => {
    expect(
      breakLines(
        'The Haixinsha island was the stage of the opening ceremony of the 2010 Asian Games, held on the river.',
        'en',
      ),
    ).toEqual([
      'The Haixinsha island was the stage of the',
      'opening ceremony of the 2010 Asian Games,',
      'held on the river.',
    ])
  })

  it('takes a third line rather than break a name', () => {
    expect(
      breakLines('Its clock still chimes the Westminster Quarters every fifteen minutes.', 'en'),
    ).toEqual(['Its clock still chimes', 'the Westminster Quarters', 'every fifteen minutes.'])
  })

  it('never breaks inside a name of capitalised words or initials', () => {
    expect(
      breakLines('It was designed by David C. Dick and C. D. Arnott, and finished in 1916.', 'en'),
    ).toEqual(['It was designed by David C. Dick', 'and C. D. Arnott, and finished in 1916.'])
    expect(breakLines('The square was named after Lin Zexu and Xian Xinghai in the year', 'en')).toEqual([
      'The square was named after Lin Zexu',
      'and Xian Xinghai in the year',
    ])
  })

  it('never breaks inside a number', () => {
    expect(
      breakLines('长约一千五百米，高58.5米的塔上有一个直径12.5米的大钟，每天准时报时', 'zh-Hans'),
    ).toEqual(['长约一千五百米，', '高58.5米的塔上有一个直径', '12.5米的大钟，每天准时报时'])
  })
})
