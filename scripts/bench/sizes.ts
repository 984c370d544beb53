import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** One built file and its size as sent compressed. */
export interface ChunkSize {
  file: string
  bytes: number
  gzip: number
}

/** The gzip size of a file's bytes, at the level servers commonly use (9, as Vite reports it). */
export function gzipBytes(data: Buffer | string): number {
  return gzipSync(data, { level: 9 }).length
}

/**
 * The files the first view cannot paint without: the entry script, its modulepreloads and stylesheets, and the
 * data preloaded beside them (the route index and the default route.json), read from the built index.html
 * (everything else, MapLibre and three included, is loaded later by import()).
 */
export function criticalPathFiles(indexHtml: string): { js: string[]; css: string[]; data: string[] } {
  const js: string[] = []
  const css: string[] = []
  const data: string[] = []
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (!url || /^[a-z]+:|^\/\//i.test(url)) continue
    if (tag.startsWith('<script') && /type="module"/.test(tag)) js.push(url)
    else if (/rel="modulepreload"/.test(tag)) js.push(url)
    else if (/rel="stylesheet"/.test(tag)) css.push(url)
    else if (/rel="preload"/.test(tag) && /as="fetch"/.test(tag)) data.push(url)
  }
  return { js, css, data }
}

/** Every JS/CSS file in the build's assets folder, with raw and gzip sizes, largest first. */
export function chunkSizes(distDir: string): ChunkSize[] {
  const assets = join(distDir, 'assets')
  return readdirSync(assets)
    .filter((f) => /\.(m?js|css)$/.test(f))
    .map((f) => {
      const data = readFileSync(join(assets, f))
      return { file: `/assets/${f}`, bytes: data.length, gzip: gzipBytes(data) }
    })
    .sort((a, b) => b.gzip - a.gzip)
}

/** The gzip bytes of the first view's critical path, split into JS, CSS and preloaded data. */
export function criticalPathBytes(distDir: string): {
  js: number
  css: number
  data: number
  files: string[]
} {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const { js, css, data } = criticalPathFiles(html)
  const size = (url: string) => gzipBytes(readFileSync(join(distDir, url.replace(/^\//, ''))))
  return {
    js: js.reduce((s, u) => s + size(u), 0),
    css: css.reduce((s, u) => s + size(u), 0),
    data: data.reduce((s, u) => s + size(u), 0),
    files: [...js, ...css, ...data],
  }
}
