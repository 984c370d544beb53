import { describe, expect, it } from 'vitest'

import { assetUrl, holdPackFiles } from './asset-url'

describe('assetUrl', () => {
  it('resolves a path in the pack folder, or to the object URL of a file the page holds, until let go', () => {
    const pack = 'https://example.org/studio-pack/1/r/'
    expect(assetUrl(pack, './audio/a.mp3')).toBe('https://example.org/studio-pack/1/r/audio/a.mp3')
    const release = holdPackFiles(pack, new Map([['audio/a.mp3', 'blob:https://example.org/1#a.mp3']]))
    expect(assetUrl(pack, './audio/a.mp3')).toBe('blob:https://example.org/1#a.mp3')
    expect(assetUrl(pack, 'audio/b.mp3')).toBe('https://example.org/studio-pack/1/r/audio/b.mp3')
    expect(assetUrl('https://example.org/other/', 'audio/a.mp3')).toBe(
      'https://example.org/other/audio/a.mp3',
    )
    release()
    expect(assetUrl(pack, 'audio/a.mp3')).toBe('https://example.org/studio-pack/1/r/audio/a.mp3')
  })
})
