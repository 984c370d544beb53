import { breakLines, captionRules, isHanLanguage } from '../../src/narration/captions/caption-rules'

/** What follows a segment: decides the length of the silence after it in the narration. */
export type SegmentBreak = 'title' | 'paragraph' | 'sentence' | 'clause' | 'end'

/** One caption-sized piece of narration: synthesised on its own and shown as one cue of `lines`. */
export interface TextSegment {
  text: string
  /** The caption's lines, broken at phrase boundaries within the caption rules. */
  lines: string[]
  breakAfter: SegmentBreak
}

/** Longest segment, in characters, before it is split at a comma: a cue's lines, full. */
export function maxSegmentLength(lang: string): number {
  const { maxLines, maxLineChars } = captionRules(lang)
  return maxLines * maxLineChars
}

// A CJK sentence ends at 。！？ (or an ellipsis), plus any closing quotes or brackets that follow it.
const CJK_SENTENCE_END = /(?:[。！？]+|…+)[”’」』）)》〕】]*/g

function splitCjkSentences(paragraph: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (const match of paragraph.matchAll(CJK_SENTENCE_END)) {
    const end = match.index + match[0].length
    sentences.push(paragraph.slice(start, end))
    start = end
  }
  sentences.push(paragraph.slice(start))
  return sentences.map((s) => s.trim()).filter((s) => s !== '')
}

// Words after which a full stop does not end the sentence ("Mr. Wang", "St. Paul's", "c. 1850").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'jr', 'sr', 'rev', 'fr', 'gen', 'col', 'capt', 'lt', 'sgt',
  'gov', 'hon', 'ave', 'rd', 'blvd', 'co', 'corp', 'inc', 'ltd', 'bros', 'vs', 'approx', 'ca', 'c', 'cf', 'al',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]) // prettier-ignore

// Abbreviations that are ordinary words too ("the answer was no."): only when a number follows.
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'p', 'pp', 'fig'])

function endsSentence(before: string, after: string): boolean {
  const stop = before.replace(/["'”’)\]]+$/, '')
  if (!stop.endsWith('.')) return true // ! and ? always end a sentence
  const word = /(\S+)\.$/.exec(stop)?.[1] ?? ''
  const bare = word.replace(/^["'“‘([]+/, '')
  // Lower-case next word: "e.g. the", "etc. and", "p.m. on" continue the sentence.
  if (/^["'“‘([]*[a-z]/.test(after)) return false
  if (ABBREVIATIONS.has(bare.toLowerCase())) return false
  if (NUMBER_ABBREVIATIONS.has(bare.toLowerCase()) && /^\d/.test(after)) return false
  // Initials: "C. D. Arnott", "U.S.".
  if (/^[A-Z]$/.test(bare) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(bare)) return false
  return true
}

function splitLatinSentences(paragraph: string): string[] {
  const sentences: string[] = []
  let start = 0
  // Terminal punctuation followed by white space: "31.85" and "3.5" never match because no space follows the point.
  for (const match of paragraph.matchAll(/[.!?…]+["'”’)\]]*(?=\s)/g)) {
    const end = match.index + match[0].length
    const after = paragraph.slice(end).trimStart()
    if (after === '' || !endsSentence(paragraph.slice(start, end), after)) continue
    sentences.push(paragraph.slice(start, end))
    start = end
  }
  sentences.push(paragraph.slice(start))
  return sentences.map((s) => s.trim()).filter((s) => s !== '')
}

/** Splits one paragraph into sentences, keeping each sentence's punctuation. */
export function splitSentences(paragraph: string, lang: string): string[] {
  return isHanLanguage(lang) ? splitCjkSentences(paragraph) : splitLatinSentences(paragraph)
}

interface BreakPoint {
  /** Index where the next piece starts (white space at either end of a piece is trimmed). */
  at: number
  /** Extra cost of breaking here (see {@link splitLongSegment} for the scale). */
  penalty: number
}

// Costs, in the units of squared piece lengths: a piece over the limit costs more than anything else, then a
// break at a word that is not punctuated, then each extra piece; squared lengths make pieces even.
const OVER_LIMIT_PER_CHAR = 1e12
const AT_ANY_SPACE = 1e9
const BEFORE_CONJUNCTION = 1e8
const PER_PIECE = 1e7

// Where an English clause with no comma may still be broken: before a conjunction or preposition.
const LATIN_PHRASE_START =
  /\s(?=(?:and|but|or|nor|which|who|where|when|while|with|by|from|after|before|until|as|to|for|in|on|at|of)\s)/g

function breakPoints(text: string, maxLength: number): BreakPoint[] {
  const points: BreakPoint[] = []
  // Latin , ; : only count when a space follows, so "1,500" and "10:30" stay whole.
  for (const match of text.matchAll(/[，；：、]|[,;:](?=\s)/g)) {
    const mark = match[0]
    // 、 separates items of a list, a weaker break than ， or ：; ；ends a clause, a stronger one.
    const penalty =
      mark === '、' ? (maxLength / 2) ** 2 : mark === '；' || mark === ';' ? -((maxLength / 5) ** 2) : 0
    points.push({ at: match.index + 1, penalty })
  }
  // Last resorts for Latin text, used only when punctuation cannot make the pieces short enough. Chinese has no
  // spaces between words, and a Latin name inside it ("David C. Dick") must not be cut.
  if (!/[\u3400-\u9fff]/.test(text)) {
    for (const match of text.matchAll(LATIN_PHRASE_START))
      points.push({ at: match.index, penalty: BEFORE_CONJUNCTION })
    for (const match of text.matchAll(/\s(?=\S)/g)) points.push({ at: match.index, penalty: AT_ANY_SPACE })
  }
  return finish(points, text)
}

/** Keeps the cheapest break point at each position inside the text, in order. */
function finish(points: BreakPoint[], text: string): BreakPoint[] {
  const byPosition = new Map<number, BreakPoint>()
  for (const point of points) {
    const known = byPosition.get(point.at)
    if (point.at > 0 && point.at < text.length && (!known || point.penalty < known.penalty))
      byPosition.set(point.at, point)
  }
  return [...byPosition.values()].sort((a, b) => a.at - b.at)
}

/**
 * Splits a segment longer than `maxLength` characters into the fewest pieces that fit, as even in length as
 * possible, at ； ， ： (and their Latin forms), then 、. English text with too few commas is broken before a
 * conjunction or preposition, or at last at any space; Chinese text with no comma is left long instead.
 */
export function splitLongSegment(text: string, maxLength: number): string[] {
  const length = (s: string) => [...s.trim()].length
  if (length(text) <= maxLength) return [text]
  const points = [{ at: 0, penalty: 0 }, ...breakPoints(text, maxLength), { at: text.length, penalty: 0 }]
  // Dynamic programming over the break points for the cheapest sequence of pieces.
  const best: { cost: number; from: number }[] = points.map(() => ({ cost: Infinity, from: -1 }))
  best[0] = { cost: 0, from: -1 }
  for (let j = 1; j < points.length; j++) {
    for (let i = 0; i < j; i++) {
      const pieceLength = length(text.slice(points[i]!.at, points[j]!.at))
      const over = Math.max(0, pieceLength - maxLength)
      const cost =
        best[i]!.cost +
        over * OVER_LIMIT_PER_CHAR +
        PER_PIECE +
        pieceLength ** 2 +
        (j < points.length - 1 ? points[j]!.penalty : 0)
      if (cost < best[j]!.cost) best[j] = { cost, from: i }
    }
  }
  const pieces: string[] = []
  for (let j = points.length - 1; j > 0; j = best[j]!.from) {
    pieces.unshift(text.slice(points[best[j]!.from]!.at, points[j]!.at).trim())
  }
  return pieces.filter((p) => p !== '')
}

/**
 * The cues of one piece of a sentence: its lines (see {@link breakLines}), at most a cue's worth each, the last
 * cue of a piece of three lines taking one.
 */
function cuesOf(piece: string, lang: string): { text: string; lines: string[] }[] {
  const lines = breakLines(piece, lang)
  const { maxLines } = captionRules(lang)
  const cues: { text: string; lines: string[] }[] = []
  for (let i = 0; i < lines.length; i += maxLines) {
    const cueLines = lines.slice(i, i + maxLines)
    cues.push({ text: cueLines.join(isHanLanguage(lang) ? '' : ' '), lines: cueLines })
  }
  return cues
}

/**
 * Cuts a stop's narration into caption-sized segments: the title, then each story paragraph's sentences, with
 * over-long sentences split at commas and then into cues of at most two lines. `breakAfter` tells what kind of
 * pause follows each segment.
 */
export function segmentNarration(title: string, story: string, lang: string): TextSegment[] {
  const segments: TextSegment[] = cuesOf(title.trim(), lang).map((cue) => ({ ...cue, breakAfter: 'clause' }))
  const maxLength = maxSegmentLength(lang)
  const paragraphs = story
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, isHanLanguage(lang) ? '' : ' ').trim())
    .filter((p) => p !== '')
  segments[segments.length - 1]!.breakAfter = paragraphs.length === 0 ? 'end' : 'title'
  paragraphs.forEach((paragraph, p) => {
    const sentences = splitSentences(paragraph, lang)
    sentences.forEach((sentence, s) => {
      const cues = splitLongSegment(sentence, maxLength).flatMap((piece) => cuesOf(piece, lang))
      cues.forEach((cue, k) => {
        const lastPiece = k === cues.length - 1
        const lastSentence = s === sentences.length - 1
        const breakAfter: SegmentBreak = !lastPiece
          ? 'clause'
          : !lastSentence
            ? 'sentence'
            : p < paragraphs.length - 1
              ? 'paragraph'
              : 'end'
        segments.push({ ...cue, breakAfter })
      })
    })
  })
  return segments
}
