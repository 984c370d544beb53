import type { Problem } from '@/route/problem'
import type { Lang } from '@/route/schema'

import { valueAt, type RouteDraft } from './route-draft'

/** What a stop has in one language: a story, a narration recording and its captions (paths as written). */
export interface LanguageCell {
  lang: Lang
  story: boolean
  audio: string | null
  captions: string | null
}

export interface LanguageRow {
  index: number
  id: string
  cells: LanguageCell[]
}

/** Stop × language: which stories, recordings and captions the draft declares, for the completeness matrix. */
export function languageMatrix(draft: RouteDraft): LanguageRow[] {
  return draft.stops.map((stop) => ({
    index: stop.index,
    id: stop.id,
    cells: draft.languages.map((lang) => {
      const story = valueAt(draft.value, ['stops', stop.index, 'story', lang])
      const audio = valueAt(draft.value, ['stops', stop.index, 'narration', lang, 'audio', 0])
      const captions = valueAt(draft.value, ['stops', stop.index, 'narration', lang, 'captions'])
      return {
        lang,
        story: typeof story === 'string' && story.trim() !== '',
        audio: typeof audio === 'string' ? audio : null,
        captions: typeof captions === 'string' ? captions : null,
      }
    }),
  }))
}

/** A stop × language, as `staleNarrations` names it. */
export const trackKey = (stopIndex: number, lang: string) => `${stopIndex}/${lang}`

/**
 * The stop × language narrations the validator finds out of date (their captions no longer say what the story
 * says): read from its problems, so the studio and `npm run validate` judge staleness the same way.
 */
export function staleNarrations(problems: readonly Problem[]): ReadonlySet<string> {
  const stale = new Set<string>()
  for (const problem of problems) {
    const match = /^\/stops\/(\d+)\/narration\/([^/]+)\//.exec(problem.pointer)
    if (problem.rule === 'stale-narration' && match) stale.add(trackKey(Number(match[1]), match[2]!))
  }
  return stale
}

/**
 * How many pieces are missing: not declared, declared with a file that is not in the pack, or a narration out of
 * date.
 */
export function countGaps(
  rows: readonly LanguageRow[],
  missingFiles: ReadonlySet<string>,
  stale: ReadonlySet<string> = new Set(),
): number {
  let gaps = 0
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.story) gaps++
      for (const path of [cell.audio, cell.captions]) if (path === null || missingFiles.has(path)) gaps++
      if (stale.has(trackKey(row.index, cell.lang))) gaps++
    }
  }
  return gaps
}
