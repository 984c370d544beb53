import { captionRules, cueProblems, isHanLanguage, type CaptionProblem } from '@/lib/caption-rules'
import { parseVtt, type Cue } from '@/lib/parse-vtt'

import type { Lang, Route } from './schema'
import type { DomainProblem, NarrationMedia } from './validation-types'

/** Cues of one track listed one by one before the rest are only counted: a whole bad file is one fix. */
const MAX_CUE_WARNINGS = 5

/** A cue's start as the player's time reads, m:ss.s. */
function time(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${(seconds - minutes * 60).toFixed(1).padStart(4, '0')}`
}

/** What a broken rule means for a viewer and how to mend the cue. */
function ruleMessage(problem: CaptionProblem): string {
  switch (problem.rule) {
    case 'lines':
      return `${problem.lines} lines (at most ${problem.max}): split the cue in two`
    case 'line-length':
      return `line ${problem.line} has ${problem.chars} characters (at most ${problem.max}): break it at a phrase or split the cue`
    case 'reading-speed':
      return `${problem.charsPerSecond.toFixed(1)} characters a second, too fast to read (at most ${problem.max}): show it longer or shorten its text`
    case 'duration':
      return `on screen ${problem.seconds.toFixed(2)} s, too short to read (at least ${problem.min.toFixed(2)} s): show it longer or join it to the next cue`
  }
}

/** Warnings for the cues of one track that break the caption rules of its language. */
export function cueRuleProblems(
  cues: readonly Cue[],
  lang: string,
  stopId: string,
  path: DomainProblem['path'],
): DomainProblem[] {
  const bad = cues.flatMap((cue, i) => {
    const problems = cueProblems(cue, lang)
    return problems.length > 0 ? [{ cue, number: i + 1, problems }] : []
  })
  const { maxLines, maxLineChars, maxCharsPerSecond } = captionRules(lang)
  const warnings: DomainProblem[] = bad.slice(0, MAX_CUE_WARNINGS).map(({ cue, number, problems }) => ({
    severity: 'warning',
    path,
    message: `stop "${stopId}", ${lang} captions, cue ${number} (${time(cue.start)}): ${problems.map(ruleMessage).join('; ')}`,
  }))
  if (bad.length > MAX_CUE_WARNINGS)
    warnings.push({
      severity: 'warning',
      path,
      message:
        `stop "${stopId}", ${lang} captions: ${bad.length - MAX_CUE_WARNINGS} more cues break the caption rules ` +
        `(${maxLines} lines of ${maxLineChars} characters, ${maxCharsPerSecond} characters a second): ` +
        `re-cut them, or run npm run narration for generated narration`,
    })
  return warnings
}

/**
 * Text reduced to what is said: the lexicon's respellings applied (so a caption of the spoken form matches the
 * story's written form), compatibility forms unified, letters lower-cased, and everything but letters and
 * digits (punctuation, spaces, line breaks) left out.
 */
export function spokenText(text: string, respellings: readonly (readonly [string, string])[] = []): string {
  let out = text.normalize('NFKC')
  for (const [written, said] of respellings) out = out.split(written).join(said)
  return out.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

function commonPrefix(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

/**
 * A warning when a track's captions no longer say what the stop's title and story say (or its story alone):
 * the text was edited after the narration was made. Names the cue where they part.
 */
export function staleNarrationProblem(
  cues: readonly Cue[],
  expected: { title: string | undefined; story: string | undefined },
  lang: string,
  stopId: string,
  path: DomainProblem['path'],
  respellings: readonly (readonly [string, string])[] = [],
): DomainProblem | undefined {
  if (cues.length === 0 || expected.story === undefined) return undefined
  const said = cues.map((cue) => spokenText(cue.text, respellings))
  const captions = said.join('')
  const story = spokenText(expected.story, respellings)
  const titled = spokenText(expected.title ?? '', respellings) + story
  if (captions === story || captions === titled) return undefined
  const agreed = Math.max(commonPrefix(captions, story), commonPrefix(captions, titled))
  let where: string
  if (agreed >= captions.length) where = 'the story goes on after the last cue'
  else {
    // The cue holding the first character that differs.
    let index = 0
    let end = said[0]!.length
    while (end <= agreed && index < said.length - 1) end += said[++index]!.length
    const cue = cues[index]!
    const shown = cue.text.replace(/\s*\n\s*/g, isHanLanguage(lang) ? '' : ' ')
    where = `they part from the story at cue ${index + 1} (${time(cue.start)}, "${shown}")`
  }
  return {
    severity: 'warning',
    rule: 'stale-narration',
    path,
    message:
      `stop "${stopId}", ${lang}: the narration's captions no longer say what the title and story say; ` +
      `${where}. The text was edited after the narration was made: make it again (npm run narration) or ` +
      `re-record it with captions of the new text`,
  }
}

/**
 * Checks of each narration's caption file that the CLI can read: cues that break the caption rules, and captions
 * that no longer match the story. Warnings: the narration still plays. Files that are missing or do not parse are
 * reported by `captionProblems`.
 */
export function captionTextProblems(route: Route, media: NarrationMedia): DomainProblem[] {
  const problems: DomainProblem[] = []
  route.stops.forEach((stop, i) => {
    for (const [lang, track] of Object.entries(stop.narration)) {
      const text = media.captionsText(track.captions)
      if (text === undefined) continue
      let cues: Cue[]
      try {
        cues = parseVtt(text)
      } catch {
        continue
      }
      const path = ['stops', i, 'narration', lang, 'captions']
      problems.push(...cueRuleProblems(cues, lang, stop.id, path))
      const expected = { title: stop.title[lang as Lang], story: stop.story[lang as Lang] }
      const stale = staleNarrationProblem(cues, expected, lang, stop.id, path, media.respellings?.(lang))
      if (stale) problems.push(stale)
    }
  })
  return problems
}
