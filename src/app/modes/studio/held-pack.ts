import { holdPackFiles } from '@/route/asset-url'

/** A route pack's files held by the page, served to the studio's checks and preview under `packUrl`. */
export interface HeldPack {
  packUrl: string
  folder: string
  name: string
  files: ReadonlyMap<string, Blob>
  release: () => void
}

const TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  mp4: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
  wav: 'audio/wav',
  flac: 'audio/flac',
  vtt: 'text/vtt',
  json: 'application/json',
  geojson: 'application/geo+json',
  gltf: 'model/gltf+json',
  glb: 'model/gltf-binary',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
}

/**
 * A pack file's bytes as a Blob of its media type, so an audio element or an image decodes it. A copy: the
 * unzipped bytes may be views of one shared buffer.
 */
export function packBlob(path: string, bytes: Uint8Array): Blob {
  const type = TYPES[path.split('.').pop()?.toLowerCase() ?? '']
  return new Blob([bytes.slice()], type ? { type } : {})
}

let opened = 0

/**
 * Holds a pack's files as object URLs under a folder URL of their own. Each URL ends in a fragment with the
 * file's name: howler picks a codec by the extension in the URL, and fetching ignores the fragment.
 */
export function holdPack(folder: string, name: string, files: ReadonlyMap<string, Blob>): HeldPack {
  const packUrl = new URL(`studio-pack/${++opened}/${folder}/`, location.href).href
  const urls = new Map<string, string>()
  for (const [path, blob] of files)
    urls.set(path, `${URL.createObjectURL(blob)}#${encodeURIComponent(path.split('/').pop() ?? path)}`)
  const letGo = holdPackFiles(packUrl, urls)
  return {
    packUrl,
    folder,
    name,
    files,
    release: () => {
      letGo()
      for (const url of urls.values()) URL.revokeObjectURL(url.slice(0, url.indexOf('#')))
    },
  }
}

/** Whether a file is a pack's zip rather than a route file. */
export function isZip(file: File): boolean {
  return (
    /\.zip$/i.test(file.name) ||
    file.type === 'application/zip' ||
    file.type === 'application/x-zip-compressed'
  )
}
