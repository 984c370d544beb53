import { describe, expect, it } from 'vitest'

import { festivalScript, lexiconEntry, schemeString } from './festival'

describe('festivalScript', () => {
  it('escapes quotes and backslashes and keeps each text on one line', () => {
    expect(schemeString('the "Big Waist"\\ of\nthe city')).toBe('"the \\"Big Waist\\"\\\\ of the city"')
  })

  it('adds lexicon words as Festival entries', () => {
    expect(
      lexiconEntry({
        word: 'xinghai',
        syllables: [
          { phones: ['sh', 'ih', 'ng'], stress: 1 },
          { phones: ['hh', 'ay'], stress: 0 },
        ],
      }),
    ).toBe(`(lex.add.entry '("xinghai" nil (((sh ih ng) 1) ((hh ay) 0))))`)
  })

  it('selects the HTS voice, then adds the words, then writes one WAV per text', () => {
    const script = festivalScript(
      [{ word: 'yide', syllables: [{ phones: ['y', 'iy'], stress: 1 }] }],
      [
        { text: 'Yide Road.', wavFile: '/tmp/a.wav' },
        { text: 'Next, the bridge.', wavFile: '/tmp/b.wav' },
      ],
    ).split('\n')
    expect(script).toEqual([
      '(voice_cmu_us_slt_arctic_hts)',
      `(lex.add.entry '("yide" nil (((y iy) 1))))`,
      `(utt.save.wave (utt.synth (Utterance Text "Yide Road.")) "/tmp/a.wav" 'riff)`,
      `(utt.save.wave (utt.synth (Utterance Text "Next, the bridge.")) "/tmp/b.wav" 'riff)`,
      '',
    ])
  })
})
