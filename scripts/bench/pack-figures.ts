import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

import { routePackFiles } from '../../src/offline/route-pack-files'
import type { Lang, Route } from '../../src/route/schema'
import { validateRouteText } from '../../src/route/validate'
import { audioFileSeconds } from '../narration/audio-duration'

/** One stop's files: model, poster, each narration encoding with its bitrate, captions. */
export interface StopBytes {
  stopId: string
  /** Null for an interlude, which has no model. */
  glb: number | null
  /** The poster picture a link to the stop shows first (an image: budget 200 KB); null if it has none. */
  poster: number | null
  audio: { lang: Lang; file: string; bytes: number; seconds: number; kbps: number }[]
  captions: { lang: Lang; bytes: number }[]
}

/** Loads and validates a route pack's route.json from disk. */
export function loadPack(packDir: string): Route {
  const { route, problems } = validateRouteText(readFileSync(join(packDir, 'route.json'), 'utf8'))
  if (!route) throw new Error(`${packDir}/route.json does not validate: ${problems.length} problems`)
  return route
}

/** Bytes per stop, read from the pack on disk. */
export function stopBytes(route: Route, packDir: string): StopBytes[] {
  const size = (path: string) => statSync(join(packDir, path)).size
  return route.stops.map((stop) => ({
    stopId: stop.id,
    glb: stop.model ? size(stop.model.src) : null,
    poster: stop.model?.poster ? size(stop.model.poster) : null,
    audio: Object.entries(stop.narration).flatMap(([lang, track]) =>
      track.audio.map((file) => {
        const bytes = size(file)
        const seconds = audioFileSeconds(join(packDir, file))
        return { lang: lang as Lang, file, bytes, seconds, kbps: (bytes * 8) / 1000 / seconds }
      }),
    ),
    captions: Object.entries(stop.narration).map(([lang, track]) => ({
      lang: lang as Lang,
      bytes: size(track.captions),
    })),
  }))
}

/**
 * The offline download's size, as the app computes it (routePackFiles), for each single language and for all,
 * with the encoding Chromium picks (the first listed, Opus in WebM).
 */
export function offlinePackBytes(
  route: Route,
  routesDir: string,
  packFolder: string,
): Record<string, number> {
  const base = 'https://bench.invalid/'
  const urls = { routesUrl: `${base}routes-data/`, packUrl: `${base}routes-data/${packFolder}/` }
  const total = (langs: Lang[]) =>
    routePackFiles(route, urls, { langs, canPlay: (p) => p.endsWith('.webm') }).reduce(
      (sum, file) => sum + statSync(join(routesDir, file.url.slice(urls.routesUrl.length))).size,
      0,
    )
  const out: Record<string, number> = {}
  for (const lang of route.languages) out[lang] = total([lang])
  out.all = total([...route.languages])
  return out
}
