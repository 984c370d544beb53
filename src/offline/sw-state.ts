/**
 * What the service worker tells the page, kept apart from the registration code so the prompt can sit in the
 * first chunk while workbox-window arrives later.
 */
export interface SwState {
  updateWaiting: boolean
}

let state: SwState = { updateWaiting: false }
const listeners = new Set<() => void>()
let applyUpdate: (() => void) | undefined

/** Called by the registration code. */
export function setSwState(next: SwState, apply?: () => void): void {
  state = next
  if (apply) applyUpdate = apply
  for (const listener of listeners) listener()
}

/** For useSyncExternalStore. */
export function subscribeSw(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** For useSyncExternalStore. */
export function swSnapshot(): SwState {
  return state
}

/** Activates the waiting version and reloads once it controls the page: old and new code never mix. */
export function reloadToUpdate(): void {
  applyUpdate?.()
}

/** Hides the prompt; the next check shows it again while the new version still waits. */
export function dismissUpdate(): void {
  setSwState({ updateWaiting: false })
}
