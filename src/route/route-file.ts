import { fetchLimitedText } from '@/lib/fetch-limited-text'

// Apart from load-route (and so from zod): the page reads its preloaded route files with it too.

/** Route files larger than this are not downloaded (the default route is about 60 KB). */
const MAX_ROUTE_BYTES = 5_000_000
/** A route that has not arrived by then is given up with a message, rather than a spinner forever. */
export const ROUTE_TIMEOUT_MS = 20_000

/** The route index as a curator's message names it; a failure before any route is known is reported on it. */
export const ROUTE_INDEX_FILE = 'routes-data/index.json'

/** Reads a route file (the index or a route.json) within those limits. */
export function fetchRouteFile(url: string): Promise<string> {
  return fetchLimitedText(url, MAX_ROUTE_BYTES, ROUTE_TIMEOUT_MS)
}
