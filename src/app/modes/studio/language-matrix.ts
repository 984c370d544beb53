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

/** How many pieces are missing: not declared, or declared with a file that is not in the pack. */
export function countGaps(rows: readonly LanguageRow[], missingFiles: ReadonlySet<string>): number {
  let gaps = 0
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.story) gaps++
      for (const path of [cell.audio, cell.captions]) if (path === null || missingFiles.has(path)) gaps++
    }
  }
  return gaps
}
