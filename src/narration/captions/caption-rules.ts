/**
 * How captions must read, after the Netflix timed-text style guide: at most two lines a cue, short lines, a
 * reading speed a viewer keeps up with, no cue too brief to see, lines broken at phrase boundaries. One pure
 * module shared by the narration script (which lays cues out), the validator and the studio.
 */

/** The limits for one language. */
export interface CaptionRules {
  maxLines: number
  /** Characters a line (Unicode code points, punctuation and spaces included). */
  maxLineChars: number
  /** Characters a second over the cue's time on screen, line breaks not counted. */
  maxCharsPerSecond: number
  /** The shortest time a cue may be on screen, in seconds. */
  minSeconds: number
}

/** Whether a language is written in Han characters, with no spaces between words. */
export function isHanLanguage(lang: string): boolean {
  return /^(zh|yue|cmn|ja)\b/i.test(lang)
}

/** The rules for a language tag: Chinese (zh-Hans, yue, …) or any language written with spaces. */
export function captionRules(lang: string): CaptionRules {
  return isHanLanguage(lang)
    ? { maxLines: 2, maxLineChars: 16, maxCharsPerSecond: 9, minSeconds: 5 / 6 }
    : { maxLines: 2, maxLineChars: 42, maxCharsPerSecond: 20, minSeconds: 5 / 6 }
}

/** A cue's lines, as the caption file gives them. */
export function cueLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Characters in a cue or line, counted as a viewer reads them: code points, line breaks left out. */
export function captionLength(text: string): number {
  return cueLines(text).reduce((n, line) => n + [...line].length, 0)
}

/** A rule a cue breaks, with the numbers that show it. */
export type CaptionProblem =
  | { rule: 'lines'; lines: number; max: number }
  | { rule: 'line-length'; line: number; chars: number; max: number }
  | { rule: 'reading-speed'; charsPerSecond: number; max: number }
  | { rule: 'duration'; seconds: number; min: number }

/** Every rule of {@link captionRules} that a cue breaks; none for a good cue. */
export function cueProblems(
  cue: { start: number; end: number; text: string },
  lang: string,
): CaptionProblem[] {
  const rules = captionRules(lang)
  const problems: CaptionProblem[] = []
  const lines = cueLines(cue.text)
  if (lines.length > rules.maxLines)
    problems.push({ rule: 'lines', lines: lines.length, max: rules.maxLines })
  lines.forEach((line, i) => {
    const chars = [...line].length
    if (chars > rules.maxLineChars)
      problems.push({ rule: 'line-length', line: i + 1, chars, max: rules.maxLineChars })
  })
  const seconds = cue.end - cue.start
  // A thousandth of a second of slack: cue times are written in whole milliseconds.
  if (seconds + 0.001 < rules.minSeconds) problems.push({ rule: 'duration', seconds, min: rules.minSeconds })
  const charsPerSecond = captionLength(cue.text) / seconds
  if (seconds > 0 && charsPerSecond > rules.maxCharsPerSecond + 0.005)
    problems.push({ rule: 'reading-speed', charsPerSecond, max: rules.maxCharsPerSecond })
  return problems
}

/** The shortest time the text can be on screen within the reading-speed and duration rules, in seconds. */
export function minimumCueSeconds(text: string, lang: string): number {
  const rules = captionRules(lang)
  return Math.max(rules.minSeconds, captionLength(text) / rules.maxCharsPerSecond)
}

// Costs of a break, in the units of squared line lengths (which make lines even): after a clause's punctuation
// nothing; before a conjunction or preposition a little; between words more; inside what looks like a name
// (two capitalised words, or Han words of one character each) far more; past the line limit most of all.
const OVER_LIMIT_PER_CHAR = 1e9
const INSIDE_NAME = 1e6
// Each line costs more than a break between words, so the text takes as few lines as it can.
const PER_LINE = 1e5
const BETWEEN_WORDS = 1e4
const BEFORE_PHRASE = 1e3

const PHRASE_PUNCTUATION = /[，、；：。！？…,;:.!?)）」』”’]$/
const LATIN_PHRASE_WORD =
  /^(?:and|but|or|nor|which|who|whose|where|when|while|with|by|from|after|before|until|as|to|for|in|on|at|of|that|than)\b/i
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/

interface BreakPoint {
  at: number
  penalty: number
}

function wordsOf(text: string, lang: string): string[] {
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.segment)
}

/** Where the text may be broken into lines, and at what cost: after the words the segmenter finds. */
function breakPoints(text: string, lang: string): BreakPoint[] {
  const words = wordsOf(text, lang)
  const points: BreakPoint[] = []
  let at = 0
  words.forEach((word, i) => {
    at += word.length
    const next = words[i + 1]
    if (next === undefined || /^\s+$/.test(word)) return
    const before = text.slice(0, at).trimEnd()
    const after = text.slice(at).trimStart()
    // Never before punctuation (a space is where Latin lines break), never inside a number such as "58.5".
    if (/^\p{P}/u.test(next) && !/^[(（「『“‘]/.test(next)) return
    if (/\d$/.test(before) && /^\d/.test(after)) return
    if (/[(（「『“‘]$/.test(before)) return
    let penalty: number
    if (HAN.test(before.at(-1) ?? '') || HAN.test(after[0] ?? '')) {
      const single = (w: string) => [...w].length === 1 && HAN.test(w)
      if (PHRASE_PUNCTUATION.test(before)) penalty = 0
      else penalty = single(word) && single(next) ? INSIDE_NAME : BETWEEN_WORDS
    } else {
      const previousWord = /(\S+)$/.exec(before)?.[1] ?? ''
      const nextWord = /^(\S+)/.exec(after)?.[1] ?? ''
      // "C." and "Mr." are parts of a name; "river." ends a sentence.
      const nameAbbreviation = /^[A-Z][a-z]?\.$/.test(previousWord)
      if (/[,;:!?)”’]$/.test(previousWord) || (/\.$/.test(previousWord) && !nameAbbreviation)) penalty = 0
      else if (/^[A-Z]/.test(previousWord) && /^[A-Z]/.test(nextWord)) penalty = INSIDE_NAME
      else if (LATIN_PHRASE_WORD.test(nextWord)) penalty = BEFORE_PHRASE
      else penalty = BETWEEN_WORDS
    }
    points.push({ at, penalty })
  })
  return points
}

/**
 * Breaks a caption's text into lines of at most the language's line length, as few as possible and as even as
 * possible, at phrase boundaries first (after ， ； ： and their Latin forms, before a conjunction), then between
 * words, and inside a name only when nothing else fits. A single word longer than a line stays whole.
 */
export function breakLines(text: string, lang: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim()
  const { maxLineChars } = captionRules(lang)
  if ([...clean].length <= maxLineChars) return clean === '' ? [] : [clean]
  const points = [{ at: 0, penalty: 0 }, ...breakPoints(clean, lang), { at: clean.length, penalty: 0 }]
  const best = points.map(() => ({ cost: Infinity, from: -1 }))
  best[0] = { cost: 0, from: -1 }
  for (let j = 1; j < points.length; j++) {
    for (let i = 0; i < j; i++) {
      const length = [...clean.slice(points[i]!.at, points[j]!.at).trim()].length
      const over = Math.max(0, length - maxLineChars)
      const cost =
        best[i]!.cost +
        over * OVER_LIMIT_PER_CHAR +
        PER_LINE +
        length ** 2 +
        (j < points.length - 1 ? points[j]!.penalty : 0)
      if (cost < best[j]!.cost) best[j] = { cost, from: i }
    }
  }
  const lines: string[] = []
  for (let j = points.length - 1; j > 0; j = best[j]!.from)
    lines.unshift(clean.slice(points[best[j]!.from]!.at, points[j]!.at).trim())
  return lines.filter((line) => line !== '')
}
