import { unzip, zip, type Unzipped, type Zippable } from 'fflate'

import { assetPathProblem } from '@/route/asset-path'
import { namedFiles } from '@/route/pack-checks'
import { LANGUAGES } from '@/route/schema'

/** A route pack as files: route.json's text and every other file by its path inside the pack folder. */
export interface RoutePack {
  /** The pack folder's name: the route's id. */
  folder: string
  routeText: string
  files: ReadonlyMap<string, Uint8Array>
}

/** A pack larger than this, unpacked, is refused: a city's pack is tens of MB. */
export const MAX_PACK_BYTES = 1_000_000_000

/** A pack path as a file name inside the folder: "./audio/a.mp3" and "audio//a.mp3" are "audio/a.mp3". */
export function packEntryName(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
}

/** The files route.json names (models, audio, captions, posters, images, basemap), each once, in file order. */
export function namedPackFiles(value: unknown): string[] {
  const names = new Map<string, string>()
  for (const path of namedFiles(value))
    if (assetPathProblem(path) === null && !names.has(packEntryName(path)))
      names.set(packEntryName(path), path)
  return [...names.values()]
}

/** Files a pack may hold that route.json does not name: the narration's pronunciation lexicons. */
export const OPTIONAL_PACK_FILES: readonly string[] = LANGUAGES.map((lang) => `lexicon/${lang}.json`)

/** The folder a route is packed in: its id when it is one a folder can be named, otherwise "route". */
export function packFolderName(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id) ? id : 'route'
}

/** Already compressed: stored as they are, which saves the time of deflating them again. */
const STORED = /\.(mp3|m4a|aac|mp4|ogg|oga|opus|webm|flac|glb|png|jpe?g|webp|avif)$/i

/** The pack as a zip: one folder, `<folder>/route.json` and its files beside it, as `npm run validate` reads it. */
export function zipPack(pack: RoutePack): Promise<Uint8Array> {
  const entries: Zippable = { [`${pack.folder}/route.json`]: new TextEncoder().encode(pack.routeText) }
  for (const [path, bytes] of pack.files)
    entries[`${pack.folder}/${packEntryName(path)}`] = [bytes, { level: STORED.test(path) ? 0 : 6 }]
  return new Promise((resolve, reject) =>
    zip(entries, (error, data) => (error ? reject(error) : resolve(data))),
  )
}

/** Why a zip cannot be opened as a route pack: shown to the curator. */
export type UnpackFailure = 'not-zip' | 'no-route' | 'too-large'

/**
 * Reads a route pack's zip: the route.json nearest the top (a pack folder, or route.json at the top) and every
 * file in its folder and below, by its path there. Other files are left out.
 */
export async function unzipPack(
  bytes: Uint8Array,
): Promise<{ ok: true; pack: RoutePack } | { ok: false; reason: UnpackFailure }> {
  let total = 0
  let tooLarge = false
  let entries: Unzipped
  try {
    entries = await new Promise<Unzipped>((resolve, reject) =>
      unzip(
        bytes,
        {
          filter: (file) => {
            total += file.originalSize
            if (total > MAX_PACK_BYTES) tooLarge = true
            return !tooLarge && !file.name.endsWith('/')
          },
        },
        (error, data) => (error ? reject(error) : resolve(data)),
      ),
    )
  } catch {
    return { ok: false, reason: 'not-zip' }
  }
  if (tooLarge) return { ok: false, reason: 'too-large' }
  const routeEntry = Object.keys(entries)
    .filter((name) => name === 'route.json' || name.endsWith('/route.json'))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0]
  if (routeEntry === undefined) return { ok: false, reason: 'no-route' }
  const base = routeEntry.slice(0, -'route.json'.length)
  const files = new Map<string, Uint8Array>()
  for (const [name, data] of Object.entries(entries))
    if (name !== routeEntry && name.startsWith(base)) files.set(packEntryName(name.slice(base.length)), data)
  const routeText = new TextDecoder().decode(entries[routeEntry])
  const folder = base.split('/').filter(Boolean).pop() ?? 'route'
  return { ok: true, pack: { folder, routeText, files } }
}

/** The sum of the pack's file sizes, in bytes. */
export function packBytes(files: ReadonlyMap<string, { byteLength: number } | { size: number }>): number {
  let sum = 0
  for (const file of files.values()) sum += 'size' in file ? file.size : file.byteLength
  return sum
}
