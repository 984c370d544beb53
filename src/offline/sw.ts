/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell (built by vite-plugin-pwa's injectManifest), keeps the small route
 * files a visit has read (index, route, basemap, posters) in a runtime cache, and serves route-pack files from a
 * downloaded pack when there is one. It never activates itself: the page asks it to
 * (SKIP_WAITING) when the visitor accepts the "update available" prompt, so the shell and its chunks always
 * come from one build.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { createPartialResponse } from 'workbox-range-requests'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { NetworkFirst } from 'workbox-strategies'

import { DRACO_PATH } from './draco-files'
import { PACK_CACHE_PREFIX, PREFETCH_CACHE } from './pack-cache-name'
import { isVisitFile, RUNTIME_CACHE, WEAK_SIGNAL_SECONDS } from './visit-files'

declare const self: ServiceWorkerGlobalScope

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// Deep links (?stop=…) are the same index.html.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')))

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string; urls?: unknown } | null
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting()
  // The first visit's page is not controlled yet: it names the route files it has read, kept for next time.
  if (data?.type === 'KEEP_VISIT_FILES' && Array.isArray(data.urls))
    event.waitUntil(keepVisitFiles(data.urls))
})

async function keepVisitFiles(urls: unknown[]): Promise<void> {
  const cache = await caches.open(RUNTIME_CACHE)
  const wanted = urls.filter(
    (url): url is string => typeof url === 'string' && isVisitFile(new URL(url), self.location.origin),
  )
  // One failure (a file gone meanwhile) must not lose the others; the HTTP cache answers most of these.
  await Promise.allSettled(wanted.map(async (url) => (await cache.match(url)) ?? cache.add(url)))
}

/** A downloaded pack's copy, or the next stop's file fetched while the last story played. */
async function fromPack(request: Request): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PACK_CACHE_PREFIX) && name !== PREFETCH_CACHE) continue
    const cached = await (await caches.open(name)).match(request.url)
    if (cached) return cached
  }
  return undefined
}

/** Media elements ask for byte ranges; a cached whole file must answer with 206 and the asked slice. */
async function answer(request: Request, cached: Response): Promise<Response> {
  return request.headers.has('range') ? createPartialResponse(request, cached) : cached
}

/**
 * Route files a visit reads (index, route.json, basemap, posters): the network first, for a curator may have
 * replaced them, but after WEAK_SIGNAL_SECONDS without an answer the copy kept from an earlier visit (or the
 * downloaded pack's) is used: a live but useless connection is not waited on until the page's own 20 s limit.
 */
const visitFiles = new NetworkFirst({
  cacheName: RUNTIME_CACHE,
  networkTimeoutSeconds: WEAK_SIGNAL_SECONDS,
  // Servers send `Vary: Origin`; the page's CORS-mode preload and the worker's kept copy differ in it.
  matchOptions: { ignoreVary: true },
  plugins: [
    {
      cachedResponseWillBeUsed: async ({ cachedResponse, request }) =>
        cachedResponse ?? (await fromPack(request)) ?? null,
    },
  ],
})

async function visitFileFirstFromNetwork(
  event: FetchEvent | ExtendableEvent,
  request: Request,
): Promise<Response> {
  const response = await visitFiles.handle({ event, request })
  // A server error while a copy is kept: the copy is more use to the visitor (the page would only say "error").
  if (!response.ok && response.status >= 500)
    return (
      (await caches.match(request.url, { cacheName: RUNTIME_CACHE })) ?? (await fromPack(request)) ?? response
    )
  return response
}

/** Models, audio, captions, map layers: the downloaded copy first, so a weak signal is never waited on. */
async function packFirst(request: Request): Promise<Response> {
  const cached = await fromPack(request)
  return cached ? answer(request, cached) : fetch(request)
}

// The Draco decoder is not precached (most routes' models need none): a pack whose models do keeps a copy.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith(new URL(DRACO_PATH, self.location.href).pathname) &&
    request.method === 'GET',
  ({ request }) => packFirst(request),
)

registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.includes('/routes-data/') && request.method === 'GET',
  ({ request, url, event }) =>
    isVisitFile(url, self.location.origin) ? visitFileFirstFromNetwork(event, request) : packFirst(request),
)
