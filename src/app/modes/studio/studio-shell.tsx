import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'

import { fetchLimitedText, MAX_ROUTE_BYTES, resolveRouteSource, ROUTE_TIMEOUT_MS } from '@/route/load-route'
import { formatProblem } from '@/route/problem'
import { RouteIndexSchema, type RouteIndex } from '@/route/schema'
import { validateRouteText } from '@/route/validate'
import { createTourStore } from '@/tour/tour-store'

import { TourShell } from '../tour/tour-shell'

import { discardDraft, loadDraft, saveDraft, type Draft } from './autosave'
import { RouteEditor, type RouteEditorHandle } from './route-editor'

const ROUTES_URL = new URL(`${import.meta.env.BASE_URL}routes-data/`, location.href).href
const VALIDATE_DELAY_MS = 250
const AUTOSAVE_DELAY_MS = 800

/**
 * The curators' studio (`?mode=studio`): open a route (from the index, a file, a drop or a paste), edit it with
 * the same validator as the CLI checking every change, jump to each problem, preview it as tourists get it,
 * export it; every edit is autosaved and offered back after a crash or reload.
 */
export function StudioShell() {
  const editor = useRef<RouteEditorHandle>(null)
  const [index, setIndex] = useState<RouteIndex | null>(null)
  const [text, setText] = useState('')
  const [source, setSource] = useState('')
  const [packUrl, setPackUrl] = useState(ROUTES_URL)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [notice, setNotice] = useState('')
  const [preview, setPreview] = useState<{
    version: number
    store: ReturnType<typeof createTourStore>
  } | null>(null)
  const dirty = useRef(false)

  const open = useCallback((next: string, from: string) => {
    editor.current?.setText(next)
    setText(next)
    setSource(from)
    dirty.current = false
  }, [])

  const openFromIndex = useCallback(
    async (routeIndex: RouteIndex, id: string) => {
      const resolved = resolveRouteSource(routeIndex, id, ROUTES_URL)
      if (!resolved.ok) return setNotice(resolved.message)
      try {
        open(await fetchLimitedText(resolved.routeUrl, MAX_ROUTE_BYTES, ROUTE_TIMEOUT_MS), resolved.file)
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
      const [indexText, saved] = await Promise.all([
        fetchLimitedText(new URL('index.json', ROUTES_URL).href, MAX_ROUTE_BYTES, ROUTE_TIMEOUT_MS),
        loadDraft(),
      ])
      if (cancelled) return
      const parsed = RouteIndexSchema.parse(JSON.parse(indexText))
      setIndex(parsed)
      if (saved) setDraft(saved)
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
  const result = useMemo(() => validateRouteText(checked), [checked])
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

  const openFile = async (file: File) => open(await file.text(), file.name)
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0]
    if (!file) return
    event.preventDefault()
    void openFile(file)
  }

  const exportRoute = () => {
    let pretty = text
    try {
      // Key order is kept as written, so diffs stay small and untouched fields keep their place.
      pretty = JSON.stringify(JSON.parse(text), null, 2) + '\n'
    } catch {
      // Broken JSON is exported as it is: nothing is lost.
    }
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }))
    link.download = source.split('/').pop() || 'route.json'
    link.click()
    URL.revokeObjectURL(link.href)
  }

  const errors = result.problems.filter((p) => p.severity === 'error').length
  const warnings = result.problems.length - errors
  return (
    <div className="studio" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="studio-header">
        <h1>Studio · 策展工作室</h1>
        <label>
          Route{' '}
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
          Open file…
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])}
          />
        </label>
        <button type="button" onClick={exportRoute}>
          Export JSON
        </button>
        <button
          type="button"
          disabled={!result.route}
          onClick={() =>
            result.route &&
            setPreview((p) => ({
              version: (p?.version ?? 0) + 1,
              store: createTourStore(result.route!, { lang: result.route!.defaultLanguage, packUrl }),
            }))
          }
        >
          Preview
        </button>
      </header>
      {draft && (
        <div className="studio-draft" role="alert">
          <span>
            An unsaved draft of “{draft.source}” from {new Date(draft.savedAt).toLocaleString()} was found.
          </span>
          <button
            type="button"
            onClick={() => {
              editor.current?.setText(draft.text)
              setText(draft.text)
              setSource(draft.source)
              dirty.current = true
              setDraft(null)
            }}
          >
            Restore
          </button>
          <button
            type="button"
            onClick={() => {
              void discardDraft()
              setDraft(null)
            }}
          >
            Discard
          </button>
        </div>
      )}
      {notice && <p className="studio-notice error">{notice}</p>}
      <section className="studio-editor" aria-label="Route JSON">
        <RouteEditor ref={editor} label="Route JSON" onEdit={onEdit} />
      </section>
      <section className="studio-problems" aria-labelledby="problems-title">
        <h2 id="problems-title">
          {errors === 0 && warnings === 0 ? 'No problems' : `${errors} errors, ${warnings} warnings`}
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
      <section className="studio-preview" aria-label="Preview">
        {preview ? (
          <TourShell key={preview.version} store={preview.store} sharedScreen />
        ) : (
          <p className="status">Press Preview to see the route as tourists do.</p>
        )}
      </section>
    </div>
  )
}
