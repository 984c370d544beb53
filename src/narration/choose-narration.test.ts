import { describe, expect, it } from 'vitest'

import type { NarrationTrack, Stop } from '@/route/schema'

import { chooseNarration, speechCues, splitSpeechSentences, voiceFor } from './choose-narration'

const track = (lang: string): NarrationTrack => ({
  audio: [`audio/s.${lang}.webm`],
  captions: `audio/s.${lang}.vtt`,
})
const route = { languages: ['zh-Hans', 'en', 'yue'] as const, defaultLanguage: 'zh-Hans' as const }

function stop(narration: Stop['narration']): Pick<Stop, 'narration' | 'story' | 'title'> {
  return {
    title: { 'zh-Hans': '海珠桥', en: 'Haizhu Bridge', yue: '海珠橋' },
    story: { 'zh-Hans': '前方就是海珠桥。', en: 'Ahead is Haizhu Bridge.', yue: '前面就係海珠橋。' },
    narration,
  }
}

describe('chooseNarration', () => {
  it('plays the recording in the chosen language when there is one', () => {
    expect(chooseNarration(stop({ yue: track('yue') }), 'yue', route, [])).toEqual({
      kind: 'track',
      lang: 'yue',
      track: track('yue'),
    })
  })

  it('has the device read the story when there is no recording but a voice for the language', () => {
    const plan = chooseNarration(stop({ 'zh-Hans': track('zh') }), 'yue', route, [
      { lang: 'en-US' },
      { lang: 'zh-HK' },
    ])
    expect(plan).toEqual({
      kind: 'speech',
      lang: 'yue',
      voiceLang: 'zh-HK',
      text: '海珠橋\n\n前面就係海珠橋。',
    })
  })

  it('does not take a Mandarin voice for Cantonese: plays another language instead, the default first', () => {
    const plan = chooseNarration(stop({ en: track('en'), 'zh-Hans': track('zh') }), 'yue', route, [
      { lang: 'zh-CN' },
    ])
    expect(plan).toEqual({ kind: 'other-language', lang: 'yue', trackLang: 'zh-Hans', track: track('zh') })
  })

  it('plays another language where the Web Speech API is missing', () => {
    const plan = chooseNarration(stop({ en: track('en') }), 'zh-Hans', route, null)
    expect(plan).toEqual({ kind: 'other-language', lang: 'zh-Hans', trackLang: 'en', track: track('en') })
  })

  it('says there is nothing to hear when there is no recording and no voice', () => {
    expect(chooseNarration(stop({}), 'en', route, [{ lang: 'de-DE' }])).toEqual({ kind: 'none', lang: 'en' })
  })

  it('does not speak a language with no story text', () => {
    const noYue = { ...stop({ en: track('en') }), story: { en: 'Ahead is Haizhu Bridge.' } }
    expect(chooseNarration(noYue, 'yue', route, [{ lang: 'yue-HK' }]).kind).toBe('other-language')
  })
})

describe('voiceFor', () => {
  it('matches language prefixes, with underscores as some Android voices have them', () => {
    expect(voiceFor('zh-Hans', [{ lang: 'zh_CN' }])).toBe('zh_CN')
    expect(voiceFor('en', [{ lang: 'en-GB' }])).toBe('en-GB')
    expect(voiceFor('yue', [{ lang: 'zh-TW' }, { lang: 'zh' }])).toBeUndefined()
  })
})

describe('speechCues', () => {
  it('makes one cue per sentence, in order and without overlap', () => {
    const cues = speechCues('海珠橋\n\n前面就係海珠橋。佢1933年通車！')
    expect(cues.map((c) => c.text)).toEqual(['海珠橋', '前面就係海珠橋。', '佢1933年通車！'])
    cues.slice(1).forEach((cue, i) => expect(cue.start).toBeGreaterThan(cues[i]!.end))
    // Seven Han characters and one punctuation mark.
    expect(cues[1]!.end - cues[1]!.start).toBeCloseTo(7 / 4.5 + 1 / 14, 3)
  })

  it('splits English at sentence ends followed by a space', () => {
    expect(splitSpeechSentences('It opened in 1933. It is 12.7 m wide! Yes')).toEqual([
      'It opened in 1933.',
      'It is 12.7 m wide!',
      'Yes',
    ])
  })
})
