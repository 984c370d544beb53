/**
 * A choice kept on this device for the next visit (localStorage). Private browsing may refuse storage: then
 * nothing is remembered and the choice lasts for this page only, never an error.
 */
export function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Keeps `value` under `key` for the next visit, when the browser allows it (see `remembered`). */
export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Refused: the choice lasts for this page only.
  }
}
