import { useMemo } from 'react'

import { LANGUAGE_LABELS } from '@/i18n/messages'

import type { JsonPath } from './json-edit'
import { countGaps, languageMatrix, trackKey } from './language-matrix'
import type { RouteDraft } from './route-draft'
import type { StudioT } from './studio-t'
import type { PackFiles } from './use-pack-files'

/**
 * The language-completeness matrix: for each stop and language, whether there is a story, a narration recording
 * and captions (and whether their files are in the pack, and the recording is not out of date). Gaps are
 * highlighted; each one opens its place in the editor.
 */
export function LanguageMatrix({
  draft,
  packFiles,
  stale,
  reveal,
  t,
}: {
  draft: RouteDraft
  packFiles: PackFiles
  /** The stop × language narrations out of date (`staleNarrations`). */
  stale: ReadonlySet<string>
  reveal: (path: JsonPath) => void
  t: StudioT
}) {
  const rows = useMemo(() => languageMatrix(draft), [draft])
  const missing = packFiles.missing

  if (!draft.value) return <p className="status">{t('studioFormNeedsJson')}</p>
  const gaps = countGaps(rows, missing, stale)
  const mark = (
    kind: 'story' | 'audio' | 'captions',
    path: string | null | boolean,
    target: JsonPath,
    outOfDate = false,
  ) => {
    const state =
      path === false || path === null
        ? 'gap'
        : typeof path === 'string' && missing.has(path)
          ? 'missing'
          : outOfDate
            ? 'stale'
            : 'ok'
    const what = t(
      kind === 'story'
        ? 'studioMatrixStory'
        : kind === 'audio'
          ? 'studioMatrixAudio'
          : 'studioMatrixCaptions',
    )
    const label = t(
      state === 'ok'
        ? 'studioMatrixOk'
        : state === 'gap'
          ? 'studioMatrixGap'
          : state === 'stale'
            ? 'studioMatrixStale'
            : 'studioMatrixNoFile',
      {
        what,
        path: typeof path === 'string' ? path : '',
      },
    )
    return (
      <button
        type="button"
        className={`studio-mark ${state}`}
        title={label}
        aria-label={label}
        onClick={() => reveal(target)}
      >
        {state === 'ok' ? '✓' : state === 'stale' ? '!' : '✗'} {what}
        {state === 'stale' && <small> · {t('studioMatrixStaleMark')}</small>}
      </button>
    )
  }
  return (
    <div className="studio-matrix">
      <p className={gaps > 0 ? 'error' : ''}>{t('studioMatrixSummary', { gaps })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('studioStop')}</th>
            {draft.languages.map((lang) => (
              <th key={lang} scope="col">
                {LANGUAGE_LABELS[lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index} data-stop={row.id}>
              <th scope="row">{`${row.index + 1} · ${row.id}`}</th>
              {row.cells.map((cell) => {
                const stop = ['stops', row.index]
                return (
                  <td key={cell.lang} data-lang={cell.lang}>
                    {mark('story', cell.story, [...stop, 'story', cell.lang])}
                    {mark(
                      'audio',
                      cell.audio,
                      [...stop, 'narration', cell.lang, 'audio'],
                      stale.has(trackKey(row.index, cell.lang)),
                    )}
                    {mark('captions', cell.captions, [...stop, 'narration', cell.lang, 'captions'])}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
