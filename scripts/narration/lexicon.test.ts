import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { lexiconEntry } from './festival'
import { parseLexicon, parsePhones, respell, type Lexicon } from './lexicon'
import { spokenCantonese, spokenChinese } from './speech-text'

const LEXICON_DIR = 'routes-data/pearl-river-night/lexicon'
const routeLexicon = (lang: string): Lexicon =>
  parseLexicon(JSON.parse(readFileSync(join(LEXICON_DIR, `${lang}.json`), 'utf8')), `${lang}.json`)

/** The phonemes espeak-ng says for a text, as `espeak-ng -x -q` prints them. */
function espeakPhonemes(text: string, voice: string): string {
  const result = spawnSync('espeak-ng', ['-x', '-q', '-v', voice, text], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`espeak-ng failed: ${result.stderr}`)
  return result.stdout.trim()
}

/** How the narration script has espeak-ng read a text: lexicon, then the built-in rewriting, then the voice. */
const mandarin = (text: string, lexicon = routeLexicon('zh-Hans')) =>
  espeakPhonemes(spokenChinese(respell(text, lexicon)), 'cmn-latn-pinyin')
const cantonese = (text: string, lexicon = routeLexicon('yue')) =>
  espeakPhonemes(spokenCantonese(respell(text, lexicon)), 'yue')
const EMPTY: Lexicon = { respellings: [], words: [] }

describe('the Mandarin lexicon, checked with espeak-ng (cmn-latn-pinyin)', () => {
  it.each([
    ['沙基涌', "ts.h'ong55", "'yu214N"], // chōng, not yǒng
    ['河涌', "ts.h'ong55", "'yu214N"],
    ['洋行', "X'a35N", "S;'i35N"], // háng, not xíng
    ['报时曲', "tS;h'y214", "tS;h'y55"], // qǔ, not qū
    ['科举高中', "ts.'ong51", "ts.'ong55"], // zhòng, not zhōng
  ])('reads %s with %s (without the lexicon: %s)', (text, right, wrong) => {
    expect(mandarin(text)).toContain(right)
    expect(mandarin(text)).not.toContain(wrong)
    expect(mandarin(text, EMPTY)).toContain(wrong)
  })

  it('reads 桁架 as two syllables, héngjià, without the repeated jià', () => {
    expect(mandarin('钢桁架')).toMatch(/X'@35N_\| tS;'iA51_\|$/)
    expect(mandarin('钢桁架', EMPTY).match(/tS;'iA51/g)).toHaveLength(2)
  })

  it('reads years digit by digit: 1933年 as 一九三三年, not 一千九百三十三年', () => {
    const year = mandarin('1933年')
    expect(year).toBe(espeakPhonemes('一九三三年', 'cmn-latn-pinyin'))
    expect(year).not.toContain("tS;h'iE55n") // 千
    expect(year).not.toContain("p'ai") // 百
  })
})

describe('the Cantonese lexicon, checked with espeak-ng (yue)', () => {
  it.each([
    ['沙基涌', "c'ung1", "j'ung2"],
    ['河涌', "c'ung1", "j'ung2"],
  ])('reads 涌 in %s as cung1 (without the lexicon: jung2)', (text, right, wrong) => {
    expect(cantonese(text)).toContain(right)
    expect(cantonese(text)).not.toContain(wrong)
    expect(cantonese(text, EMPTY)).toContain(wrong)
  })

  it('reads years digit by digit: 1933年 as 一九三三年', () => {
    const year = cantonese('1933年')
    expect(year).toBe(espeakPhonemes('一九三三年', 'yue'))
    expect(year).not.toContain("c'i1n") // 千
    expect(year).not.toContain("b'aa3k") // 百
  })

  it('keeps what the built-in rules already get right: 科舉高中 as zung3', () => {
    expect(cantonese('科舉高中')).toContain("z'ung3")
  })
})

describe('the English lexicon, checked with Festival (cmu_us_slt_arctic_hts)', () => {
  const work = mkdtempSync(join(tmpdir(), 'lexicon-test-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  /** The phone segments Festival's full text analysis gives each text, with and without the route's lexicon. */
  function festivalSegments(texts: string[], words: Lexicon['words']): string[] {
    const script = join(work, 'segments.scm')
    writeFileSync(
      script,
      [
        '(voice_cmu_us_slt_arctic_hts)',
        ...words.map(lexiconEntry),
        ...texts.map(
          (text) =>
            `(let ((utt (utt.synth (Utterance Text "${text}")))) (format t "%l\\n" (mapcar item.name (utt.relation.items utt 'Segment))))`,
        ),
      ].join('\n'),
    )
    const result = spawnSync('festival', ['-b', script], { encoding: 'utf8' })
    if (result.status !== 0 || /SIOD ERROR/.test(result.stdout + result.stderr))
      throw new Error(`festival failed: ${result.stdout}${result.stderr}`)
    return result.stdout
      .trim()
      .split('\n')
      .map((line) =>
        line
          .replace(/[()"]/g, '')
          .replace(/\bpau\b/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
  }

  const NAMES: [string, string][] = [
    ['Xian Xinghai', 'sh y eh n sh ih ng hh ay'],
    ['Haixinsha', 'hh ay sh ih n sh aa'],
    ['Qianlong', 'ch y eh n l uh ng'],
    ['Lin Zexu', 'l ih n z ah sh uw'],
    ['Yide Road', 'y iy d ah r ow d'],
    ['Huangpu', 'hh w aa ng p uw'],
    ['Guangzhou', 'g w aa ng jh ow'],
    ['Shamian', 'sh aa m y eh n'],
  ]
  const lexicon = routeLexicon('en')
  const withLexicon = festivalSegments(
    NAMES.map(([text]) => text),
    lexicon.words,
  )
  const without = festivalSegments(
    NAMES.map(([text]) => text),
    [],
  )

  it.each(NAMES.map(([text, phones], i) => [text, phones, i] as const))(
    'says %s as "%s", which it does not without the lexicon',
    (_, phones, i) => {
      expect(withLexicon[i]).toBe(phones)
      expect(without[i]).not.toBe(phones)
    },
  )

  it('has every word of the lexicon in phones Festival knows', () => {
    const words = festivalSegments(
      lexicon.words.map((w) => w.word),
      lexicon.words,
    )
    lexicon.words.forEach((word, i) =>
      expect(words[i]).toBe(word.syllables.flatMap((s) => s.phones).join(' ')),
    )
  }, 60_000)
})

describe('parseLexicon', () => {
  it('orders respellings longest first, so a longer context wins', () => {
    const lexicon = parseLexicon(
      {
        entries: [
          { write: '高中', say: '高忠' },
          { write: '科举高中', say: '科举高众' },
        ],
      },
      'zh-Hans.json',
    )
    expect(respell('科举高中，高中生', lexicon)).toBe('科举高众，高忠生')
  })

  it('names the file and the entry, with the fix', () => {
    expect(() => parseLexicon({ entries: [{ write: 'Xian' }] }, 'en.json')).toThrow(
      'en.json: entries.0 ("Xian"): give either "say" (the text to read) or "phones" (Festival phones), not both',
    )
    expect(() => parseLexicon({ entries: [{ write: 'Lin Zexu', phones: 'l ih n 1' }] }, 'en.json')).toThrow(
      /entries.0 \("Lin Zexu"\): "phones" needs a single English word/,
    )
    expect(() => parseLexicon({ entries: [{ write: 'Xian', phones: 'x i a n 1' }] }, 'en.json')).toThrow(
      /unknown phone\(s\) "x", "i", "a"/,
    )
    expect(() => parseLexicon({ words: [] }, 'en.json')).toThrow(/en.json: entries/)
  })

  it('reads phones as syllables with their stress', () => {
    expect(parsePhones('sh ih ng 1 / hh ay 0')).toEqual([
      { phones: ['sh', 'ih', 'ng'], stress: 1 },
      { phones: ['hh', 'ay'], stress: 0 },
    ])
    expect(parsePhones('sh ih ng')).toMatch(/is not a syllable/)
  })
})
