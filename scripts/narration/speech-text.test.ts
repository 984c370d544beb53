import { describe, expect, it } from 'vitest'

import { primaryVoice, speechRuns, spokenCantonese, spokenChinese, spokenEnglish } from './speech-text'

describe('spokenChinese', () => {
  it('reads years digit by digit', () => {
    expect(spokenChinese('大楼1914年3月28日奠基，1916年落成')).toBe(
      '大楼一九一四年3月28日奠基，一九一六年落成',
    )
    expect(spokenChinese('2006年，它被列为')).toBe('二零零六年，它被列为')
    expect(spokenChinese('刻着“耶路撒冷1863”')).toBe('刻着“耶路撒冷一八六三”')
  })

  it('leaves quantities that are not years', () => {
    expect(spokenChinese('长约987米，第95届，1500米，2000人')).toBe('长约987米，第95届，1500米，2000人')
  })

  it('speaks the decimal point, which espeak-ng drops', () => {
    expect(spokenChinese('高58.5米，长31.85米')).toBe('高58点五米，长31点八五米')
  })

  it('reads percentages', () => {
    expect(spokenChinese('约60%')).toBe('约百分之60')
  })

  it('respells polyphones espeak-ng misreads', () => {
    expect(spokenChinese('星海音乐厅，十三行，重新通车')).toBe('星海音月厅，十三航，虫新通车')
  })
})

describe('spokenCantonese', () => {
  it('reads years digit by digit, with 零 for zero', () => {
    expect(spokenCantonese('大樓1914年3月28日奠基，1916年落成')).toBe(
      '大樓一九一四年3月28日奠基，一九一六年落成',
    )
    expect(spokenCantonese('2006年，佢被列為')).toBe('二零零六年，佢被列為')
    expect(spokenCantonese('刻住「耶路撒冷1863」')).toBe('刻住「耶路撒冷一八六三」')
  })

  it('leaves quantities that are not years, in Traditional measure words too', () => {
    expect(spokenCantonese('長大約987米，第95屆，1500個座位，2000萬，1200層')).toBe(
      '長大約987米，第95屆，1500個座位，2000萬，1200層',
    )
  })

  it('speaks the decimal point as 點, which espeak-ng drops', () => {
    expect(spokenCantonese('高58.5米，長31.85米')).toBe('高58點五米，長31點八五米')
  })

  it('reads percentages', () => {
    expect(spokenCantonese('大約60%')).toBe('大約百分之60')
  })

  it('respells words the yue voice misreads, keeping the rest', () => {
    expect(spokenCantonese('十三行嘅商館，祈求科舉高中，主會場，睇吓')).toBe(
      '十三航嘅商館，祈求科舉高眾，主匯場，睇下',
    )
  })
})

describe('spokenEnglish', () => {
  it('reads years as pairs of numbers', () => {
    expect(spokenEnglish('opened in 1916 and 1600, rebuilt 1905')).toBe(
      'opened in 19 16 and 16 hundred, rebuilt 19 oh 5',
    )
    expect(spokenEnglish('its 1930s-style lamps')).toBe('its 19 30s-style lamps')
  })

  it('leaves later years, grouped numbers and decimals alone', () => {
    expect(spokenEnglish('in 2013, 1,500 seats, 180,000 rivets, 1.38 billion, 12.7 metres')).toBe(
      'in 2013, 1,500 seats, 180,000 rivets, 1.38 billion, 12.7 metres',
    )
  })

  it('expands metre symbols', () => {
    expect(spokenEnglish('31.85 m tall, 5km long, 9 m.')).toBe(
      '31.85 metres tall, 5 kilometres long, 9 metres.',
    )
  })

  it('reads regnal numbers', () => {
    expect(spokenEnglish('Napoleon III paid')).toBe('Napoleon the Third paid')
  })

  it('spells out short initialisms but not longer capitalised words', () => {
    expect(spokenEnglish('IBA and 46 rings of LED light; CVSTOM HOVSE')).toBe(
      'I B A and 46 rings of L E D light; CVSTOM HOVSE',
    )
  })
})

describe('primaryVoice', () => {
  it.each([
    ['yue', 'yue'],
    ['zh-HK', 'yue'],
    ['zh-Hans', 'zh'],
    ['zh', 'zh'],
    ['en', 'en'],
    ['en-GB', 'en'],
  ])('%s is read by the %s voice', (lang, voice) => {
    expect(primaryVoice(lang)).toBe(voice)
  })
})

describe('speechRuns', () => {
  it('gives Latin names in Chinese text to the English voice', () => {
    expect(speechRuns('由建筑师David C. Dick和C. D. Arnott设计，', 'zh-Hans')).toEqual([
      { voice: 'zh', text: '由建筑师' },
      { voice: 'en', text: 'David C. Dick' },
      { voice: 'zh', text: '和' },
      { voice: 'en', text: 'C. D. Arnott' },
      { voice: 'zh', text: '设计，' },
    ])
  })

  it('drops runs with nothing to say and rewrites each run for its voice', () => {
    expect(speechRuns('1925年，用拉丁字母V代替了U。', 'zh-Hans')).toEqual([
      { voice: 'zh', text: '一九二五年，用拉丁字母' },
      { voice: 'en', text: 'V' },
      { voice: 'zh', text: '代替了' },
      { voice: 'en', text: 'U' },
    ])
  })

  it('reads Cantonese with the Cantonese voice and its own rewriting', () => {
    expect(speechRuns('由建築師David C. Dick設計，1916年落成', 'yue')).toEqual([
      { voice: 'yue', text: '由建築師' },
      { voice: 'en', text: 'David C. Dick' },
      { voice: 'yue', text: '設計，一九一六年落成' },
    ])
    expect(speechRuns('十三行', 'yue')).toEqual([{ voice: 'yue', text: '十三航' }])
    expect(speechRuns('十三行', 'zh-Hans')).toEqual([{ voice: 'zh', text: '十三航' }])
  })

  it('keeps English text in one run', () => {
    expect(speechRuns('It opened in 1933.', 'en')).toEqual([{ voice: 'en', text: 'It opened in 19 33.' }])
  })

  it('gives Han characters in English text to the Mandarin voice', () => {
    expect(speechRuns('Locals call it 小蛮腰, the slim waist.', 'en')).toEqual([
      { voice: 'en', text: 'Locals call it' },
      { voice: 'zh', text: '小蛮腰' },
      { voice: 'en', text: ', the slim waist.' },
    ])
  })
})
