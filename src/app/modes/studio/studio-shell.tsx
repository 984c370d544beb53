import { getLocation, parseTree } from 'jsonc-parser'
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'

import { lineIndex, offsetOfPath } from '@/route/json-positions'
import { formatProblem } from '@/route/problem'
import { SCHEMA_VERSION } from '@/route/schema'

import type { JsonPath } from './json-edit'
import { staleNarrations } from './language-matrix'
import { LanguageMatrix } from './language-matrix-view'
import { RouteEditor, type RouteEditorHandle } from './route-editor'
import { changeEdits, type DraftChange } from './route-draft'
import { StopForm } from './stop-form'
import { StudioMap } from './studio-map'
import { StudioPreview } from './studio-preview'
import { studioT as t } from './studio-t'
import { megabytes, SCHEMA, useRouteDocument } from './use-route-document'
import './studio.css'

type Tab = 'map' | 'preview' | 'languages'
const TABS: { id: Tab; label: 'studioTabMap' | 'studioTabPreview' | 'studioTabLanguages' }[] = [
  { id: 'map', label: 'studioTabMap' },
  { id: 'preview', label: 'studioTabPreview' },
  { id: 'languages', label: 'studioTabLanguages' },
]

/**
 * The curators' studio (`?mode=studio`): open a route (from the index, a file, a drop or a paste), edit it as
 * JSON (with the schema's completions), on the map and in forms, with the CLI's validator checking every change;
 * preview it as tourists get it; export it as Prettier-formatted JSON. Older files are migrated on opening, with
 * a notice; every edit is autosaved and offered back after a crash or a reload.
 */
export function StudioShell() {
  const [tab, setTab] = useState<Tab>('map')
  const [selected, setSelected] = useState<number | null>(0)
  const editor = useRef<RouteEditorHandle>(null)
  const doc = useRouteDocument(
    editor,
    useCallback(() => setSelected(0), []),
  )
  const { index, source, packUrl, draft, packFiles, result, checked, saved, migration, notice } = doc
  useEffect(
    () => editor.current?.showProblems(checked === editor.current.getText() ? result.problems : []),
    [result, checked],
  )

  const onCursor = useCallback((offset: number) => {
    const path = getLocation(editor.current?.getText() ?? '', offset).path
    if (path[0] === 'stops' && typeof path[1] === 'number') setSelected(path[1])
  }, [])

  const change = useCallback((...changes: DraftChange[]) => {
    const handle = editor.current
    if (handle) handle.applyEdits(changeEdits(handle.getText(), changes, SCHEMA))
  }, [])

  const reveal = useCallback((path: JsonPath) => {
    const current = editor.current?.getText() ?? ''
    const offset = offsetOfPath(parseTree(current), path)
    const { line, col } = lineIndex(current)(offset)
    editor.current?.reveal(line, col)
  }, [])

  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0]
    if (!file) return
    event.preventDefault()
    void doc.openFile(file)
  }

  const errors = result.problems.filter((p) => p.severity === 'error').length
  const warnings = result.problems.length - errors
  const selectedStop = selected === null ? undefined : draft.stops[selected]
  return (
    <div className="studio" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="studio-header">
        <h1>{t('studioTitle')}</h1>
        <label>
          {t('studioRoute')}{' '}
          <select
            value={index?.routes.find((r) => source === `routes-data/${r.folder}/route.json`)?.id ?? ''}
            onChange={(e) => doc.openFromIndex(e.target.value)}
          >
            <option value="" disabled>
              —
            </option>
            {index?.routes.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id}
              </option>
            ))}
          </select>
        </label>
        <label className="file-button">
          {t('studioOpenFile')}
          <input
            type="file"
            accept=".json,application/json,.zip,application/zip"
            onChange={(e) => e.target.files?.[0] && void doc.openFile(e.target.files[0])}
          />
        </label>
        <button type="button" onClick={() => editor.current?.undo()}>
          {t('studioUndo')}
        </button>
        <button type="button" onClick={() => editor.current?.redo()}>
          {t('studioRedo')}
        </button>
        <button type="button" onClick={doc.exportJson}>
          {t('studioExport')}
        </button>
        <label className="file-button">
          {t('studioOpenPack')}
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => e.target.files?.[0] && void doc.openFile(e.target.files[0])}
          />
        </label>
        <button type="button" disabled={doc.packing} onClick={() => void doc.exportPack()}>
          {t('studioExportPack')}
        </button>
      </header>
      <div className="studio-notices">
        {saved && (
          <div className="studio-draft" role="alert">
            <span>
              {t('studioDraftFound', {
                source: saved.source,
                time: new Date(saved.savedAt).toLocaleString(),
              })}
            </span>
            <button type="button" onClick={doc.restoreSaved}>
              {t('studioRestore')}
            </button>
            <button type="button" onClick={doc.discardSaved}>
              {t('studioDiscard')}
            </button>
          </div>
        )}
        {migration && (
          <div className="studio-migrated" role="status">
            <p>{t('studioMigrated', { file: migration.file, from: migration.from, to: SCHEMA_VERSION })}</p>
            <ul>
              {migration.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            <button type="button" onClick={doc.dismissMigration}>
              {t('studioDismiss')}
            </button>
          </div>
        )}
        {notice && (
          <p className="studio-notice error" role="alert">
            {notice}
          </p>
        )}
        {doc.packing && (
          <p className="studio-notice" role="status">
            {t('studioPacking')}
          </p>
        )}
        {doc.stored && (
          <div className="studio-stored" role="status">
            <span>{t('studioPackStored', { name: doc.stored.name, size: megabytes(doc.stored.bytes) })}</span>
            <button type="button" onClick={() => void doc.removeStoredFiles()}>
              {t('studioPackRemove')}
            </button>
          </div>
        )}
        {packUrl === null && draft.value && (
          <p className="studio-notice studio-no-folder" role="status">
            {t('studioNoFolder')}
          </p>
        )}
      </div>
      <section className="studio-editor" aria-label={t('studioEditor')}>
        <RouteEditor
          ref={editor}
          label={t('studioEditor')}
          schema={SCHEMA}
          onEdit={doc.onEdit}
          onCursor={onCursor}
        />
      </section>
      <section className="studio-problems" aria-labelledby="problems-title">
        <h2 id="problems-title">
          {errors === 0 && warnings === 0
            ? t(packFiles.checked ? 'studioNoProblems' : 'studioCheckingFiles')
            : t('studioProblemCount', { errors, warnings })}
        </h2>
        <ol>
          {result.problems.map((p, i) => (
            <li key={i} className={p.severity}>
              <button type="button" onClick={() => editor.current?.reveal(p.line, p.col)}>
                {formatProblem(source || 'route.json', p)}
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section className="studio-side" aria-label={t('studioSide')}>
        <div className="studio-tabs" role="tablist">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`studio-tab-${id}`}
              aria-selected={tab === id}
              aria-controls="studio-panel"
              onClick={() => setTab(id)}
            >
              {t(label)}
            </button>
          ))}
        </div>
        <div
          id="studio-panel"
          className={`studio-panel studio-panel-${tab}`}
          role="tabpanel"
          aria-labelledby={`studio-tab-${tab}`}
        >
          {tab === 'map' && (
            <>
              <StudioMap
                key={`${source}\n${packUrl}`}
                draft={draft}
                packUrl={packUrl}
                selected={selected}
                onSelect={setSelected}
                change={change}
                t={t}
              />
              <StopForm
                draft={draft}
                selected={selected}
                onSelect={setSelected}
                change={change}
                reveal={reveal}
                t={t}
              />
            </>
          )}
          {tab === 'preview' && packUrl === null && <p className="status">{t('studioNoFolder')}</p>}
          {tab === 'preview' && packUrl !== null && (
            <StudioPreview
              route={result.route}
              draft={draft}
              packUrl={packUrl}
              stopId={selectedStop?.id ?? null}
              change={change}
              reveal={reveal}
              t={t}
            />
          )}
          {tab === 'languages' && (
            <LanguageMatrix
              draft={draft}
              packFiles={packFiles}
              stale={staleNarrations(result.problems)}
              reveal={reveal}
              t={t}
            />
          )}
        </div>
      </section>
    </div>
  )
}
