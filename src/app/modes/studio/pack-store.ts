import { del, get, set } from 'idb-keyval'

/** The files of a route pack opened from a zip, kept in IndexedDB so the draft plays after a reload. */
export interface StoredPack {
  /** The pack folder's name (the route's id). */
  folder: string
  /** The zip's file name, as the curator knows it. */
  name: string
  files: [path: string, file: Blob][]
}

/** How keeping the files went: stored, no room left (the quota), or no storage at all (private browsing). */
export type StoreOutcome = 'stored' | 'no-room' | 'unavailable'

const KEY = 'reading-gz-by-water.studio-pack'

/** Keeps the pack's files; never rejects: when they cannot be kept, they stay open in the page only. */
export async function storePack(pack: StoredPack): Promise<StoreOutcome> {
  try {
    await set(KEY, pack)
    return 'stored'
  } catch (error) {
    // Chromium reports a full quota as the transaction's error, by name; a missing IndexedDB throws at once.
    return error instanceof DOMException && error.name === 'QuotaExceededError' ? 'no-room' : 'unavailable'
  }
}

export async function loadStoredPack(): Promise<StoredPack | undefined> {
  try {
    return await get<StoredPack>(KEY)
  } catch {
    return undefined
  }
}

/** Frees the stored files; true when they are gone. */
export async function removeStoredPack(): Promise<boolean> {
  try {
    await del(KEY)
    return true
  } catch {
    return false
  }
}
