import { describe, expect, it } from 'vitest'

import { mayPrefetch, nextStopFiles } from './prefetch-next-stop'

const packUrl = 'https://tour.example/routes-data/a-river/'
const track = { audio: ['audio/b.en.webm', 'audio/b.en.mp3'], captions: 'audio/b.en.vtt' }

describe('mayPrefetch', () => {
  it('fetches ahead on an unknown or fast connection', () => {
    expect(mayPrefetch(undefined)).toBe(true)
    expect(mayPrefetch({})).toBe(true)
    expect(mayPrefetch({ effectiveType: '4g', saveData: false })).toBe(true)
    expect(mayPrefetch({ effectiveType: '3g' })).toBe(true)
  })

  it('fetches nothing unasked when the visitor saves data or the link is 2G-like', () => {
    expect(mayPrefetch({ effectiveType: '4g', saveData: true })).toBe(false)
    expect(mayPrefetch({ effectiveType: '2g' })).toBe(false)
    expect(mayPrefetch({ effectiveType: 'slow-2g' })).toBe(false)
  })
})

describe('nextStopFiles', () => {
  it('names the model, the playable encoding and the captions, as absolute URLs', () => {
    const files = nextStopFiles({ model: { src: 'models/b.glb' } }, track, packUrl, (p) => p.endsWith('.mp3'))
    expect(files).toEqual([`${packUrl}models/b.glb`, `${packUrl}audio/b.en.mp3`, `${packUrl}audio/b.en.vtt`])
  })

  it('takes the first encoding when none says it plays, and nothing of a stop with neither', () => {
    expect(nextStopFiles({}, track, packUrl, () => false)).toEqual([
      `${packUrl}audio/b.en.webm`,
      `${packUrl}audio/b.en.vtt`,
    ])
    expect(nextStopFiles({}, undefined, packUrl, () => true)).toEqual([])
  })
})
