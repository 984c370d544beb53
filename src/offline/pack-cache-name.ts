/** Shared by the page and the service worker: where a downloaded route pack lives in Cache Storage. */

/** Every route-pack cache name starts with this; the service worker looks in all of them. */
export const PACK_CACHE_PREFIX = 'route-pack:'

/**
 * The next stop's narration and model, fetched while a story plays (`prefetch-next-stop.ts`); the service worker
 * answers from it as from a pack. Small: it keeps the last few files only.
 */
export const PREFETCH_CACHE = 'route-next-stop'

/** The Cache Storage cache that holds one route's downloaded pack. */
export function packCacheName(routeId: string): string {
  return `${PACK_CACHE_PREFIX}${routeId}`
}

/**
 * A synthetic entry written last, after every file of the pack is stored: a pack without it is a download
 * that was interrupted, and is offered again.
 */
export function packCompleteUrl(packUrl: string): string {
  return new URL('.offline-pack-complete', packUrl).href
}
