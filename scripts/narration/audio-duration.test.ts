import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { audioDurationSeconds, audioFileSeconds } from './audio-duration'

const audio = (name: string) => new Uint8Array(readFileSync(`routes-data/pearl-river-night/audio/${name}`))

describe('audioDurationSeconds', () => {
  // The reference figures are ffprobe's (`ffprobe -show_entries format=duration`) for the committed files.
  it('reads the duration of a WebM (Opus) narration from its Segment Info', () => {
    expect(audioDurationSeconds(audio('haizhu-bridge.en.webm'))).toBeCloseTo(49.181, 3)
    expect(audioDurationSeconds(audio('shamian.zh-Hans.webm'))).toBeCloseTo(67.067, 3)
  })

  it('reads the duration of an MP3 narration from its Info frame', () => {
    expect(audioDurationSeconds(audio('haizhu-bridge.en.mp3'))).toBeCloseTo(49.241, 2)
  })

  it('counts the frames of an MP3 without an Info frame', () => {
    const bytes = audio('haizhu-bridge.en.mp3')
    // Turn the Info tag into plain silence: the reader must then walk the frames.
    const stripped = bytes.slice()
    stripped.set([0, 0, 0, 0], 13)
    // The Info frame itself is then counted as one more (silent) frame of 576 samples at 22.05 kHz.
    expect(audioDurationSeconds(stripped)).toBeCloseTo(49.241 + 576 / 22050, 1)
  })

  it('reads nothing from a file that is neither', () => {
    expect(audioDurationSeconds(new TextEncoder().encode('WEBVTT\n\n'))).toBeUndefined()
    expect(audioDurationSeconds(new Uint8Array(0))).toBeUndefined()
  })
})

describe('audioFileSeconds', () => {
  it('reads a file on disk the same way, and names a file it cannot read', () => {
    expect(audioFileSeconds('routes-data/pearl-river-night/audio/haizhu-bridge.en.webm')).toBeCloseTo(
      49.181,
      3,
    )
    expect(() => audioFileSeconds('routes-data/pearl-river-night/audio/haizhu-bridge.en.vtt')).toThrow(
      'cannot read the duration of routes-data/pearl-river-night/audio/haizhu-bridge.en.vtt',
    )
  })
})
