/// <reference lib="webworker" />
// The route's download and validation (zod and the whole schema) run here, off the page's main thread: on a
// slow phone they were its longest task while the first view was being built.
import { loadRoute } from './load-route'

self.onmessage = async (event: MessageEvent<{ routesUrl: string; routeParam: string | null }>) => {
  self.postMessage(await loadRoute(event.data.routesUrl, event.data.routeParam))
}
