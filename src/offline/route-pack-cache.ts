import type { Lang } from '@/route/schema'

import { DRACO_PATH, DRACO_WASM_FILES, usesDraco } from './draco-files'
import { packCacheName, packCompleteUrl } from './pack-cache-name'
import type { PackFile } from './route-pack-files'

/** A pack file with its size in bytes (null when the server did not say). */
export interface SizedFile extends PackFile {
  bytes: number | null
}

/** What a download would fetch: the files not yet stored, and their total size. */
export interface DownloadPlan {
  missing: SizedFile[]
  totalBytes: number
  /** True when a server gave no size for some file: the total is then a lower bound. */
  approximate: boolean
}

/** True where the browser can store a pack (Cache Storage needs a secure context). */
export function canStoreOffline(): boolean {
  return typeof caches !== 'undefined' && 'serviceWorker' in navigator
}

/** Sizes in megabytes, one decimal: what a visitor on metered data needs to decide. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 100_000 ? 2 : 1)} MB`
}

/** True when some cache on this device (a downloaded pack, the next-stop prefetch) holds one of `urls`. */
export async function storedOnDevice(urls: readonly string[]): Promise<boolean> {
  if (typeof caches === 'undefined') return false
  const found = await Promise.all(urls.map((url) => caches.match(url, { ignoreVary: true })))
  return found.some((response) => response !== undefined)
}

/** Bytes the browser will still let this site store, or null when it does not say. */
export async function freeBytes(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined)
  if (estimate?.quota === undefined) return null
  return Math.max(0, estimate.quota - (estimate.usage ?? 0))
}

/** True for the error a cache write throws when the device (or the site's share of it) is full. */
export function isStorageFull(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError'
}

async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The downloaded languages of a complete pack, or null when there is no complete pack. */
export async function storedLanguages(routeId: string, packUrl: string): Promise<Lang[] | null> {
  // caches.has first: merely looking must not create an empty cache.
  if (!canStoreOffline() || !(await caches.has(packCacheName(routeId)))) return null
  const cache = await caches.open(packCacheName(routeId))
  const marker = await cache.match(packCompleteUrl(packUrl))
  if (!marker) return null
  const body = (await marker.json()) as { langs?: Lang[] }
  return body.langs ?? []
}

/** Asks the server for the size of every file not yet stored (HEAD requests, a few at a time). */
export async function planDownload(routeId: string, files: PackFile[]): Promise<DownloadPlan> {
  const cache = await caches.open(packCacheName(routeId))
  const missing: PackFile[] = []
  for (const file of files) if (!(await cache.match(file.url))) missing.push(file)
  const sized = await mapLimit(missing, 6, async (file): Promise<SizedFile> => {
    const response = await fetch(file.url, { method: 'HEAD', cache: 'no-store' })
    if (!response.ok) throw new Error(`${response.status} for ${new URL(file.url).pathname}`)
    const length = response.headers.get('content-length')
    return { ...file, bytes: length === null ? null : Number(length) }
  })
  return {
    missing: sized,
    totalBytes: sized.reduce((sum, f) => sum + (f.bytes ?? 0), 0),
    approximate: sized.some((f) => f.bytes === null),
  }
}

/**
 * The part of a plan made for several languages that one choice of languages needs: the files every language
 * shares (route, map, models) and the narration of those languages. Sizing the largest choice once and
 * deriving the others shows every size before anything is downloaded, with one round of HEAD requests.
 */
export function planForLanguages(plan: DownloadPlan, langs: readonly Lang[]): DownloadPlan {
  const missing = plan.missing.filter((file) => file.lang === undefined || langs.includes(file.lang))
  return {
    missing,
    totalBytes: missing.reduce((sum, f) => sum + (f.bytes ?? 0), 0),
    approximate: missing.some((f) => f.bytes === null),
  }
}

/**
 * Fetches every missing file into the route's pack cache, reporting bytes as they arrive, then writes the
 * completion marker with the languages now stored. Asks for persistent storage first, so the browser does not
 * evict the pack under storage pressure in the middle of the river.
 */
export async function downloadPack(
  routeId: string,
  packUrl: string,
  plan: DownloadPlan,
  langs: Lang[],
  onProgress: (doneBytes: number) => void,
  signal?: AbortSignal,
): Promise<{ persisted: boolean }> {
  const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false
  const cache = await caches.open(packCacheName(routeId))
  let done = 0
  await mapLimit(plan.missing, 4, async (file) => {
    signal?.throwIfAborted()
    const response = await fetch(file.url, { cache: 'no-store', ...(signal ? { signal } : {}) })
    if (!response.ok || !response.body)
      throw new Error(`${response.status} for ${new URL(file.url).pathname}`)
    // Count bytes as they stream in, so a slow audio file still moves the bar.
    const [counted, stored] = response.body.tee()
    const reader = counted.getReader()
    const count = async () => {
      for (;;) {
        const { done: finished, value } = await reader.read()
        if (finished) break
        done += value.byteLength
        onProgress(done)
      }
    }
    // Both halves are awaited together: a dropped connection fails both, and neither failure goes unhandled.
    await Promise.all([cache.put(file.url, new Response(stored, response)), count()])
  })
  await keepDracoIfNeeded(cache, (bytes) => onProgress((done += bytes)), signal)
  const before = (await storedLanguages(routeId, packUrl)) ?? []
  const all = [...new Set([...before, ...langs])]
  await cache.put(
    packCompleteUrl(packUrl),
    new Response(JSON.stringify({ langs: all, at: new Date().toISOString() }), {
      headers: { 'content-type': 'application/json' },
    }),
  )
  return { persisted }
}

/**
 * Stores the Draco decoder in the pack when one of its models is compressed with Draco (read from the stored
 * files, so a pack completed in two downloads is judged whole): without it such a model cannot open offline.
 */
async function keepDracoIfNeeded(
  cache: Cache,
  onBytes: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let needed = false
  for (const request of await cache.keys()) {
    if (!/\.(glb|gltf)$/i.test(new URL(request.url).pathname)) continue
    const model = await cache.match(request)
    if (model && usesDraco(await model.arrayBuffer())) {
      needed = true
      break
    }
  }
  if (!needed) return
  for (const file of DRACO_WASM_FILES) {
    const url = new URL(DRACO_PATH + file, location.href).href
    if (await cache.match(url)) continue
    const response = await fetch(url, signal ? { signal } : {})
    if (!response.ok) throw new Error(`${response.status} for ${new URL(url).pathname}`)
    const body = await response.arrayBuffer()
    await cache.put(url, new Response(body, response))
    onBytes(body.byteLength)
  }
}

/** Deletes the route's offline copy. */
export async function removePack(routeId: string): Promise<void> {
  await caches.delete(packCacheName(routeId))
}
