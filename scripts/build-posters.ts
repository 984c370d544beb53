/**
 * `npm run posters [route folder]` (a folder listed in routes-data/index.json; the default route's otherwise): renders each stop's poster — the first frame of its 3D view, drawn by the app
 * itself in Chromium — into <folder>/posters/<stop id>.webp, and names it in route.json (`model.poster`), touching
 * nothing else in the file. A stop opened from a link shows its poster at once and starts the 3D view on the
 * visitor's first touch (docs/performance.md). Run it again after a model, its placement or the scene's look
 * changes: tests/e2e/scene.spec.ts fails when a poster no longer matches its 3D view.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { chromium } from 'playwright-core'
import sharp from 'sharp'
import { preview } from 'vite'

import { applySequentially } from '../src/app/modes/studio/json-edit'
import { changeEdits, type DraftChange } from '../src/app/modes/studio/route-draft'
import { routeJsonSchema } from '../src/route/json-schema'
import type { Route, RouteIndex } from '../src/route/schema'
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser'
import { listedRoute } from './listed-route'

/** The poster's size in CSS pixels: a 390 px phone's 3D view (4:3), drawn at twice the density. */
export const POSTER_VIEWPORT = { width: 390, height: 844, deviceScaleFactor: 2 }
const QUALITY = 70
const PORT = Number(process.env.POSTERS_PORT ?? 4191)

const ROUTES_DIR = 'routes-data'
const indexText = readFileSync(join(ROUTES_DIR, 'index.json'), 'utf8')
const index = JSON.parse(indexText) as RouteIndex
const defaultFolder = index.routes.find((r) => r.id === index.default)?.folder ?? index.default
const folder = resolve(process.argv[2] ?? join(ROUTES_DIR, defaultFolder))
const listed = listedRoute(indexText, ROUTES_DIR, folder)
if (!listed.ok) {
  console.error(`posters: ${listed.message}`)
  process.exit(1)
}
const routeId = listed.id
const routeFile = join(folder, 'route.json')
const text = readFileSync(routeFile, 'utf8')
const route = JSON.parse(text) as Route
// A build of this checkout's own, in a fresh temporary folder removed at the end.
const dist = mkdtempSync(join(tmpdir(), 'posters-dist-'))

execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
  stdio: 'inherit',
})
const server = await preview({
  build: { outDir: dist },
  preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
})
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
const changes: DraftChange[] = []
try {
  const context = await browser.newContext({
    viewport: { width: POSTER_VIEWPORT.width, height: POSTER_VIEWPORT.height },
    deviceScaleFactor: POSTER_VIEWPORT.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    // The camera jumps to its first view instead of flying there.
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  mkdirSync(join(folder, 'posters'), { recursive: true })
  for (const [index, stop] of route.stops.entries()) {
    // An interlude has no 3D view to picture.
    if (!stop.model) continue
    const url = `http://127.0.0.1:${PORT}/?route=${routeId}&stop=${stop.id}&lang=${route.defaultLanguage}`
    await page.goto(url)
    // A touch on the stop's title: the 3D view starts as it does for a visitor.
    await page.locator('#stop-title').click()
    await page.waitForSelector(`.scene-canvas[data-ready-stop="${stop.id}"][data-view="overview"]`, {
      timeout: 60_000,
    })
    // The words over the view belong to the page, not to the picture; so do the hotspot badges, which a still
    // picture cannot answer (they come with the 3D view).
    await page.addStyleTag({
      content: '.scene-hint, .scene-status, .scene-poster, .hotspot { visibility: hidden !important; }',
    })
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    const png = await page.locator('.scene-host').screenshot({ animations: 'disabled' })
    const path = `posters/${stop.id}.webp`
    const webp = await sharp(png).webp({ quality: QUALITY, effort: 6 }).toBuffer()
    writeFileSync(join(folder, path), webp)
    process.stderr.write(`posters: ${path} ${(webp.length / 1024).toFixed(1)} KB\n`)
    if (stop.model.poster !== path) {
      changes.push({ kind: 'set', path: ['stops', index, 'model', 'poster'], value: path })
    }
  }
} finally {
  await browser.close()
  await server.close()
  rmSync(dist, { recursive: true, force: true })
}
if (changes.length > 0) {
  writeFileSync(routeFile, applySequentially(text, changeEdits(text, changes, routeJsonSchema())))
  process.stderr.write(`posters: named ${changes.length} new poster(s) in ${routeFile}\n`)
}
