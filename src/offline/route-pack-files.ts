import { assetPathProblem } from '@/route/asset-path'
import type { Lang, Route } from '@/route/schema'

/** One file of a route pack, as the offline download fetches and stores it. */
export interface PackFile {
  url: string
  kind: 'route' | 'map' | 'model' | 'audio' | 'captions' | 'image'
  /** The stop it belongs to, for the per-stop figures of the bench. */
  stopId?: string
  lang?: Lang
}

const KIND_BY_EXTENSION: [RegExp, PackFile['kind']][] = [
  [/\.(geojson|pmtiles|pbf|mvt)$/i, 'map'],
  [/\.(glb|gltf|bin|ktx2|drc)$/i, 'model'],
  [/\.(webm|mp3|ogg|opus|m4a|aac|wav)$/i, 'audio'],
  [/\.vtt$/i, 'captions'],
  [/\.(png|jpe?g|webp|avif|gif|svg)$/i, 'image'],
]

function kindOf(path: string): PackFile['kind'] | undefined {
  return KIND_BY_EXTENSION.find(([pattern]) => pattern.test(path))?.[1]
}

/** Every relative pack path under `value`, found by walking it: new asset fields are not forgotten. */
function assetPaths(value: unknown, found: string[]): void {
  if (typeof value === 'string') {
    // Only known asset extensions: a title like "St.Paul" is text, not a file.
    if (kindOf(value) && assetPathProblem(value) === null && !/\s/.test(value)) found.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) assetPaths(item, found)
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) assetPaths(item, found)
  }
}

/**
 * The files a visitor needs to take `route` offline: the route index and route.json, the map layers, each stop's
 * model and images, and narration in the chosen languages only, one audio encoding per track (the first the
 * browser can play, as the player picks it). Pure: the page supplies `canPlay` from an <audio> element.
 */
export function routePackFiles(
  route: Route,
  urls: { routesUrl: string; packUrl: string },
  options: { langs: readonly Lang[]; canPlay: (audioPath: string) => boolean },
): PackFile[] {
  const files: PackFile[] = [
    { url: new URL('index.json', urls.routesUrl).href, kind: 'route' },
    { url: new URL('route.json', urls.packUrl).href, kind: 'route' },
  ]
  const add = (path: string, extra: Omit<PackFile, 'url' | 'kind'> = {}, kind = kindOf(path) ?? 'image') =>
    files.push({ url: new URL(path, urls.packUrl).href, kind, ...extra })

  const { stops, ...rest } = route
  const routePaths: string[] = []
  assetPaths(rest, routePaths)
  for (const path of routePaths) add(path)

  for (const stop of stops) {
    const { narration, ...content } = stop
    const paths: string[] = []
    assetPaths(content, paths)
    for (const path of paths) add(path, { stopId: stop.id })
    for (const lang of options.langs) {
      const track = narration[lang]
      if (!track) continue
      const audio = track.audio.find((path) => options.canPlay(path)) ?? track.audio[0]
      if (audio) add(audio, { stopId: stop.id, lang }, 'audio')
      add(track.captions, { stopId: stop.id, lang }, 'captions')
      // Anything else the track names (images its cues show, say) comes with that language.
      const { audio: _audio, captions: _captions, ...extras } = track
      const extraPaths: string[] = []
      assetPaths(extras, extraPaths)
      for (const path of extraPaths) add(path, { stopId: stop.id, lang })
    }
  }
  const seen = new Set<string>()
  return files.filter((file) => (seen.has(file.url) ? false : (seen.add(file.url), true)))
}
