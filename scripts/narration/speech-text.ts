import { isHanLanguage } from '../../src/narration/captions/caption-rules'

/** The synthesiser voices: Mandarin, Cantonese and English. */
export type SpeechVoice = 'zh' | 'yue' | 'en'

/** A stretch of a caption spoken by one voice, already rewritten for the synthesiser. */
export interface SpeechRun {
  voice: SpeechVoice
  text: string
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

function zhDigits(digits: string): string {
  return [...digits].map((d) => ZH_DIGITS[Number(d)] ?? d).join('')
}

/**
 * Words espeak-ng's Mandarin dictionary reads with the wrong polyphone reading, respelt with a character that
 * has the right sound. Only the spoken text changes; captions keep the original.
 */
export const ZH_RESPELLINGS: readonly (readonly [string, string])[] = [
  ['音乐', '音月'], // yīnyuè, not yīnlè
  ['十三行', '十三航'], // Shísān Háng, not xíng
  ['银行', '银航'], // yínháng
  ['重新', '虫新'], // chóngxīn, not zhòngxīn
  ['兴建', '星建'], // xīngjiàn, not xìngjiàn
]

/**
 * Rewrites Chinese text the way it should be read aloud where espeak-ng gets it wrong: years digit by digit
 * (1916年 → 一九一六年, not 一千九百一十六), the decimal point (58.5 → 五十八点五; espeak drops it),
 * percentages, and the polyphones in {@link ZH_RESPELLINGS}.
 */
export function spokenChinese(text: string): string {
  let out = text
  for (const [from, to] of ZH_RESPELLINGS) out = out.split(from).join(to)
  return spokenNumbers(out, '点')
}

/**
 * Words espeak-ng's Cantonese dictionary reads with the wrong reading, respelt with a character that has the
 * right sound. Only the spoken text changes; captions keep the original.
 */
export const YUE_RESPELLINGS: readonly (readonly [string, string])[] = [
  ['十三行', '十三航'], // Sap6 saam1 Hong4, not hang4
  ['高中', '高眾'], // "passing the examinations": gou1 zung3, not zung1
  ['會場', '匯場'], // wui6, not the colloquial wui2 of 廣交會
  ['傳教會', '傳教匯'], // wui6
  ['吓', '下'], // haa5, not haak3 (嚇)
]

// Measure words after which a four-digit number is a quantity, not a year: Simplified and Traditional forms.
const QUANTITY_AFTER = '米万萬亿億个個座人元名根颗顆层層届屆号號平公千'

/** Rewrites the numbers of Chinese text for speech: years digit by digit, the decimal point, percentages. */
function spokenNumbers(text: string, point: string): string {
  let out = text.replace(/(\d+(?:\.\d+)?)\s*[%％]/g, '百分之$1')
  // A four-digit number from 1000 to 2099 is a year unless a measure word follows ("1500米").
  const year = new RegExp(`(?<![\\d.])(1\\d{3}|20\\d{2})(?![\\d.]|\\s*[${QUANTITY_AFTER}])`, 'g')
  out = out.replace(year, (digits) => zhDigits(digits))
  return out.replace(
    /(\d+)\.(\d+)/g,
    (_, whole: string, fraction: string) => `${whole}${point}${zhDigits(fraction)}`,
  )
}

/**
 * Rewrites Cantonese text the way it should be read aloud where espeak-ng's yue voice gets it wrong: years digit
 * by digit (1933年 → 一九三三年, not 一千九百三十三), the decimal point (58.5 → 58點五; espeak drops it),
 * percentages, and the readings in {@link YUE_RESPELLINGS}.
 */
export function spokenCantonese(text: string): string {
  let out = text
  for (const [from, to] of YUE_RESPELLINGS) out = out.split(from).join(to)
  return spokenNumbers(out, '點')
}

const REGNAL: Record<string, string> = { II: 'the Second', III: 'the Third', IV: 'the Fourth' }

function englishYear(century: string, rest: string): string {
  if (rest === '00') return `${century} hundred`
  if (rest.startsWith('0')) return `${century} oh ${rest.slice(1)}`
  return `${century} ${rest}`
}

/**
 * Rewrites English text the way it should be read aloud where espeak-ng gets it wrong: years 1100–1999 as
 * "nineteen sixteen" (espeak says "nineteen hundred and sixteen") and decades as "nineteen thirties",
 * metre/kilometre symbols, regnal numbers ("Napoleon III" → "Napoleon the Third") and initialisms of two to
 * four capitals, spelt letter by letter.
 */
export function spokenEnglish(text: string): string {
  return (
    text
      .replace(/(?<![\d,.])(1[1-9])(\d{2})(?!\d|[.,]\d)/g, (_, century: string, rest: string) =>
        englishYear(century, rest),
      )
      .replace(/(\d)\s?km\b/g, '$1 kilometres')
      .replace(/(\d)\s?m\b(?!['’])/g, '$1 metres')
      .replace(
        /\b([A-Z][a-z]+) (II|III|IV)\b/g,
        (_, name: string, numeral: string) => `${name} ${REGNAL[numeral]}`,
      )
      // Initialisms are spelt out ("IBA" → "I B A"); alone, espeak-ng reads "LED" as the word "led".
      .replace(/\b[A-Z]{2,4}\b/g, (letters) => [...letters].join(' '))
  )
}

// Latin words inside Chinese text, with the spaces, initials' points and apostrophes between them.
const LATIN_RUN = /[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ'’.\- ]*[A-Za-zÀ-ɏ.])?/g
const HAN_RUN =
  /[\u3400-\u9fff\uf900-\ufaff](?:[\u3400-\u9fff\uf900-\ufaff，、·]*[\u3400-\u9fff\uf900-\ufaff])?/g

/** The voice that reads a language's own script: Cantonese for yue, Mandarin for other Chinese, else English. */
export function primaryVoice(lang: string): SpeechVoice {
  if (/^(yue|zh-(hk|mo|yue|hant))\b/i.test(lang)) return 'yue'
  return isHanLanguage(lang) ? 'zh' : 'en'
}

const REWRITE: Record<SpeechVoice, (text: string) => string> = {
  zh: spokenChinese,
  yue: spokenCantonese,
  en: spokenEnglish,
}

/**
 * Splits a caption into runs for the voices and rewrites each for speech. In Chinese text (Mandarin or
 * Cantonese), Latin names ("David C. Dick", "LED") go to the English voice, because the Chinese voices read them
 * as romanisation; in English text, Han characters go to the Mandarin voice.
 */
export function speechRuns(text: string, lang: string): SpeechRun[] {
  const primary = primaryVoice(lang)
  const foreign: SpeechVoice = primary === 'en' ? 'zh' : 'en'
  const pattern = primary === 'en' ? HAN_RUN : LATIN_RUN
  const runs: SpeechRun[] = []
  let last = 0
  for (const match of text.matchAll(pattern)) {
    runs.push({ voice: primary, text: text.slice(last, match.index) })
    runs.push({ voice: foreign, text: match[0] })
    last = match.index + match[0].length
  }
  runs.push({ voice: primary, text: text.slice(last) })
  return runs
    .map((run) => ({ voice: run.voice, text: REWRITE[run.voice](run.text).trim() }))
    .filter((run) => /[\p{L}\p{N}]/u.test(run.text))
}
