import { del, get, set } from 'idb-keyval'

/** An unsaved edit, kept in IndexedDB so a crash or a reload loses nothing. */
export interface Draft {
  text: string
  /** Where the text came from: a route id, a file name, or "pasted". */
  source: string
  savedAt: number
}

const KEY = 'reading-gz-by-water.studio-draft'

export const loadDraft = (): Promise<Draft | undefined> => get<Draft>(KEY).catch(() => undefined)
export const saveDraft = (draft: Draft): Promise<void> => set(KEY, draft)
export const discardDraft = (): Promise<void> => del(KEY)
