/** What kind of file a pack path names, by its extension: what its first bytes must look like. */
export type PackFileKind = 'audio' | 'captions' | 'json' | 'glb' | 'image' | 'other'

const KINDS: Record<string, PackFileKind> = {
  mp3: 'audio',
  m4a: 'audio',
  aac: 'audio',
  mp4: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  webm: 'audio',
  wav: 'audio',
  flac: 'audio',
  vtt: 'captions',
  json: 'json',
  geojson: 'json',
  gltf: 'json',
  glb: 'glb',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  avif: 'image',
}

export function packFileKind(path: string): PackFileKind {
  return KINDS[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'other'
}

/** How many bytes of a file are read to recognise it. */
export const SNIFF_BYTES = 64

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  text.split('').every((c, i) => bytes[at + i] === c.charCodeAt(0))

/** Whether the first bytes are those of an audio file the app can play (MP3, AAC/MP4, Ogg, WebM, WAV, FLAC). */
function isAudio(b: Uint8Array): boolean {
  return (
    ascii(b, 0, 'ID3') ||
    // An MPEG audio frame's sync word (MP3, or AAC in ADTS).
    (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) ||
    ascii(b, 4, 'ftyp') ||
    ascii(b, 0, 'OggS') ||
    (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) ||
    (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) ||
    ascii(b, 0, 'fLaC')
  )
}

function isImage(b: Uint8Array): boolean {
  return (
    (b[0] === 0x89 && ascii(b, 1, 'PNG')) ||
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
    (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) ||
    ascii(b, 4, 'ftypavif')
  )
}

/** The first character after a byte-order mark and white space. */
function firstText(b: Uint8Array): string {
  const text = new TextDecoder().decode(b).replace(/^\uFEFF/, '')
  return text.trimStart()
}

/**
 * Whether an answer is the file a path names: not an HTML page (a server that falls back to index.html answers
 * 200 for every path) and its first bytes those of its kind: audio, WebVTT, JSON or binary glTF.
 */
export function looksLike(kind: PackFileKind, contentType: string, bytes: Uint8Array): boolean {
  if (/^text\/html\b/i.test(contentType)) return false
  switch (kind) {
    case 'audio':
      return isAudio(bytes)
    case 'captions':
      return firstText(bytes).startsWith('WEBVTT')
    case 'json':
      return /^[[{]/.test(firstText(bytes))
    case 'glb':
      return ascii(bytes, 0, 'glTF')
    case 'image':
      return isImage(bytes)
    case 'other':
      return !/^\s*</.test(firstText(bytes))
  }
}

/** Reads at most the first `limit` bytes of a response and lets the rest go. */
async function firstBytes(response: Response, limit: number): Promise<Uint8Array> {
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array()
  const out = new Uint8Array(limit)
  let length = 0
  while (length < limit) {
    const { done, value } = await reader.read()
    if (done) break
    const take = value.subarray(0, limit - length)
    out.set(take, length)
    length += take.length
  }
  void reader.cancel().catch(() => undefined)
  return out.subarray(0, length)
}

/** Whether each pack file is there, asked once per URL for the studio's life. */
const checks = new Map<string, Promise<boolean>>()

/**
 * Whether the file at `url` is there and is what `path` names: a successful answer that is not an HTML page, with
 * the first bytes of its kind.
 */
export function packFileExists(url: string, path: string): Promise<boolean> {
  let check = checks.get(url)
  if (!check) {
    // No range request: the offline service worker answers those from its cache only. The body is let go
    // after its first bytes.
    check = fetch(url)
      .then(
        async (response) =>
          response.ok &&
          looksLike(
            packFileKind(path),
            response.headers.get('content-type') ?? '',
            await firstBytes(response, SNIFF_BYTES),
          ),
      )
      .catch(() => false)
    checks.set(url, check)
  }
  return check
}
