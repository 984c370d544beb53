import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, saveScreenshot } from './browser'
import { ROUTE } from './route-data'

const DIST = resolve(process.env.E2E_DIST ?? 'dist')
let dir: string
let nginx: ChildProcess
let base: string
let browser: Browser

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  dir = mkdtempSync(join(tmpdir(), 'nginx-'))
  // deploy/nginx.conf as shipped, pointed at this build and this port.
  const site = readFileSync('deploy/nginx.conf', 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('/var/www/reading-by-water/dist', DIST)
  writeFileSync(join(dir, 'site.conf'), site)
  // A main file of our own: one process as this user, everything it writes in the temporary folder.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events {}',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  )
  nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  base = `http://127.0.0.1:${port}/`
  // Up within a few seconds, or the test says why not.
  for (let tries = 0; ; tries++) {
    const status = await fetch(base).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) break
    if (tries > 50) throw new Error(`nginx did not answer on ${base}: ${stderr}`)
    await new Promise((done) => setTimeout(done, 200))
  }
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  nginx?.kill()
  rmSync(dir, { recursive: true, force: true })
})

const head = (path: string, init?: RequestInit) => fetch(new URL(path, base), init)

describe('the build on Debian’s nginx with deploy/nginx.conf', () => {
  it('sends each file type with its MIME type, and audio in byte ranges', async () => {
    const assets = readdirSync(join(DIST, 'assets'))
    const worker = assets.find((f) => f.endsWith('.mjs'))!
    const stop = ROUTE.stops[0]!
    const track = stop.narration[ROUTE.defaultLanguage]!
    const pack = 'routes-data/pearl-river-night/'
    const types: [string, string][] = [
      [`assets/${worker}`, 'text/javascript'],
      [pack + track.captions, 'text/vtt'],
      [pack + stop.model!.src, 'model/gltf-binary'],
      [pack + track.audio.find((a) => a.endsWith('.webm'))!, 'video/webm'],
      ['manifest.webmanifest', 'application/manifest+json'],
      [`${pack}route.json`, 'application/json'],
    ]
    for (const [path, type] of types)
      expect(`${path}: ${(await head(path)).headers.get('content-type')}`).toMatch(`${path}: ${type}`)

    const audio = pack + track.audio[0]!
    const part = await head(audio, { headers: { range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toMatch(/^bytes 100-199\/\d+$/)
    expect((await part.arrayBuffer()).byteLength).toBe(100)
  })

  it('keeps hashed code a year and revalidates the page, the service worker and route files', async () => {
    const chunk = readdirSync(join(DIST, 'assets')).find((f) => f.endsWith('.js'))!
    expect((await head(`assets/${chunk}`)).headers.get('cache-control')).toBe('max-age=31536000')
    for (const path of ['', '?stop=canton-tower', 'index.html', 'sw.js', 'routes-data/index.json']) {
      const response = await head(path)
      expect(`${path}: ${response.status} ${response.headers.get('cache-control')}`).toBe(
        `${path}: 200 no-cache`,
      )
    }
    const route = await head('routes-data/pearl-river-night/route.json')
    expect(route.headers.get('cache-control')).toBe('no-cache')
    const again = await head('routes-data/pearl-river-night/route.json', {
      headers: { 'if-none-match': route.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
    expect((await head('nginx-csp.conf')).status).toBe(404)
  })

  it('sends the page’s Content-Security-Policy as a header, and the tour draws under it', async () => {
    const response = await head('')
    const html = await response.text()
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeTruthy()
    expect(response.headers.get('content-security-policy')).toBe(meta!.replaceAll('&#39;', "'"))

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    const stop = ROUTE.stops[1]!
    await page.goto(`${base}?stop=${stop.id}`)
    await expect
      .poll(() => page.locator('#stop-title').innerText(), { timeout: 30_000 })
      .toContain(stop.title['zh-Hans'])
    await page.waitForSelector('.stop-list li')
    await page.waitForSelector('.still-map')
    await saveScreenshot(page, 'nginx-01-tour')
    expect(errors).toEqual([])
    await context.close()
  })
})
