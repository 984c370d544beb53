import { breakLines, captionRules, isHanLanguage } from '../../src/lib/caption-rules'

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
// A cut between cues after 、 (between the items of a list): more than after a clause, less than inside one.
const AT_LIST_MARK = 1e6

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

/** A caption: the text spoken and shown, and its lines. */
interface Cue {
  text: string
  lines: string[]
}

function cueOf(lines: string[], lang: string): Cue {
  return { text: lines.join(isHanLanguage(lang) ? '' : ' '), lines }
}

/**
 * The cues of one piece of a sentence: its lines (see {@link breakLines}), at most a cue's worth each, the last
 * cue of a piece of three lines taking one.
 */
function cuesOf(piece: string, lang: string): Cue[] {
  const lines = breakLines(piece, lang)
  const { maxLines } = captionRules(lang)
  const cues: Cue[] = []
  for (let i = 0; i < lines.length; i += maxLines) cues.push(cueOf(lines.slice(i, i + maxLines), lang))
  return cues
}

/** Where a piece may be cut between cues, and at what cost: after its clauses first, else between words. */
function cuePoints(text: string, lang: string): BreakPoint[] {
  const points: BreakPoint[] = []
  for (const match of text.matchAll(/[，；：、。！？…]|[,;:.!?](?=\s)/g))
    points.push({ at: match.index + match[0].length, penalty: match[0] === '、' ? AT_LIST_MARK : 0 })
  let at = 0
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    at += segment.length
    // Never before punctuation nor inside a number and its unit ("1976年").
    if (!/^\p{P}/u.test(text.slice(at)) && !/\d$/.test(text.slice(0, at)))
      points.push({ at, penalty: AT_ANY_SPACE })
  }
  return finish(points, text)
}

/**
 * Cuts a piece into exactly `count` cues (as {@link cuesOf} would when it cannot), each of at most two lines,
 * as even as possible, after a clause where it can and between words where it must.
 */
function cuesInto(piece: string, lang: string, count: number): Cue[] {
  const { maxLines } = captionRules(lang)
  const points = [{ at: 0, penalty: 0 }, ...cuePoints(piece, lang), { at: piece.length, penalty: 0 }]
  if (points.length - 1 < count) return cuesOf(piece, lang)
  const cost = (i: number, j: number) => {
    const text = piece.slice(points[i]!.at, points[j]!.at)
    const lines = breakLines(text, lang).length
    return (
      Math.max(0, lines - maxLines) * OVER_LIMIT_PER_CHAR +
      [...text.trim()].length ** 2 +
      (j < points.length - 1 ? points[j]!.penalty : 0)
    )
  }
  // best[m][j]: the cheapest cut of the text before point j into m cues.
  const best = Array.from({ length: count + 1 }, () => points.map(() => ({ cost: Infinity, from: -1 })))
  best[0]![0] = { cost: 0, from: -1 }
  for (let m = 1; m <= count; m++)
    for (let j = 1; j < points.length; j++)
      for (let i = m - 1; i < j; i++) {
        const total = best[m - 1]![i]!.cost + cost(i, j)
        if (total < best[m]![j]!.cost) best[m]![j] = { cost: total, from: i }
      }
  const cues: Cue[] = []
  for (let m = count, j = points.length - 1; m > 0; j = best[m]![j]!.from, m--)
    cues.unshift(cueOf(breakLines(piece.slice(points[best[m]![j]!.from]!.at, points[j]!.at), lang), lang))
  return cues
}

/** One language's text of a stop's narration. */
export interface NarrationText {
  title: string
  story: string
  lang: string
}

interface Sentence {
  text: string
  /** The pause after the sentence's last cue. */
  breakAfter: SegmentBreak
  title: boolean
}

/** The title, then each story paragraph's sentences, with the pause after each. */
function sentencesOf({ title, story, lang }: NarrationText): Sentence[] {
  const paragraphs = story
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, isHanLanguage(lang) ? '' : ' ').trim())
    .filter((p) => p !== '')
  const sentences: Sentence[] = [
    { text: title.trim(), breakAfter: paragraphs.length === 0 ? 'end' : 'title', title: true },
  ]
  paragraphs.forEach((paragraph, p) => {
    const inParagraph = splitSentences(paragraph, lang)
    inParagraph.forEach((text, s) => {
      const breakAfter: SegmentBreak =
        s < inParagraph.length - 1 ? 'sentence' : p < paragraphs.length - 1 ? 'paragraph' : 'end'
      sentences.push({ text, breakAfter, title: false })
    })
  })
  return sentences
}

/** A sentence's cues in one language alone: split at commas, then into cues of at most two lines. */
function sentenceCues(sentence: Sentence, lang: string): Cue[] {
  if (sentence.title) return cuesOf(sentence.text, lang)
  return splitLongSegment(sentence.text, maxSegmentLength(lang)).flatMap((piece) => cuesOf(piece, lang))
}

// Clause marks of Chinese text, strongest first in the order they are tried for lining two texts up.
const CLAUSE_MARKS = [/[，；：、]/g, /[，；：]/g, /[；：]/g]

/** A sentence cut after each of `marks`, keeping the mark with the clause before it. */
function clausesOf(text: string, marks: RegExp): string[] {
  const clauses: string[] = []
  let start = 0
  for (const match of text.matchAll(marks)) {
    const end = match.index + match[0].length
    if (end < text.length) clauses.push(text.slice(start, end))
    start = Math.min(end, text.length)
  }
  clauses.push(text.slice(start))
  return clauses.filter((c) => c.trim() !== '')
}

/** The extra cost of ending a piece after this clause, as {@link breakPoints} rates its mark. */
function markPenalty(clause: string, maxLength: number): number {
  const mark = clause.trim().at(-1)
  if (mark === '、') return (maxLength / 2) ** 2
  return mark === '；' || mark === ';' ? -((maxLength / 5) ** 2) : 0
}

/**
 * One sentence's cues in several Chinese languages cut at the same clause breaks, so that each language has as
 * many cues and the n-th cue of each says the same. The clauses are lined up by their marks (with 、, then
 * without, then only ； and ：); the pieces are chosen for all languages at once, as {@link splitLongSegment}
 * chooses them for one; a piece that needs more cues in one language is cut into as many in every other.
 */
function parallelSentenceCues(sentences: Sentence[], langs: string[]): Cue[][] {
  const marks = sentences[0]!.title
    ? undefined
    : CLAUSE_MARKS.find((m) => new Set(sentences.map((s) => clausesOf(s.text, m).length)).size === 1)
  if (!marks) {
    // Nothing to line up: each language cut alone, then all cut into as many cues as the one needing most.
    const alone = sentences.map((s, i) => sentenceCues(s, langs[i]!))
    const count = Math.max(...alone.map((cues) => cues.length))
    return alone.map((cues, i) =>
      cues.length === count ? cues : cuesInto(sentences[i]!.text, langs[i]!, count),
    )
  }
  const clauses = sentences.map((s) => clausesOf(s.text, marks))
  const n = clauses[0]!.length
  const piece = (l: number, i: number, j: number) => clauses[l]!.slice(i, j).join('').trim()
  const best: { cost: number; from: number }[] = Array.from({ length: n + 1 }, () => ({
    cost: Infinity,
    from: -1,
  }))
  best[0] = { cost: 0, from: -1 }
  for (let j = 1; j <= n; j++) {
    for (let i = 0; i < j; i++) {
      let cost = best[i]!.cost + PER_PIECE
      langs.forEach((lang, l) => {
        const maxLength = maxSegmentLength(lang)
        const length = [...piece(l, i, j)].length
        cost += Math.max(0, length - maxLength) * OVER_LIMIT_PER_CHAR + length ** 2
        if (j < n) cost += markPenalty(clauses[l]![j - 1]!, maxLength)
      })
      if (cost < best[j]!.cost) best[j] = { cost, from: i }
    }
  }
  const bounds: number[] = []
  for (let j = n; j > 0; j = best[j]!.from) bounds.unshift(j)
  const cues: Cue[][] = langs.map(() => [])
  bounds.forEach((j, b) => {
    const i = b === 0 ? 0 : bounds[b - 1]!
    const alone = langs.map((lang, l) => cuesOf(piece(l, i, j), lang))
    const count = Math.max(...alone.map((c) => c.length))
    alone.forEach((c, l) =>
      cues[l]!.push(...(c.length === count ? c : cuesInto(piece(l, i, j), langs[l]!, count))),
    )
  })
  return cues
}

function segmentsOf(sentences: Sentence[], cues: Cue[][]): TextSegment[] {
  return sentences.flatMap((sentence, s) =>
    cues[s]!.map((cue, k) => ({
      ...cue,
      breakAfter: k === cues[s]!.length - 1 ? sentence.breakAfter : ('clause' as const),
    })),
  )
}

/**
 * Cuts a stop's narration into caption-sized segments: the title, then each story paragraph's sentences, with
 * over-long sentences split at commas and then into cues of at most two lines. `breakAfter` tells what kind of
 * pause follows each segment.
 */
export function segmentNarration(title: string, story: string, lang: string): TextSegment[] {
  return segmentNarrations([{ title, story, lang }])[0]!
}

/**
 * Cuts the same narration in several languages, each as {@link segmentNarration} does. Chinese languages whose
 * texts have the same paragraphs and sentences (中文 and 粤语) are cut at the same clause breaks into as many
 * cues, so that a listener who changes language mid-story goes on from the same sentence.
 */
export function segmentNarrations(texts: NarrationText[]): TextSegment[][] {
  const sentences = texts.map(sentencesOf)
  const han = texts.flatMap((t, i) => (isHanLanguage(t.lang) ? [i] : []))
  const shape = (i: number) => sentences[i]!.map((s) => s.breakAfter).join()
  const parallel = han.length > 1 && han.every((i) => shape(i) === shape(han[0]!))
  const cues = sentences.map((list, i) => list.map((s) => sentenceCues(s, texts[i]!.lang)))
  if (parallel)
    sentences[han[0]!]!.forEach((_, s) => {
      const together = parallelSentenceCues(
        han.map((i) => sentences[i]![s]!),
        han.map((i) => texts[i]!.lang),
      )
      han.forEach((i, h) => (cues[i]![s] = together[h]!))
    })
  return sentences.map((list, i) => segmentsOf(list, cues[i]!))
}
