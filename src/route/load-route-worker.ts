/// <reference lib="webworker" />
// The route's download and validation (zod and the whole schema) run here, off the page's main thread: on a
// slow phone they were its longest task while the first view was being built.
import { FetchFailure, type FetchFailureKind } from '@/lib/fetch-limited-text'

import { loadRoute, type LoadedRoute } from './load-route'
import { fetchRouteFile, ROUTE_INDEX_FILE } from './route-file'

/** A route file as the page read it: its text, or why it could not be read (within the same limits). */
export type ReadFile = { text: string } | { error: string; kind: FetchFailureKind }

/** What the page asks: which route, and the route files it has already read (its preloads), by URL. */
export interface RouteRequest {
  routesUrl: string
  routeParam: string | null
  read: Record<string, ReadFile>
}

self.onmessage = async ({ data }: MessageEvent<RouteRequest>) => {
  // A file the page has tried is not asked for again: a hung one has already had its 20 s.
  const readText = async (url: string) => {
    const file = data.read[url]
    if (!file) return fetchRouteFile(url)
    if ('error' in file) throw new FetchFailure(file.error, file.kind)
    return file.text
  }
  let answer: LoadedRoute
  try {
    answer = await loadRoute(data.routesUrl, data.routeParam, readText)
  } catch (error) {
    // loadRoute reports its failures itself; this is a defect, said rather than left unanswered.
    answer = { ok: false, failure: 'invalid', file: ROUTE_INDEX_FILE, problems: [], message: String(error) }
  }
  self.postMessage(answer)
}
