/** Mono 16-bit PCM audio. */
export interface Pcm {
  sampleRate: number
  samples: Int16Array
}

/**
 * Reads a mono 16-bit PCM WAV file. The data chunk's size is trusted only when it fits the file, because a WAV
 * written to a pipe carries a placeholder size.
 * @throws Error when the file is not mono 16-bit PCM WAV.
 */
export function parseWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file')
  let sampleRate = 0
  let offset = 12
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset)
    const size = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'fmt ') {
      const format = view.getUint16(body, true)
      const channels = view.getUint16(body + 2, true)
      const bits = view.getUint16(body + 14, true)
      if (format !== 1 || channels !== 1 || bits !== 16)
        throw new Error(
          `expected mono 16-bit PCM, got format ${format}, ${channels} channel(s), ${bits} bits`,
        )
      sampleRate = view.getUint32(body + 4, true)
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data chunk comes before its fmt chunk')
      const end = Math.min(body + size, bytes.byteLength)
      const count = Math.floor((end - body) / 2)
      const samples = new Int16Array(count)
      for (let i = 0; i < count; i++) samples[i] = view.getInt16(body + i * 2, true)
      return { sampleRate, samples }
    }
    offset = body + size + (size % 2)
  }
  throw new Error('WAV file has no data chunk')
}

/** Writes mono 16-bit PCM as a canonical 44-byte-header WAV file. */
export function encodeWav({ sampleRate, samples }: Pcm): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2)
  const view = new DataView(bytes.buffer)
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + samples.length * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 1, true) // mono
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, samples.length * 2, true)
  samples.forEach((s, i) => view.setInt16(44 + i * 2, s, true))
  return bytes
}

/**
 * The sample range [start, end) that holds sound louder than `threshold`, widened by the pads. espeak-ng ends
 * every utterance with about 300 ms of silence; trimming it lets the script choose the pauses.
 */
export function soundRange(
  samples: Int16Array,
  threshold: number,
  padStart: number,
  padEnd: number,
): { start: number; end: number } {
  let first = 0
  while (first < samples.length && Math.abs(samples[first]!) <= threshold) first++
  if (first === samples.length) return { start: 0, end: 0 }
  let last = samples.length - 1
  while (last > first && Math.abs(samples[last]!) <= threshold) last--
  return { start: Math.max(0, first - padStart), end: Math.min(samples.length, last + 1 + padEnd) }
}
