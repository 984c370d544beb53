import { describe, expect, it } from 'vitest'

import { narrationMedia } from './narration-media'

describe('narrationMedia', () => {
  const media = narrationMedia('routes-data/pearl-river-night')

  it('reads captions and audio durations from the route folder', () => {
    expect(media.captionsText('audio/haizhu-bridge.en.vtt')).toMatch(/^WEBVTT/)
    expect(media.audioSeconds('audio/haizhu-bridge.en.webm')).toBeCloseTo(54.269, 3)
  })

  it('reads nothing outside the folder, nor a file that is not there', () => {
    expect(media.captionsText('../index.json')).toBeUndefined()
    expect(media.audioSeconds('audio/no-such-stop.en.webm')).toBeUndefined()
  })
})
