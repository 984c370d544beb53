import type { LoadedRoute } from './load-route'
import type { RouteRequest } from './load-route-worker'
import { fetchRouteFile } from './route-file'

/**
 * `loadRoute` in a worker: the page's main thread neither evaluates the schema nor validates the route (about
 * 60 ms of a phone's main thread, four times that on a slow one), and the first chunk does without zod. The
 * route files index.html preloads are read here, where the preloads are (a worker's own fetch would not use
 * them and would ask the network again), and handed over. Where a worker cannot run (no Worker, or its code
 * fails to load), the route loads on the main thread as before.
 */
export function loadRouteOffThread(routesUrl: string, routeParam: string | null): Promise<LoadedRoute> {
  const onMainThread = () => import('./load-route').then((m) => m.loadRoute(routesUrl, routeParam))
  if (typeof Worker === 'undefined') return onMainThread()
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./load-route-worker.ts', import.meta.url), { type: 'module' })
    } catch {
      resolve(onMainThread())
      return
    }
    worker.onmessage = (event: MessageEvent<LoadedRoute>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      resolve(onMainThread())
    }
    // The worker's code downloads meanwhile; a file that fails here is asked for again by the worker.
    void readPreloaded().then((read) =>
      worker.postMessage({ routesUrl, routeParam, read } satisfies RouteRequest),
    )
  })
}

/** The texts of the files index.html preloads for a fetch (the route index and the default route), by URL. */
async function readPreloaded(): Promise<Record<string, string>> {
  const urls = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map(
    (link) => link.href,
  )
  const read = await Promise.all(
    urls.map((url) =>
      fetchRouteFile(url).then(
        (text) => [[url, text] as const],
        () => [],
      ),
    ),
  )
  return Object.fromEntries(read.flat())
}
