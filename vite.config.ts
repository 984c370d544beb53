import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { viteStaticCopy } from 'vite-plugin-static-copy'

import { contentSecurityPolicy } from './scripts/content-security-policy.ts'

interface RouteIndexFile {
  default?: string
  routes?: { id?: string; folder?: string; title?: Record<string, string> }[]
  allowRemote?: string[]
}

const readRouteIndex = () => JSON.parse(readFileSync('routes-data/index.json', 'utf8')) as RouteIndexFile

/**
 * The deployment's default route as the page and the installed app name it before the app has opened a route:
 * its title in the index and its summary, in the route's default language. The app then names the page after
 * the route it shows.
 */
function defaultRouteTexts(): { lang: string; title: string; shortTitle: string; description: string } {
  const index = readRouteIndex()
  const entry = index.routes?.find((r) => r.id === index.default)
  if (!entry?.folder) throw new Error('routes-data/index.json names no default route folder')
  const route = JSON.parse(readFileSync(`routes-data/${entry.folder}/route.json`, 'utf8')) as {
    defaultLanguage: string
    title: Record<string, string>
    summary: Record<string, string>
  }
  const lang = route.defaultLanguage
  const title = entry.title?.[lang] ?? route.title[lang] ?? entry.id ?? ''
  // A launcher shows a dozen characters: the title's first part, before " · " or a colon.
  const shortTitle = title.split(/\s*[·:：]\s*/)[0] ?? title
  return { lang, title, shortTitle, description: route.summary[lang] ?? '' }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/** index.html's language, title and description, from the deployment's default route. */
function routeTextsInHtml(): Plugin {
  return {
    name: 'route-texts-in-html',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        const texts = defaultRouteTexts()
        return html
          .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(texts.lang)}"`)
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(texts.title)}</title>`)
          .replace(
            /(<meta\s+name="description"\s+content=")[^"]*"/,
            (_, start: string) => `${start}${escapeHtml(texts.description)}"`,
          )
      },
    },
  }
}

const DEFAULT_ROUTE = defaultRouteTexts()

/**
 * The first view needs routes-data/index.json and then its route's route.json; both are preloaded from the HTML
 * so they download alongside the entry chunk instead of after it has run (the route title is the first view's
 * largest paint). The index is read by every page; the default route's file only by a page that does not ask
 * for another route (`?route=`), so a small inline script adds its preload only there. The script's hash goes
 * into the Content-Security-Policy (no other inline script is allowed).
 */
function defaultRoutePreloadScript(base: string): string | null {
  const index = readRouteIndex()
  const folder = index.routes?.find((r) => r.id === index.default)?.folder
  if (!folder || !index.default) return null
  const href = JSON.stringify(`${base}routes-data/${folder}/route.json`)
  const id = JSON.stringify(index.default)
  // `crossOrigin` makes the preload match the page's fetch() (CORS mode, same-origin credentials).
  return `(function(){var r=new URLSearchParams(location.search).get('route');if(r!==null&&r!==${id})return;var l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='';l.href=${href};document.head.appendChild(l)})()`
}

/** The Content-Security-Policy meta tag, with the remote route origins the route index allows (if any). */
function contentSecurityPolicyTag(): Plugin {
  let base = '/'
  const policy = () => {
    const script = defaultRoutePreloadScript(base)
    const hashes = script ? [`'sha256-${createHash('sha256').update(script).digest('base64')}'`] : []
    return contentSecurityPolicy(readRouteIndex().allowRemote, hashes)
  }
  return {
    name: 'content-security-policy',
    apply: 'build',
    configResolved: (config) => {
      base = config.base
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy() },
        injectTo: 'head-prepend',
      },
    ],
    // The same policy as a response header for a real web server (deploy/nginx.conf includes it).
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'nginx-csp.conf',
        source: `add_header Content-Security-Policy "${policy()}" always;\n`,
      })
    },
  }
}

function preloadRouteFiles(): Plugin {
  let base = '/'
  return {
    name: 'preload-route-files',
    configResolved: (config) => {
      base = config.base
    },
    transformIndexHtml() {
      const script = defaultRoutePreloadScript(base)
      if (!script)
        this.warn('routes-data/index.json names no default route folder: route.json is not preloaded')
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', href: `${base}routes-data/index.json`, as: 'fetch', crossorigin: '' },
          injectTo: 'head' as const,
        },
        ...(script ? [{ tag: 'script', children: script, injectTo: 'head' as const }] : []),
      ]
    },
  }
}

/**
 * The route packs in routes-data/ are published as static files beside the app, so a route can be replaced
 * without rebuilding the code. The 3D stack (three, R3F, drei) and MapLibre are chunks of their own that load
 * after the first view.
 */
export default defineConfig({
  resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
  plugins: [
    react(),
    routeTextsInHtml(),
    contentSecurityPolicyTag(),
    preloadRouteFiles(),
    viteStaticCopy({
      targets: [
        { src: 'routes-data', dest: '.' },
        // Draco decoders served from the app's own origin (drei's default is a CDN); fetched only by Draco models.
        { src: 'node_modules/three/examples/jsm/libs/draco/gltf/*', dest: 'draco' },
      ],
    }),
    // The installable app: its shell (code, styles, icons, MapLibre's worker) is precached; route packs are
    // not, they are downloaded on request (src/offline/). 'prompt': a new build waits for the visitor's yes.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}'],
        // Not for tourists: the curators' studio, and Draco's JavaScript decoder (every browser that runs the app
        // takes the WebAssembly one, fetched with a model that needs it).
        globIgnores: [
          'routes-data/**',
          'assets/studio-*',
          'assets/draco_decoder-*.js',
          'draco/draco_decoder.js',
        ],
        // Chunk names carry their content hash: no revision, so the install may take the copy the page has
        // just downloaded from the HTTP cache instead of fetching every chunk again ('reload').
        dontCacheBustURLsMatching: /^assets\//,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // A classic worker: module service workers are not in every browser a tourist carries.
        rollupFormat: 'iife',
      },
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: DEFAULT_ROUTE.title,
        short_name: DEFAULT_ROUTE.shortTitle,
        description: DEFAULT_ROUTE.description,
        lang: DEFAULT_ROUTE.lang,
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#0b0f1c',
        background_color: '#0b0f1c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vendor chunks named for what they hold (left to itself, three's 900 KB was named after the first
        // module of ours that shared it, "camera-capture"). Only code the first view never loads is grouped:
        // a group the entry imports would join the critical path.
        codeSplitting: {
          groups: [
            // Not their dependencies too (rolldown's default): React would follow @react-three into its chunk.
            {
              name: 'three',
              test: /[\\/]node_modules[\\/]three[\\/]/,
              priority: 3,
              includeDependenciesRecursively: false,
            },
            {
              name: 'react-three',
              test: /[\\/]node_modules[\\/]@react-three[\\/]/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
})
