import { describe, expect, it } from 'vitest'

import { encodeWav, parseWav, soundRange } from './wav'

describe('encodeWav / parseWav', () => {
  it('round-trips mono 16-bit samples with a 44-byte header', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234])
    const bytes = encodeWav({ sampleRate: 22050, samples })
    expect(bytes.length).toBe(44 + 12)
    const back = parseWav(bytes)
    expect(back.sampleRate).toBe(22050)
    expect([...back.samples]).toEqual([...samples])
  })

  it('skips unknown chunks and trusts the file length over a placeholder data size', () => {
    const plain = encodeWav({ sampleRate: 16000, samples: Int16Array.from([5, 6, 7]) })
    const list = Uint8Array.from([...'LIST'].map((c) => c.charCodeAt(0)).concat([2, 0, 0, 0, 9, 9]))
    const bytes = new Uint8Array([...plain.subarray(0, 36), ...list, ...plain.subarray(36)])
    new DataView(bytes.buffer).setUint32(36 + list.length + 4, 0x7fffffff, true) // as written to a pipe
    expect([...parseWav(bytes).samples]).toEqual([5, 6, 7])
  })

  it('refuses what it cannot read', () => {
    expect(() => parseWav(new TextEncoder().encode('not a wav file at all'))).toThrow('not a RIFF/WAVE file')
    const stereo = encodeWav({ sampleRate: 8000, samples: new Int16Array(4) })
    new DataView(stereo.buffer).setUint16(22, 2, true)
    expect(() => parseWav(stereo)).toThrow('expected mono 16-bit PCM')
  })
})

describe('soundRange', () => {
  it('finds the loud part and widens it by the pads', () => {
    const samples = Int16Array.from([0, 0, 0, 10, 500, -900, 20, 0, 0, 0, 0])
    expect(soundRange(samples, 64, 1, 2)).toEqual({ start: 3, end: 8 })
    expect(soundRange(samples, 64, 10, 10)).toEqual({ start: 0, end: 11 })
  })

  it('returns an empty range for silence', () => {
    expect(soundRange(new Int16Array(100), 64, 5, 5)).toEqual({ start: 0, end: 0 })
  })
})
