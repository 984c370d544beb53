import { useSyncExternalStore } from 'react'

/**
 * The events that say a visitor has started using the page: a touch or click beginning (a touch that turns into
 * a scroll counts too), a key, or a bare click such as assistive technology sends.
 */
const FIRST_USE = ['pointerdown', 'keydown', 'click'] as const

/** Calls `then` once, on the visitor's first touch, click or key press; returns what stops listening. */
export function onFirstActivation(then: () => void): () => void {
  const stop = () => {
    for (const name of FIRST_USE) window.removeEventListener(name, fire, true)
  }
  const fire = () => {
    stop()
    then()
  }
  // Capturing, so a handler that stops the event (the map, the 3D controls) cannot hide it.
  for (const name of FIRST_USE) window.addEventListener(name, fire, true)
  return stop
}

// Heard from the moment the app's code runs, so a touch while the route is still loading counts. The events
// themselves, not `navigator.userActivation`: browser automation (tests, the bench) sets that without a touch.
let used = false
const listeners = new Set<() => void>()
if (typeof window !== 'undefined') {
  onFirstActivation(() => {
    used = true
    for (const listener of listeners) listener()
  })
}

/** Settles on the visitor's first touch, click or key press (at once if it has happened). */
export function firstActivation(): Promise<void> {
  if (used) return Promise.resolve()
  return new Promise((resolve) => {
    const heard = () => {
      listeners.delete(heard)
      resolve()
    }
    listeners.add(heard)
  })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether the visitor has touched, clicked or typed on the page yet; turns true once and stays true. */
export function useUserActivated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => used,
    () => false,
  )
}
