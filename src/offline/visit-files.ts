/** Shared by the page and the service worker: which route files a visit keeps for the next one, without network. */

/** The Cache Storage cache of route files read on earlier visits (small: no narration, no models). */
export const RUNTIME_CACHE = 'route-visit-files'

/**
 * How long a route file may take before the kept copy is used instead: about what a working slow link needs for
 * a small file, far less than the page's own 20 s limit.
 */
export const WEAK_SIGNAL_SECONDS = 3

/**
 * Route index, route.json, map layers, pictures (posters) and captions (a few kB, read by an open stop even before
 * it plays): what shows a route's stops, map and stories. Never narration or models (megabytes).
 */
const VISIT_FILE = /\/routes-data\/.*\.(?:json|geojson|webp|png|jpe?g|avif|vtt)$/i

/** True for a same-origin route file that a visit keeps. Pure. */
export function isVisitFile(url: URL, origin: string): boolean {
  return url.origin === origin && VISIT_FILE.test(url.pathname)
}
