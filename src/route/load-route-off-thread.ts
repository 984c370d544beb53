import { FetchFailure } from '@/lib/fetch-limited-text'

import type { LoadedRoute, RouteFailure } from './load-route'
import type { ReadFile, RouteRequest } from './load-route-worker'
import { fetchRouteFile, ROUTE_INDEX_FILE, ROUTE_TIMEOUT_MS } from './route-file'

/**
 * Longest wait for the worker's answer once it has been asked: its own two downloads (index, route) at most,
 * each within its time-out, and a margin. It covers a worker whose code never arrives, which reports nothing.
 */
export const WORKER_ANSWER_MS = 2 * ROUTE_TIMEOUT_MS + 5000

/**
 * `loadRoute` in a worker: the page's main thread neither evaluates the schema nor validates the route (about
 * 60 ms of a phone's main thread, four times that on a slow one), and the first chunk does without zod. The
 * route files index.html preloads are read here, where the preloads are (a worker's own fetch would not use
 * them and would ask the network again), and handed over, failures too. Where a worker cannot run (no Worker,
 * or its code fails to load), the route loads on the main thread as before. Never rejects.
 */
export function loadRouteOffThread(routesUrl: string, routeParam: string | null): Promise<LoadedRoute> {
  const failed = (failure: RouteFailure, message: string): LoadedRoute => ({
    ok: false,
    failure,
    file: ROUTE_INDEX_FILE,
    problems: [],
    message,
  })
  const onMainThread = () =>
    import('./load-route').then(
      (m) => m.loadRoute(routesUrl, routeParam),
      // The loader's chunk did not download: the connection failed (the build has it).
      (error: unknown) => failed('offline', `the app's route loader could not be loaded: ${String(error)}`),
    )
  if (typeof Worker === 'undefined') return onMainThread()
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./load-route-worker.ts', import.meta.url), { type: 'module' })
    } catch {
      resolve(onMainThread())
      return
    }
    let deadline: ReturnType<typeof setTimeout> | undefined
    const settle = (answer: LoadedRoute | Promise<LoadedRoute>) => {
      clearTimeout(deadline)
      worker.terminate()
      resolve(answer)
    }
    worker.onmessage = (event: MessageEvent<LoadedRoute>) => settle(event.data)
    const broken = (event: Event) => {
      event.preventDefault()
      settle(onMainThread())
    }
    worker.onerror = broken
    worker.onmessageerror = broken
    // The worker's code downloads meanwhile.
    void readPreloaded().then((read) => {
      worker.postMessage({ routesUrl, routeParam, read } satisfies RouteRequest)
      deadline = setTimeout(
        () =>
          settle(failed('timeout', `no answer within ${WORKER_ANSWER_MS / 1000} s while loading the route`)),
        WORKER_ANSWER_MS,
      )
    })
  })
}

/** The files index.html preloads for a fetch (the route index and the default route), read or failed, by URL. */
async function readPreloaded(): Promise<Record<string, ReadFile>> {
  const urls = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map(
    (link) => link.href,
  )
  const read = await Promise.all(
    urls.map((url) =>
      fetchRouteFile(url).then(
        (text): [string, ReadFile] => [url, { text }],
        (error: unknown): [string, ReadFile] => [
          url,
          {
            error: error instanceof Error ? error.message : String(error),
            kind: error instanceof FetchFailure ? error.kind : 'invalid',
          },
        ],
      ),
    ),
  )
  return Object.fromEntries(read)
}
