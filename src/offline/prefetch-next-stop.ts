import { assetUrl } from '@/route/asset-url'
import type { NarrationTrack } from '@/route/schema'

import { PREFETCH_CACHE } from './pack-cache-name'

/** What the Network Information API says of the connection (Chromium only; elsewhere nothing is known). */
export interface ConnectionHints {
  saveData?: boolean
  effectiveType?: string
}

/** Files kept in the prefetch cache: the next stop's three, and the three before (the stop now playing). */
const PREFETCH_KEEP = 6

/**
 * Whether the connection allows fetching what the visitor has not asked for yet: not when they turned on a data
 * saver, nor on a 2G-like link, where it would slow what they did ask for. Unknown connections allow it. Pure.
 */
export function mayPrefetch(connection: ConnectionHints | undefined): boolean {
  if (!connection) return true
  return connection.saveData !== true && !/(^|-)2g$/.test(connection.effectiveType ?? '')
}

/**
 * The next stop's files a tap on it waits for: its model, then its narration (the encoding the player will pick)
 * and captions in the narration chosen for it. Pure.
 */
export function nextStopFiles(
  next: { model?: { src: string } | undefined },
  track: NarrationTrack | undefined,
  packUrl: string,
  canPlay: (audioPath: string) => boolean,
): string[] {
  const paths: string[] = []
  if (next.model) paths.push(next.model.src)
  if (track) {
    const audio = track.audio.find((path) => canPlay(path)) ?? track.audio[0]
    if (audio) paths.push(audio)
    paths.push(track.captions)
  }
  return paths.map((path) => assetUrl(packUrl, path))
}

/** The browser's hints about the connection, where it gives them. */
export function connectionHints(): ConnectionHints | undefined {
  return (navigator as Navigator & { connection?: ConnectionHints }).connection
}

/**
 * Fetches `urls` one at a time (the story playing keeps most of the link) into the prefetch cache, skipping what
 * any cache holds already, then drops the oldest entries. Only under the service worker, the one reader of that
 * cache, and only online, where the connection allows.
 * Failures are dropped: a prefetch is a bonus, and the tap fetches the file anyway.
 */
export async function prefetchIntoCache(urls: string[], signal: AbortSignal): Promise<void> {
  if (!navigator.onLine || !mayPrefetch(connectionHints()) || typeof caches === 'undefined') return
  if (!navigator.serviceWorker?.controller) return
  try {
    const cache = await caches.open(PREFETCH_CACHE)
    for (const url of urls) {
      if (signal.aborted) return
      if (await caches.match(url, { ignoreVary: true })) continue
      const response = await fetch(url, { signal, priority: 'low' })
      if (response.ok) await cache.put(url, response)
    }
    const keys = await cache.keys()
    await Promise.all(keys.slice(0, Math.max(0, keys.length - PREFETCH_KEEP)).map((key) => cache.delete(key)))
  } catch {
    // Aborted by the next tap, offline, or storage full: the tap will fetch what is missing.
  }
}
