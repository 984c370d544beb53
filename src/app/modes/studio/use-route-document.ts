import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'

import { routeJsonSchema } from '@/route/json-schema'
import { resolveRouteSource } from '@/route/load-route'
import { fetchRouteFile } from '@/route/route-file'
import { RouteIndexSchema, type RouteIndex } from '@/route/schema'
import { validateRouteText, type ValidationResult } from '@/route/validate'

import { discardDraft, loadDraft, saveDraft, type Draft } from './autosave'
import { printJsonText } from './json-print'
import type { RouteEditorHandle } from './route-editor'
import { migrateText, readRouteDraft, type RouteDraft } from './route-draft'
import { useCaptionFiles } from './use-caption-files'
import { usePackFiles, type PackFiles } from './use-pack-files'

export const ROUTES_URL = new URL(`${import.meta.env.BASE_URL}routes-data/`, location.href).href
const VALIDATE_DELAY_MS = 250
const AUTOSAVE_DELAY_MS = 800
export const SCHEMA = routeJsonSchema()

/** A migration applied on opening a file: named, so the curator knows what changed. */
export interface Migration {
  file: string
  from: number
  notices: string[]
}

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

/** Saves a file the page made, as a download. */
export function download(blob: Blob, name: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name
  link.click()
  URL.revokeObjectURL(link.href)
}

/** Loads a text into the editor (a function of the ref, so the hook's callbacks depend on the ref alone). */
function loadInto(editor: RefObject<RouteEditorHandle | null>, text: string): void {
  editor.current?.load(text)
}

export interface RouteDocument {
  index: RouteIndex | null
  /** The editor's text as last edited. */
  text: string
  /** Where the text came from: a route file's path, a file name. */
  source: string
  /** The folder the draft's files are read from; null for a file opened on its own, whose folder is unknown. */
  packUrl: string | null
  draft: RouteDraft
  packFiles: PackFiles
  result: ValidationResult
  /** The text `result` is of (validation is debounced). */
  checked: string
  /** An autosaved draft found on opening, offered back. */
  saved: Draft | null
  migration: Migration | null
  notice: string
  dismissMigration: () => void
  openFromIndex: (id: string) => void
  openFile: (file: File) => Promise<void>
  restoreSaved: () => void
  discardSaved: () => void
  onEdit: (next: string) => void
  exportJson: () => void
}

/**
 * The route being edited, as a document: opening (index, file, drop), migration on open, validation (debounced,
 * with the files its folder holds), autosave of every edit and export. The editor holds the text; this hook
 * loads it there and follows its edits.
 */
export function useRouteDocument(
  editor: RefObject<RouteEditorHandle | null>,
  /** Called when a route is opened (stable: opening is a callback of it). */
  onOpen: () => void,
): RouteDocument {
  const [index, setIndex] = useState<RouteIndex | null>(null)
  const [text, setText] = useState('')
  const [source, setSource] = useState('')
  const [packUrl, setPackUrl] = useState<string | null>(null)
  const [saved, setSaved] = useState<Draft | null>(null)
  const [migration, setMigration] = useState<Migration | null>(null)
  const [notice, setNotice] = useState('')
  const dirty = useRef(false)

  const open = useCallback(
    (file: string, from: string, folder: string | null, unsaved = false) => {
      const migrated = migrateText(file, SCHEMA)
      loadInto(editor, migrated.text)
      setText(migrated.text)
      setSource(from)
      setPackUrl(folder)
      setMigration(
        migrated.migratedFrom === undefined
          ? null
          : { file: from, from: migrated.migratedFrom, notices: migrated.notices },
      )
      dirty.current = unsaved
      onOpen()
    },
    [editor, onOpen],
  )

  const openListed = useCallback(
    async (routeIndex: RouteIndex, id: string) => {
      const resolved = resolveRouteSource(routeIndex, id, ROUTES_URL)
      if (!resolved.ok) return setNotice(resolved.message)
      try {
        open(await fetchRouteFile(resolved.routeUrl), resolved.file, resolved.packUrl)
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
      await openListed(parsed, parsed.default)
    })().catch((error: unknown) => setNotice(String(error)))
    return () => {
      cancelled = true
    }
  }, [openListed])

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

  useEffect(() => {
    if (!dirty.current) return
    const timer = setTimeout(() => void saveDraft({ text, source, savedAt: Date.now() }), AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, source])

  const onEdit = useCallback((next: string) => {
    dirty.current = true
    setText(next)
  }, [])

  const openFile = async (file: File) => {
    const fileText = await file.text()
    open(fileText, file.name, listedFolder(index, fileText))
  }

  const exportJson = () => {
    const current = editor.current?.getText() ?? text
    // Broken JSON is exported as it is: nothing is lost.
    const pretty = printJsonText(current) ?? current
    download(new Blob([pretty], { type: 'application/json' }), source.split('/').pop() || 'route.json')
  }

  return {
    index,
    text,
    source,
    packUrl,
    draft,
    packFiles,
    result,
    checked,
    saved,
    migration,
    notice,
    dismissMigration: () => setMigration(null),
    openFromIndex: (id) => index && void openListed(index, id),
    openFile,
    restoreSaved: () => {
      if (!saved) return
      open(saved.text, saved.source, listedFolder(index, saved.text), true)
      setSaved(null)
    },
    discardSaved: () => {
      void discardDraft()
      setSaved(null)
    },
    onEdit,
    exportJson,
  }
}
