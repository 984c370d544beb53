import { afterEach, describe, expect, it, vi } from 'vitest'

const full = vi.hoisted(() => () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
vi.mock('idb-keyval', () => ({
  get: vi.fn(() => Promise.reject(full())),
  set: vi.fn(() => Promise.reject(full())),
  del: vi.fn(() => {
    // Private browsing in some browsers: IndexedDB itself is missing, and the call throws at once.
    throw new ReferenceError('indexedDB is not defined')
  }),
}))

import { discardDraft, loadDraft, saveDraft } from './autosave'

afterEach(() => vi.clearAllMocks())

describe('studio autosave', () => {
  it('says a draft was not saved when storage is full or missing, without rejecting', async () => {
    await expect(saveDraft({ text: '{}', source: 'pasted', savedAt: 0 })).resolves.toBe(false)
    await expect(discardDraft()).resolves.toBeUndefined()
    await expect(loadDraft()).resolves.toBeUndefined()
  })
})
