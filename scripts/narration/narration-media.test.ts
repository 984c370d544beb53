import { describe, expect, it } from 'vitest'

import { narrationMedia } from './narration-media'

describe('narrationMedia', () => {
  const media = narrationMedia('routes-data/pearl-river-night')

  it('reads captions and audio durations from the route folder', () => {
    expect(media.captionsText('audio/haizhu-bridge.en.vtt')).toMatch(/^WEBVTT/)
    expect(media.audioSeconds('audio/haizhu-bridge.en.webm')).toBeCloseTo(49.181, 3)
  })

  it("reads a language's respellings from the route's lexicon, none for a language without one", () => {
    expect(media.respellings?.('zh-Hans')).toContainEqual(['沙基涌', '沙基冲'])
    expect(media.respellings?.('fr')).toEqual([])
  })

  it('reads nothing outside the folder, nor a file that is not there', () => {
    expect(media.captionsText('../index.json')).toBeUndefined()
    expect(media.audioSeconds('audio/no-such-stop.en.webm')).toBeUndefined()
  })
})
