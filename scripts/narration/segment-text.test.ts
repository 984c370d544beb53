import { describe, expect, it } from 'vitest'

import { maxSegmentLength, segmentNarration, splitLongSegment, splitSentences } from './segment-text'

describe('splitSentences (Chinese)', () => {
  it('splits after 。！？ and keeps closing quotes with their sentence', () => {
    expect(
      splitSentences('这就是海珠桥。它是第一座桥吗？是的！人们叫它“大钟楼。”然后继续', 'zh-Hans'),
    ).toEqual(['这就是海珠桥。', '它是第一座桥吗？', '是的！', '人们叫它“大钟楼。”', '然后继续'])
  })

  it('does not split at a decimal point or inside Latin names', () => {
    expect(splitSentences('两座尖塔高58.5米。由建筑师David C. Dick和C. D. Arnott设计。', 'zh-Hans')).toEqual([
      '两座尖塔高58.5米。',
      '由建筑师David C. Dick和C. D. Arnott设计。',
    ])
  })
})

describe('splitSentences (English)', () => {
  it('splits after . ! ? followed by a space', () => {
    expect(splitSentences('The bridge opened. Was it the first? Yes! It was.', 'en')).toEqual([
      'The bridge opened.',
      'Was it the first?',
      'Yes!',
      'It was.',
    ])
  })

  it('keeps decimals and measurements whole', () => {
    expect(splitSentences('The tower is 31.85 m tall. It cost 1.38 billion yuan.', 'en')).toEqual([
      'The tower is 31.85 m tall.',
      'It cost 1.38 billion yuan.',
    ])
  })

  it('does not split after common abbreviations and initials', () => {
    expect(
      splitSentences(
        'Mr. Wang met Dr. Li on St. Paul St. near No. 3 Shamian. Designed by David C. Dick and C. D. Arnott. Built c. 1850 in the U.S. Navy yard.',
        'en',
      ),
    ).toEqual([
      'Mr. Wang met Dr. Li on St. Paul St. near No. 3 Shamian.',
      'Designed by David C. Dick and C. D. Arnott.',
      'Built c. 1850 in the U.S. Navy yard.',
    ])
  })

  it('continues after an abbreviation followed by a lower-case word', () => {
    expect(splitSentences('Bridges, towers, etc. were lit. Then e.g. the pier. Done.', 'en')).toEqual([
      'Bridges, towers, etc. were lit.',
      'Then e.g. the pier.',
      'Done.',
    ])
  })

  it('ends a sentence at "no." unless a number follows', () => {
    expect(splitSentences('The answer was no. Then came No. 5. End.', 'en')).toEqual([
      'The answer was no.',
      'Then came No. 5.',
      'End.',
    ])
  })

  it('keeps closing quotes and brackets with the sentence', () => {
    expect(splitSentences('They called it “the slim waist.” It stands (mostly.) Here.', 'en')).toEqual([
      'They called it “the slim waist.”',
      'It stands (mostly.)',
      'Here.',
    ])
  })
})

describe('splitLongSegment', () => {
  it('leaves a segment that fits alone', () => {
    expect(splitLongSegment('我们从白鹅潭出发。', 42)).toEqual(['我们从白鹅潭出发。'])
  })

  it('splits long Chinese at ，into even pieces, keeping the comma', () => {
    const text =
      '前航道从白鹅潭一直延伸到大蚝沙，全长约二十八公里，西边窄，东边宽，平均宽度四百三十二米，平均水深四点八三米。'
    const pieces = splitLongSegment(text, 42)
    expect(pieces.join('')).toBe(text)
    expect(pieces).toHaveLength(2)
    for (const piece of pieces) expect([...piece].length).toBeLessThanOrEqual(42)
    expect(pieces[0]).toMatch(/，$/)
  })

  it('prefers ，or ：to the list comma 、', () => {
    expect(
      splitLongSegment(
        '今天，白鹅潭依然是城市在水上的舞台：烟花表演、花船巡游和龙舟邀请赛，都常常在这里举行。',
        42,
      ),
    ).toEqual(['今天，白鹅潭依然是城市在水上的舞台：', '烟花表演、花船巡游和龙舟邀请赛，都常常在这里举行。'])
  })

  it('leaves long Chinese with no comma whole rather than cutting a word', () => {
    const text =
      '这是一句非常非常长而且完全没有任何标点符号可以用来断开的中文句子它一直说下去直到超过了限制为止'
    expect(splitLongSegment(text, 42)).toEqual([text])
  })

  it('splits English at ", " and never inside "1,500"', () => {
    expect(
      splitLongSegment(
        'Inside are a symphony hall of 1,500 seats, a chamber hall of 460, and an organ of 7,000 pipes.',
        60,
      ),
    ).toEqual([
      'Inside are a symphony hall of 1,500 seats,',
      'a chamber hall of 460, and an organ of 7,000 pipes.',
    ])
  })

  it('uses the fewest comma pieces before breaking at a word', () => {
    const pieces = splitLongSegment(
      'A few streets back from the north bank, at 56 Yide Road, stand the twin spires of the Sacred Heart Cathedral, known in Guangzhou as the Stone House.',
      90,
    )
    expect(pieces).toEqual([
      'A few streets back from the north bank, at 56 Yide Road,',
      'stand the twin spires of the Sacred Heart Cathedral,',
      'known in Guangzhou as the Stone House.',
    ])
  })

  it('breaks English with no usable comma before a conjunction', () => {
    const pieces = splitLongSegment(
      'a European neoclassical building designed by the architects David C. Dick and C. D. Arnott and built by the Huachang Engineering Company.',
      90,
    )
    expect(pieces).toHaveLength(2)
    expect(pieces[1]).toMatch(/^and /)
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(90)
  })
})

describe('segmentNarration', () => {
  it('starts with the title and marks sentence, paragraph and end breaks', () => {
    expect(
      segmentNarration('海珠桥', '前方就是海珠桥。它是第一座桥。\n\n大桥由三孔钢桁架组成。', 'zh-Hans'),
    ).toEqual([
      { text: '海珠桥', lines: ['海珠桥'], breakAfter: 'title' },
      { text: '前方就是海珠桥。', lines: ['前方就是海珠桥。'], breakAfter: 'sentence' },
      { text: '它是第一座桥。', lines: ['它是第一座桥。'], breakAfter: 'paragraph' },
      { text: '大桥由三孔钢桁架组成。', lines: ['大桥由三孔钢桁架组成。'], breakAfter: 'end' },
    ])
  })

  it('marks the pieces of a split sentence as clauses', () => {
    const segments = segmentNarration(
      'Haizhu Bridge',
      'Work began in December 1929, and after a long and difficult construction period the bridge opened on 15 February 1933. It still stands.',
      'en',
    )
    expect(segments.map((s) => s.breakAfter)).toEqual(['title', 'clause', 'sentence', 'end'])
    expect(segments[1]?.lines[0]).toBe('Work began in December 1929,')
  })

  it('joins single line breaks inside a paragraph', () => {
    expect(segmentNarration('T', 'One line\nand the next.', 'en')[1]?.text).toBe('One line and the next.')
    expect(segmentNarration('标题', '第一行\n第二行。', 'zh-Hans')[1]?.text).toBe('第一行第二行。')
  })

  it('gives a title with no story the end break', () => {
    expect(segmentNarration('Title', '  ', 'en')).toEqual([
      { text: 'Title', lines: ['Title'], breakAfter: 'end' },
    ])
  })

  it('cuts a long Chinese sentence into cues of two lines of at most 16 characters, at phrase boundaries', () => {
    const sentence =
      '1859年，英法两国在江边的沙洲上筑堤填土，又在北面挖了一条河涌，就是今天的沙基涌，沙面从此成为四面环水的小岛。'
    const segments = segmentNarration('沙面', sentence, 'zh-Hans').slice(1)
    expect(segments.map((s) => s.text).join('')).toBe(sentence)
    for (const segment of segments) {
      expect(segment.lines.length).toBeLessThanOrEqual(2)
      for (const line of segment.lines) expect([...line].length).toBeLessThanOrEqual(16)
    }
    expect(segments.flatMap((s) => s.lines)).toContain('就是今天的沙基涌，')
  })

  it('breaks English lines at phrases, never inside a name', () => {
    const segments = segmentNarration(
      'Customs House',
      'It was designed by David C. Dick and C. D. Arnott of the Public Works Department, and finished in 1916.',
      'en',
    ).slice(1)
    const lines = segments.flatMap((s) => s.lines)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(42)
    expect(lines.some((l) => l.includes('David C. Dick'))).toBe(true)
    expect(lines.some((l) => l.includes('C. D. Arnott'))).toBe(true)
  })
})

describe('language helpers', () => {
  it("fits a segment to a cue's two full lines", () => {
    expect(maxSegmentLength('zh-Hans')).toBe(32)
    expect(maxSegmentLength('yue')).toBe(32)
    expect(maxSegmentLength('en')).toBe(84)
  })
})
