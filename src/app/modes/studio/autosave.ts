import { del, get, set } from 'idb-keyval'

/** An unsaved edit, kept in IndexedDB so a crash or a reload loses nothing. */
export interface Draft {
  text: string
  /** Where the text came from: a route id, a file name, or "pasted". */
  source: string
  savedAt: number
  /** The route pack's zip (its name) whose files the draft plays, kept beside it (pack-store.ts). */
  pack?: string
}

const KEY = 'reading-gz-by-water.studio-draft'

/**
 * Storage may be full or missing (private browsing, where IndexedDB throws at once): the draft then lives only
 * in the editor, and no call rejects.
 */
async function settled<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call()
  } catch {
    return undefined
  }
}

export const loadDraft = (): Promise<Draft | undefined> => settled(() => get<Draft>(KEY))
/** True when the draft was stored. */
export const saveDraft = async (draft: Draft): Promise<boolean> =>
  (await settled(() => set(KEY, draft).then(() => true))) ?? false
export const discardDraft = async (): Promise<void> => void (await settled(() => del(KEY)))
