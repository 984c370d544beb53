/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell (built by vite-plugin-pwa's injectManifest) and serves route-pack
 * files from a downloaded pack when there is one. It never activates itself: the page asks it to
 * (SKIP_WAITING) when the visitor accepts the "update available" prompt, so the shell and its chunks always
 * come from one build.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { createPartialResponse } from 'workbox-range-requests'
import { NavigationRoute, registerRoute } from 'workbox-routing'

import { PACK_CACHE_PREFIX } from './pack-cache-name'

declare const self: ServiceWorkerGlobalScope

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// Deep links (?stop=…) are the same index.html.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')))

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

async function fromPack(request: Request): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PACK_CACHE_PREFIX)) continue
    const cached = await (await caches.open(name)).match(request.url)
    if (cached) return cached
  }
  return undefined
}

/** Media elements ask for byte ranges; a cached whole file must answer with 206 and the asked slice. */
async function answer(request: Request, cached: Response): Promise<Response> {
  return request.headers.has('range') ? createPartialResponse(request, cached) : cached
}

/** route.json and index.json: the network first (a curator may have replaced the route), the pack offline. */
async function jsonFirstFromNetwork(request: Request): Promise<Response> {
  try {
    const response = await fetch(request)
    if (response.ok) return response
    return (await fromPack(request)) ?? response
  } catch (error) {
    const cached = await fromPack(request)
    if (cached) return cached
    throw error
  }
}

/** Models, audio, captions, map layers: the downloaded copy first, so a weak signal is never waited on. */
async function packFirst(request: Request): Promise<Response> {
  const cached = await fromPack(request)
  return cached ? answer(request, cached) : fetch(request)
}

registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.includes('/routes-data/') && request.method === 'GET',
  ({ request, url }) => (url.pathname.endsWith('.json') ? jsonFirstFromNetwork(request) : packFirst(request)),
)
