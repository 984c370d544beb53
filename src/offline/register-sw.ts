import { registerSW } from 'virtual:pwa-register'

import { setSwState } from './sw-state'
import { isVisitFile } from './visit-files'

const HOUR = 60 * 60 * 1000

/** Registers the service worker; main.tsx loads this after the first view, off the critical path. */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const update = registerSW({
    immediate: true,
    // The new build stays waiting (registerType 'prompt') until the visitor chooses to reload.
    onNeedRefresh: () => setSwState({ updateWaiting: true }, () => void update(true)),
    onRegisteredSW: (_url, registration) => {
      // A tour can stay open for hours on a boat: look for a new version now and then while online.
      if (registration)
        setInterval(() => {
          if (navigator.onLine) void registration.update()
        }, HOUR)
    },
  })
  keepVisitFiles()
}

/**
 * The first visit is not under the service worker (it installs after the first view): the route files this page
 * reads are named to it, so that the next visit opens without a network. Later visits go through it anyway.
 */
function keepVisitFiles(): void {
  const send = (urls: string[]) => {
    if (urls.length === 0 || navigator.serviceWorker.controller) return
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: 'KEEP_VISIT_FILES', urls }),
    )
  }
  const routeFiles = (entries: PerformanceEntryList) =>
    entries.map((entry) => entry.name).filter((name) => isVisitFile(new URL(name), location.origin))
  send(routeFiles(performance.getEntriesByType('resource')))
  new PerformanceObserver((list) => send(routeFiles(list.getEntries()))).observe({ type: 'resource' })
}
