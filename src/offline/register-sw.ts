import { registerSW } from 'virtual:pwa-register'

import { setSwState } from './sw-state'

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
}
