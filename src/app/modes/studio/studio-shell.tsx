import { getLocation, parseTree } from 'jsonc-parser'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'

import { routeJsonSchema } from '@/route/json-schema'
import { lineIndex, offsetOfPath } from '@/route/json-positions'
import { resolveRouteSource } from '@/route/load-route'
import { fetchRouteFile } from '@/route/route-file'
import { formatProblem } from '@/route/problem'
import { RouteIndexSchema, SCHEMA_VERSION, type RouteIndex } from '@/route/schema'
import { validateRouteText } from '@/route/validate'

import { discardDraft, loadDraft, saveDraft, type Draft } from './autosave'
import type { JsonPath } from './json-edit'
import { printJsonText } from './json-print'
import { LanguageMatrix } from './language-matrix-view'
import { RouteEditor, type RouteEditorHandle } from './route-editor'
import { changeEdits, migrateText, readRouteDraft, type DraftChange } from './route-draft'
import { StopForm } from './stop-form'
import { StudioMap } from './studio-map'
import { StudioPreview } from './studio-preview'
import { studioT as t } from './studio-t'
import { useCaptionFiles } from './use-caption-files'
import { usePackFiles } from './use-pack-files'
import './studio.css'

const ROUTES_URL = new URL(`${import.meta.env.BASE_URL}routes-data/`, location.href).href
const VALIDATE_DELAY_MS = 250
const AUTOSAVE_DELAY_MS = 800
const SCHEMA = routeJsonSchema()

type Tab = 'map' | 'preview' | 'languages'
const TABS: { id: Tab; label: 'studioTabMap' | 'studioTabPreview' | 'studioTabLanguages' }[] = [
  { id: 'map', label: 'studioTabMap' },
  { id: 'preview', label: 'studioTabPreview' },
  { id: 'languages', label: 'studioTabLanguages' },
]

/**
 * The folder of a route file opened on its own: the index's folder for its id when the index lists it (the
 * curator opened a listed route's file), otherwise none.
 */
function listedFolder(index: RouteIndex | null, fileText: string): string | null {
  let id: unknown
  try {
    id = (JSON.parse(fileText) as { id?: unknown } | null)?.id
  } catch {
    return null
  }
  const entry = index?.routes.find((r) => r.id === id)
  return entry ? new URL(`${entry.folder}/`, ROUTES_URL).href : null
}

/** A migration applied on opening a file: named, so the curator knows what changed. */
interface Migration {
  file: string
  from: number
  notices: string[]
}

/**
 * The curators' studio (`?mode=studio`): open a route (from the index, a file, a drop or a paste), edit it as
 * JSON (with the schema's completions), on the map and in forms, with the CLI's validator checking every change;
 * preview it as tourists get it; export it as Prettier-formatted JSON. Older files are migrated on opening, with
 * a notice; every edit is autosaved and offered back after a crash or a reload.
 */
export function StudioShell() {
  const editor = useRef<RouteEditorHandle>(null)
  const [index, setIndex] = useState<RouteIndex | null>(null)
  const [text, setText] = useState('')
  const [source, setSource] = useState('')
  // The folder the draft's files are read from; null for a file opened on its own, whose folder is unknown.
  const [packUrl, setPackUrl] = useState<string | null>(null)
  const [saved, setSaved] = useState<Draft | null>(null)
  const [migration, setMigration] = useState<Migration | null>(null)
  const [notice, setNotice] = useState('')
  const [tab, setTab] = useState<Tab>('map')
  const [selected, setSelected] = useState<number | null>(0)
  const dirty = useRef(false)

  const open = useCallback((file: string, from: string, unsaved = false) => {
    const migrated = migrateText(file, SCHEMA)
    editor.current?.load(migrated.text)
    setText(migrated.text)
    setSource(from)
    setSelected(0)
    setMigration(
      migrated.migratedFrom === undefined
        ? null
        : { file: from, from: migrated.migratedFrom, notices: migrated.notices },
    )
    dirty.current = unsaved
  }, [])

  const openFromIndex = useCallback(
    async (routeIndex: RouteIndex, id: string) => {
      const resolved = resolveRouteSource(routeIndex, id, ROUTES_URL)
      if (!resolved.ok) return setNotice(resolved.message)
      try {
        open(await fetchRouteFile(resolved.routeUrl), resolved.file)
        setPackUrl(resolved.packUrl)
      } catch (error) {
        setNotice(String(error))
      }
    },
    [open],
  )

  useEffect(() => {
    let cancelled = false
    void (async () => {
      const [indexText, draft] = await Promise.all([
        fetchRouteFile(new URL('index.json', ROUTES_URL).href),
        loadDraft(),
      ])
      if (cancelled) return
      const parsed = RouteIndexSchema.parse(JSON.parse(indexText))
      setIndex(parsed)
      if (draft) setSaved(draft)
      await openFromIndex(parsed, parsed.default)
    })().catch((error: unknown) => setNotice(String(error)))
    return () => {
      cancelled = true
    }
  }, [openFromIndex])

  const [checked, setChecked] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setChecked(text), VALIDATE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text])
  const draft = useMemo(() => readRouteDraft(text), [text])
  const packFiles = usePackFiles(draft.value, packUrl)
  const captionFiles = useCaptionFiles(draft, packUrl)
  // A caption file that is not there (an HTML page in its place) is reported as not found, not as bad WebVTT.
  const narrationMedia = useMemo(
    () =>
      captionFiles && {
        ...captionFiles,
        captionsText: (path: string) =>
          packFiles.missing.has(path) ? undefined : captionFiles.captionsText(path),
      },
    [captionFiles, packFiles],
  )
  const result = useMemo(
    () =>
      validateRouteText(checked, {
        ...(narrationMedia && { narrationMedia }),
        ...(packFiles.checked && {
          assetExists: (path: string) => !packFiles.missing.has(path),
          readText: (path: string) => packFiles.texts.get(path),
        }),
      }),
    [checked, narrationMedia, packFiles],
  )
  useEffect(
    () => editor.current?.showProblems(checked === editor.current.getText() ? result.problems : []),
    [result, checked],
  )

  useEffect(() => {
    if (!dirty.current) return
    const timer = setTimeout(() => void saveDraft({ text, source, savedAt: Date.now() }), AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, source])

  const onEdit = useCallback((next: string) => {
    dirty.current = true
    setText(next)
  }, [])

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

  const openFile = async (file: File) => {
    const fileText = await file.text()
    open(fileText, file.name)
    setPackUrl(listedFolder(index, fileText))
  }
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0]
    if (!file) return
    event.preventDefault()
    void openFile(file)
  }

  const exportRoute = () => {
    const current = editor.current?.getText() ?? text
    // Broken JSON is exported as it is: nothing is lost.
    const pretty = printJsonText(current) ?? current
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }))
    link.download = source.split('/').pop() || 'route.json'
    link.click()
    URL.revokeObjectURL(link.href)
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
            onChange={(e) => index && void openFromIndex(index, e.target.value)}
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
            accept=".json,application/json"
            onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])}
          />
        </label>
        <button type="button" onClick={() => editor.current?.undo()}>
          {t('studioUndo')}
        </button>
        <button type="button" onClick={() => editor.current?.redo()}>
          {t('studioRedo')}
        </button>
        <button type="button" onClick={exportRoute}>
          {t('studioExport')}
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
            <button
              type="button"
              onClick={() => {
                open(saved.text, saved.source, true)
                setPackUrl(listedFolder(index, saved.text))
                setSaved(null)
              }}
            >
              {t('studioRestore')}
            </button>
            <button
              type="button"
              onClick={() => {
                void discardDraft()
                setSaved(null)
              }}
            >
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
            <button type="button" onClick={() => setMigration(null)}>
              {t('studioDismiss')}
            </button>
          </div>
        )}
        {notice && <p className="studio-notice error">{notice}</p>}
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
          onEdit={onEdit}
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
            <LanguageMatrix draft={draft} packFiles={packFiles} reveal={reveal} t={t} />
          )}
        </div>
      </section>
    </div>
  )
}
