/// <reference lib="webworker" />
// The route's download and validation (zod and the whole schema) run here, off the page's main thread: on a
// slow phone they were its longest task while the first view was being built.
import { loadRoute } from './load-route'
import { fetchRouteFile } from './route-file'

/** What the page asks: which route, and the route files it has already read (its preloads), by URL. */
export interface RouteRequest {
  routesUrl: string
  routeParam: string | null
  read: Record<string, string>
}

self.onmessage = async ({ data }: MessageEvent<RouteRequest>) => {
  const readText = (url: string) =>
    url in data.read ? Promise.resolve(data.read[url]!) : fetchRouteFile(url)
  self.postMessage(await loadRoute(data.routesUrl, data.routeParam, readText))
}
