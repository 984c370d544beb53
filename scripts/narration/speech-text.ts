import { isCjkLanguage } from './segment-text'

/** The two synthesiser voices: Mandarin and English. */
export type SpeechVoice = 'zh' | 'en'

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
  out = out.replace(/(\d+(?:\.\d+)?)\s*[%％]/g, '百分之$1')
  // A four-digit number from 1000 to 2099 is a year unless a measure word follows ("1500米").
  out = out.replace(/(?<![\d.])(1\d{3}|20\d{2})(?![\d.]|\s*[米万亿个座人元名根颗层届号平公千])/g, (year) =>
    zhDigits(year),
  )
  out = out.replace(
    /(\d+)\.(\d+)/g,
    (_, whole: string, fraction: string) => `${whole}点${zhDigits(fraction)}`,
  )
  return out
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

/**
 * Splits a caption into runs for the two voices and rewrites each for speech. In Chinese text, Latin names
 * ("David C. Dick", "LED") go to the English voice, because the Mandarin voice reads them as pinyin; in
 * English text, Han characters go to the Mandarin voice.
 */
export function speechRuns(text: string, lang: string): SpeechRun[] {
  const primary: SpeechVoice = isCjkLanguage(lang) ? 'zh' : 'en'
  const foreign: SpeechVoice = primary === 'zh' ? 'en' : 'zh'
  const pattern = primary === 'zh' ? LATIN_RUN : HAN_RUN
  const runs: SpeechRun[] = []
  let last = 0
  for (const match of text.matchAll(pattern)) {
    runs.push({ voice: primary, text: text.slice(last, match.index) })
    runs.push({ voice: foreign, text: match[0] })
    last = match.index + match[0].length
  }
  runs.push({ voice: primary, text: text.slice(last) })
  return runs
    .map((run) => ({
      voice: run.voice,
      text: (run.voice === 'zh' ? spokenChinese : spokenEnglish)(run.text).trim(),
    }))
    .filter((run) => /[\p{L}\p{N}]/u.test(run.text))
}
