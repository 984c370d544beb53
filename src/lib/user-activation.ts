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

/** The events that end a click, a key press or a touch that became a scroll: their own handlers have run. */
const GESTURE_END = ['click', 'keyup', 'pointercancel'] as const
/**
 * A finger's tap sends its click as a later task than its pointerup; a tap on text that is not clickable sends
 * none (iOS). After a pointerup the gesture is taken as ended when no click has come within this time.
 */
export const TAP_CLICK_WAIT_MS = 500

/**
 * Settles just after the visitor's first touch, click or key press has been handled, so that what that gesture
 * did (a tap on play unlocking audio) comes first; at once if the page has been used already.
 */
export function afterFirstGesture(): Promise<void> {
  if (used) return Promise.resolve()
  return new Promise((resolve) => {
    let clickDue: ReturnType<typeof setTimeout> | undefined
    const ended = () => {
      clearTimeout(clickDue)
      for (const name of GESTURE_END) window.removeEventListener(name, ended, true)
      window.removeEventListener('pointerup', lifted, true)
      // A task later: the gesture's own handlers, the page's included, run after this capturing listener.
      setTimeout(resolve, 0)
    }
    const lifted = () => {
      clearTimeout(clickDue)
      clickDue = setTimeout(ended, TAP_CLICK_WAIT_MS)
    }
    for (const name of GESTURE_END) window.addEventListener(name, ended, true)
    window.addEventListener('pointerup', lifted, true)
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
