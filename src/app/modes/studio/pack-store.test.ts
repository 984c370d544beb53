import { afterEach, describe, expect, it, vi } from 'vitest'

const full = vi.hoisted(() => () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
const idb = vi.hoisted(() => ({
  get: vi.fn(),
  set: vi.fn(),
  del: vi.fn(),
}))
vi.mock('idb-keyval', () => idb)

import { loadStoredPack, removeStoredPack, storePack } from './pack-store'

afterEach(() => vi.resetAllMocks())

const pack = { folder: 'r', name: 'r.zip', files: [['audio/a.mp3', new Blob(['ID3'])]] as [string, Blob][] }

describe('stored route pack files', () => {
  it('says when the browser has no room, or keeps nothing (private browsing), without rejecting', async () => {
    idb.set.mockRejectedValueOnce(full())
    await expect(storePack(pack)).resolves.toBe('no-room')
    idb.set.mockImplementationOnce(() => {
      throw new ReferenceError('indexedDB is not defined')
    })
    await expect(storePack(pack)).resolves.toBe('unavailable')
    idb.get.mockRejectedValueOnce(new Error('blocked'))
    await expect(loadStoredPack()).resolves.toBeUndefined()
    idb.del.mockRejectedValueOnce(new Error('blocked'))
    await expect(removeStoredPack()).resolves.toBe(false)
  })

  it('keeps, reads back and frees the files', async () => {
    idb.set.mockResolvedValueOnce(undefined)
    await expect(storePack(pack)).resolves.toBe('stored')
    expect(idb.set).toHaveBeenCalledWith(expect.any(String), pack)
    idb.get.mockResolvedValueOnce(pack)
    await expect(loadStoredPack()).resolves.toBe(pack)
    idb.del.mockResolvedValueOnce(undefined)
    await expect(removeStoredPack()).resolves.toBe(true)
  })
})
