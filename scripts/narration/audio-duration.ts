import { readFileSync } from 'node:fs'

/**
 * The duration of a narration file, read from its own headers without decoding it (so the validator needs no
 * ffmpeg): WebM (Opus) from the EBML Segment Info's Duration, MP3 from the Xing/Info frame count that encoders
 * (LAME, ffmpeg) write, else by walking the frames. Returns undefined for a file it cannot read.
 * @see https://www.matroska.org/technical/elements.html
 * @see http://gabriel.mp3-tech.org/mp3infotag.html
 */
export function audioDurationSeconds(bytes: Uint8Array): number | undefined {
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
    return webmDuration(bytes)
  return mp3Duration(bytes)
}

/** The duration of the audio file at `path` (WebM or MP3, as `audioDurationSeconds`); throws, naming it, if unreadable. */
export function audioFileSeconds(path: string): number {
  const seconds = audioDurationSeconds(new Uint8Array(readFileSync(path)))
  if (seconds === undefined) throw new Error(`cannot read the duration of ${path}: neither WebM nor MP3`)
  return seconds
}

// EBML element ids (with their length marker bits, as the spec writes them).
const SEGMENT = 0x18538067
const INFO = 0x1549a966
const TIMESTAMP_SCALE = 0x2ad7b1
const DURATION = 0x4489

/** A variable-length integer at `at`: its value (marker kept for ids, cleared for sizes) and its length. */
function vint(
  bytes: Uint8Array,
  at: number,
  keepMarker: boolean,
): { value: number; length: number } | undefined {
  const first = bytes[at]
  if (first === undefined || first === 0) return undefined
  const length = Math.clz32(first) - 23
  let value = keepMarker ? first : first & (0xff >> length)
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0)
  return { value, length }
}

/** The children of the element whose body spans `from`–`to`: id, body start and body end. */
function* children(bytes: Uint8Array, from: number, to: number) {
  let at = from
  while (at < to) {
    const id = vint(bytes, at, true)
    if (!id) return
    const size = vint(bytes, at + id.length, false)
    if (!size) return
    const body = at + id.length + size.length
    // All ones means "unknown size" (a live stream): the element runs to the end of its parent.
    const unknown = size.value === 2 ** (7 * size.length) - 1
    const end = unknown ? to : Math.min(to, body + size.value)
    yield { id: id.value, body, end }
    at = end
  }
}

function webmDuration(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const segment of children(bytes, 0, bytes.length)) {
    if (segment.id !== SEGMENT) continue
    for (const info of children(bytes, segment.body, segment.end)) {
      if (info.id !== INFO) continue
      let scale = 1_000_000
      let duration: number | undefined
      for (const field of children(bytes, info.body, info.end)) {
        const size = field.end - field.body
        if (field.id === TIMESTAMP_SCALE) {
          scale = 0
          for (let i = field.body; i < field.end; i++) scale = scale * 256 + bytes[i]!
        } else if (field.id === DURATION) {
          duration =
            size === 4 ? view.getFloat32(field.body) : size === 8 ? view.getFloat64(field.body) : undefined
        }
      }
      return duration === undefined ? undefined : (duration * scale) / 1e9
    }
  }
  return undefined
}

const MP3_BITRATES_KBPS = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
const MP3_RATES_HZ = { v1: [44100, 48000, 32000], v2: [22050, 24000, 16000], v25: [11025, 12000, 8000] }

/** An MPEG audio Layer III frame header at `at`, or undefined if there is none. */
function mp3Frame(bytes: Uint8Array, at: number) {
  const b1 = bytes[at + 1] ?? 0
  const b2 = bytes[at + 2] ?? 0
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0 || ((b1 >> 1) & 3) !== 1) return undefined
  const version = (b1 >> 3) & 3 // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  if (version === 1) return undefined
  const bitrate = (version === 3 ? MP3_BITRATES_KBPS.v1 : MP3_BITRATES_KBPS.v2)[(b2 >> 4) & 15]
  const rate = (version === 3 ? MP3_RATES_HZ.v1 : version === 2 ? MP3_RATES_HZ.v2 : MP3_RATES_HZ.v25)[
    (b2 >> 2) & 3
  ]
  if (!bitrate || !rate) return undefined
  const samples = version === 3 ? 1152 : 576
  const length = Math.floor(((samples / 8) * bitrate * 1000) / rate) + ((b2 >> 1) & 1)
  const mono = (bytes[at + 3] ?? 0) >> 6 === 3
  // Where the Xing/Info tag sits: after the side information, whose size depends on version and channels.
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17
  return { samples, rate, length, tagAt: at + 4 + sideInfo }
}

function mp3Duration(bytes: Uint8Array): number | undefined {
  let at = 0
  // An ID3v2 tag first: skip it (its size is a 28-bit syncsafe integer).
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    at =
      10 +
      (((bytes[6]! & 0x7f) << 21) |
        ((bytes[7]! & 0x7f) << 14) |
        ((bytes[8]! & 0x7f) << 7) |
        (bytes[9]! & 0x7f))
  }
  const first = mp3Frame(bytes, at)
  if (!first) return undefined
  const tag = String.fromCharCode(...bytes.subarray(first.tagAt, first.tagAt + 4))
  if ((tag === 'Xing' || tag === 'Info') && (bytes[first.tagAt + 7]! & 1) === 1) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return (view.getUint32(first.tagAt + 8) * first.samples) / first.rate
  }
  let frames = 0
  for (let frame: ReturnType<typeof mp3Frame> = first; frame; frame = mp3Frame(bytes, at)) {
    frames++
    at += frame.length
  }
  return (frames * first.samples) / first.rate
}
