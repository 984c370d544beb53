import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'

import { assetUrl } from '@/route/asset-url'
import { routeJsonSchema } from '@/route/json-schema'
import { resolveRouteSource } from '@/route/load-route'
import { fetchRouteFile } from '@/route/route-file'
import { RouteIndexSchema, type RouteIndex } from '@/route/schema'
import { validateRouteText, type ValidationResult } from '@/route/validate'

import { discardDraft, loadDraft, saveDraft, type Draft } from './autosave'
import { holdPack, isZip, packBlob, type HeldPack } from './held-pack'
import { printJsonText } from './json-print'
import { packFileExists } from './pack-file-check'
import { loadStoredPack, removeStoredPack, storePack, type StoredPack } from './pack-store'
import type { RouteEditorHandle } from './route-editor'
import { migrateText, readRouteDraft, type RouteDraft } from './route-draft'
import {
  MAX_PACK_BYTES,
  namedPackFiles,
  OPTIONAL_PACK_FILES,
  packBytes,
  packFolderName,
  unzipPack,
  zipPack,
} from './route-pack'
import { studioT as t } from './studio-t'
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

/** A size as a curator reads it. */
export const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`

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
  /** The route pack whose files are kept in this browser, and their size. */
  stored: { name: string; bytes: number } | null
  /** Exporting the route pack is under way. */
  packing: boolean
  dismissMigration: () => void
  openFromIndex: (id: string) => void
  /** Opens a route file, or a route pack's zip. */
  openFile: (file: File) => Promise<void>
  restoreSaved: () => void
  discardSaved: () => void
  onEdit: (next: string) => void
  exportJson: () => void
  exportPack: () => Promise<void>
  removeStoredFiles: () => Promise<void>
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
  const [held, setHeld] = useState<HeldPack | null>(null)
  const heldRef = useRef<HeldPack | null>(null)
  const [stored, setStored] = useState<{ name: string; bytes: number } | null>(null)
  const [packing, setPacking] = useState(false)
  const dirty = useRef(false)

  const open = useCallback(
    (file: string, from: string, folder: string | null, unsaved = false, pack: HeldPack | null = null) => {
      // The files of a pack opened before are let go: their object URLs are not needed any more.
      if (heldRef.current !== pack) heldRef.current?.release()
      heldRef.current = pack
      setHeld(pack)
      setNotice('')
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
      const [indexText, draft, pack] = await Promise.all([
        fetchRouteFile(new URL('index.json', ROUTES_URL).href),
        loadDraft(),
        loadStoredPack(),
      ])
      if (cancelled) return
      const parsed = RouteIndexSchema.parse(JSON.parse(indexText))
      setIndex(parsed)
      if (draft) setSaved(draft)
      if (pack) setStored({ name: pack.name, bytes: packBytes(new Map(pack.files)) })
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
    const draftOf = { text, source, savedAt: Date.now(), ...(held && { pack: held.name }) }
    const timer = setTimeout(() => void saveDraft(draftOf), AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, source, held])

  const onEdit = useCallback((next: string) => {
    dirty.current = true
    setText(next)
  }, [])

  /** Holds a pack's files for the draft and opens its route. */
  const openHeld = (pack: StoredPack, routeText: string, from: string, unsaved: boolean) => {
    const holding = holdPack(pack.folder, pack.name, new Map(pack.files))
    open(routeText, from, holding.packUrl, unsaved, holding)
  }

  const openPack = async (file: File) => {
    const unpacked = await unzipPack(new Uint8Array(await file.arrayBuffer()))
    if (!unpacked.ok) {
      const key = {
        'not-zip': 'studioPackNotZip',
        'no-route': 'studioPackNoRoute',
        'too-large': 'studioPackTooLarge',
      } as const
      return setNotice(t(key[unpacked.reason], { name: file.name, size: megabytes(MAX_PACK_BYTES) }))
    }
    const { folder, routeText, files } = unpacked.pack
    const pack: StoredPack = {
      folder,
      name: file.name,
      files: [...files].map(([path, bytes]) => [path, packBlob(path, bytes)]),
    }
    // Opened as an unsaved draft, so the route is autosaved beside its files.
    openHeld(pack, routeText, `${file.name} › ${folder}/route.json`, true)
    const bytes = packBytes(files)
    const outcome = await storePack(pack)
    setStored(outcome === 'stored' ? { name: file.name, bytes } : null)
    if (outcome !== 'stored')
      setNotice(
        t(outcome === 'no-room' ? 'studioPackNoRoom' : 'studioPackNoStorage', {
          name: file.name,
          size: megabytes(bytes),
        }),
      )
  }

  const openFile = async (file: File) => {
    if (isZip(file)) return openPack(file)
    const fileText = await file.text()
    open(fileText, file.name, listedFolder(index, fileText))
  }

  const restoreSaved = async () => {
    if (!saved) return
    setSaved(null)
    const pack = saved.pack === undefined ? undefined : await loadStoredPack()
    if (pack && pack.name === saved.pack) return openHeld(pack, saved.text, saved.source, true)
    open(saved.text, saved.source, listedFolder(index, saved.text), true)
    if (saved.pack !== undefined) setNotice(t('studioPackGone', { name: saved.pack }))
  }

  const removeStoredFiles = async () => {
    if (!(await removeStoredPack())) return
    setStored(null)
    if (held) setNotice(t('studioPackRemoved'))
  }

  const exportJson = () => {
    const current = editor.current?.getText() ?? text
    // Broken JSON is exported as it is: nothing is lost.
    const pretty = printJsonText(current) ?? current
    download(new Blob([pretty], { type: 'application/json' }), source.split('/').pop() || 'route.json')
  }

  /**
   * The whole pack as one zip: route.json as Export JSON writes it and every file it names, read from the draft's
   * folder or its own files. Refused, naming them, while any named file is not found: nothing is left out
   * silently.
   */
  const exportPack = async () => {
    if (!packFiles.checked) return setNotice(t('studioPackChecking'))
    const current = editor.current?.getText() ?? text
    const value = readRouteDraft(current).value
    const named = namedPackFiles(value)
    const missing = named.filter((path) => packFiles.missing.has(path))
    if (packUrl === null || missing.length > 0)
      return setNotice(t('studioPackMissing', { count: missing.length, files: missing.join(', ') }))
    setPacking(true)
    setNotice('')
    try {
      const optional = await Promise.all(
        OPTIONAL_PACK_FILES.map(async (path) =>
          (await packFileExists(assetUrl(packUrl, path), path)) ? path : null,
        ),
      )
      const paths = [...named, ...optional.filter((p): p is string => p !== null)]
      const files = new Map(
        await Promise.all(
          paths.map(async (path) => {
            const response = await fetch(assetUrl(packUrl, path))
            if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`)
            return [path, new Uint8Array(await response.arrayBuffer())] as const
          }),
        ),
      )
      const folder = packFolderName(value)
      const zipped = await zipPack({ folder, routeText: printJsonText(current) ?? current, files })
      download(new Blob([zipped.slice()], { type: 'application/zip' }), `${folder}.zip`)
    } catch (error) {
      setNotice(String(error))
    } finally {
      setPacking(false)
    }
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
    stored,
    packing,
    dismissMigration: () => setMigration(null),
    openFromIndex: (id) => index && void openListed(index, id),
    openFile,
    restoreSaved: () => void restoreSaved(),
    discardSaved: () => {
      void discardDraft()
      setSaved(null)
    },
    onEdit,
    exportJson,
    exportPack,
    removeStoredFiles,
  }
}
