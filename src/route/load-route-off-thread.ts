import type { LoadedRoute } from './load-route'

/**
 * `loadRoute` in a worker: the page's main thread neither evaluates the schema nor validates the route (about
 * 60 ms of a phone's main thread, four times that on a slow one), and the first chunk does without zod. Where a
 * worker cannot run (no Worker, or its code fails to load), the route loads on the main thread as before.
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
    worker.postMessage({ routesUrl, routeParam })
  })
}
