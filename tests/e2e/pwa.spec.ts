import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { PNG } from 'pngjs'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'

import { CHROMIUM, CHROMIUM_ARGS, saveScreenshot } from './browser'

let context: BrowserContext | undefined
let profile: string | undefined
let restore: (() => void) | undefined

afterEach(async () => {
  restore?.()
  restore = undefined
  await context?.close()
  if (profile) rmSync(profile, { recursive: true, force: true })
  context = profile = undefined
})

/**
 * A phone with a real (not incognito) profile: Chromium refuses to install apps from incognito windows, and
 * Playwright's browser.newContext() is one.
 */
async function openInstalledPhone(): Promise<{ page: Page; baseUrl: string; errors: string[] }> {
  profile = mkdtempSync(join(tmpdir(), 'pwa-profile-'))
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  const baseUrl = inject('baseUrl')
  await page.goto(baseUrl)
  await page.waitForSelector('.stop-list li')
  // The service worker registers after load; wait until it controls the page (precache complete).
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  return { page, baseUrl, errors }
}

describe('the installable app', () => {
  it('passes Chromium’s installability check, with its name, colours and PNG icons', async () => {
    const { page, baseUrl, errors } = await openInstalledPhone()
    const cdp = await context!.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    const { errors: manifestErrors, data } = await cdp.send('Page.getAppManifest')
    expect(manifestErrors).toEqual([])
    const manifest = JSON.parse(data ?? '{}') as {
      name: string
      short_name: string
      display: string
      theme_color: string
      background_color: string
      icons: { src: string; sizes: string; purpose: string }[]
    }
    // The default route's title in the index, in its default language.
    expect(manifest.name).toBe('以水读城 · 珠江夜游')
    expect(manifest.short_name).toBe('以水读城')
    expect(manifest.display).toBe('standalone')
    expect([manifest.theme_color, manifest.background_color]).toEqual(['#0b0f1c', '#0b0f1c'])
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, baseUrl).href)
      const png = PNG.sync.read(await response.body())
      expect(`${png.width}x${png.height}`).toBe(icon.sizes)
      if (icon.purpose === 'maskable') {
        // Maskable: no transparent pixel anywhere, or the launcher would show its own colour through it.
        let transparent = 0
        for (let i = 3; i < png.data.length; i += 4) if ((png.data[i] ?? 0) < 255) transparent++
        expect(transparent).toBe(0)
      }
    }
    expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable'])
    expect(errors).toEqual([])
  })

  it('precaches the shell but not the route packs, and starts with no network', async () => {
    const { page, baseUrl, errors } = await openInstalledPhone()
    const cached = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname)
      return urls
    })
    const html = await (await page.request.get(baseUrl)).text()
    const entry = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
    expect(entry.length).toBeGreaterThan(1)
    expect(cached).toEqual(expect.arrayContaining(['/index.html', ...entry]))
    expect(cached.some((url) => /\/assets\/maplibre-gl-worker[^/]*\.mjs$/.test(url))).toBe(true)
    expect(cached.some((url) => /\/assets\/scene-canvas[^/]*\.js$/.test(url))).toBe(true)
    const precached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.includes('precache'))!
      return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname)
    })
    expect(precached.filter((url) => url.includes('/routes-data/'))).toEqual([])
    // Route packs are never kept whole: only the small files a visit read (see offline.spec.ts).
    expect(cached.filter((url) => /\/routes-data\/.*\.(webm|mp3|glb)$/.test(url))).toEqual([])

    // With the network off, nothing downloaded and nothing kept, the app itself still starts and says why the
    // route is missing: no connection, not a broken file.
    await page.evaluate(() => caches.delete('route-visit-files'))
    await context!.setOffline(true)
    await page.reload()
    await expect.poll(() => page.locator('h1').innerText()).toBe('没有网络连接')
    expect(await page.locator('.route-problems').innerText()).not.toContain('npm run validate')
    await saveScreenshot(page, 'pwa-01-offline-without-pack')
    expect(errors).toEqual([])
  })

  it('offers a new version with an update prompt and switches only when the visitor reloads', async () => {
    const { page } = await openInstalledPhone()
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    // A new deployment: the same worker with one byte changed is a new version to the browser. (The browser
    // fetches worker scripts itself, out of reach of Playwright's routing, so the served file is changed.)
    const swFile = join(process.env.E2E_DIST ?? 'dist', 'sw.js')
    const original = readFileSync(swFile, 'utf8')
    writeFileSync(swFile, `${original}\n// next release\n`)
    restore = () => writeFileSync(swFile, original)
    await page.evaluate(() => {
      ;(window as unknown as { stillTheOldPage: boolean }).stillTheOldPage = true
      return navigator.serviceWorker.getRegistration().then((r) => r?.update())
    })
    const prompt = page.locator('.update-prompt')
    await prompt.waitFor({ timeout: 30_000 })
    expect(await prompt.innerText()).toContain('导览有新版本')
    await saveScreenshot(page, 'pwa-02-update-prompt')
    // Until the visitor says yes, the old version keeps the page: nothing is swapped underneath it.
    const waiting = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { waiting: registration?.waiting?.state ?? null, active: registration?.active?.state ?? null }
    })
    expect(waiting).toEqual({ waiting: 'installed', active: 'activated' })
    expect(
      await page.evaluate(() => (window as unknown as { stillTheOldPage?: boolean }).stillTheOldPage),
    ).toBe(true)
    await prompt.getByRole('button', { name: '重新载入' }).click()
    // The page reloads under the new worker: the marker is gone, no worker waits, and the tour is back.
    await page.waitForFunction(
      () => !(window as unknown as { stillTheOldPage?: boolean }).stillTheOldPage,
      undefined,
      { timeout: 30_000 },
    )
    await page.waitForSelector('.stop-list li')
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { waiting: registration?.waiting ?? null, controller: navigator.serviceWorker.controller?.state }
    })
    expect(after).toEqual({ waiting: null, controller: 'activated' })
    expect(before).toBeDefined()
    expect(await page.locator('.update-prompt').count()).toBe(0)
  })
})
