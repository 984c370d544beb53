import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, saveScreenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

/** A narrow phone of `width` × `height` on the tour, with `prepare` run before the page opens. */
async function openNarrowPhone(
  width: number,
  height: number,
  prepare: (context: BrowserContext) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  await prepare(context)
  const page = await context.newPage()
  await page.goto(new URL('/', inject('baseUrl')).href, { waitUntil: 'domcontentloaded' })
  return { context, page }
}

/** Whether two on-screen boxes share any pixel. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [boxA, boxB] = await Promise.all([a.boundingBox(), b.boundingBox()])
  if (!boxA || !boxB) throw new Error('a box to compare is not on screen')
  return (
    boxA.x < boxB.x + boxB.width &&
    boxB.x < boxA.x + boxA.width &&
    boxA.y < boxB.y + boxB.height &&
    boxB.y < boxA.y + boxA.height
  )
}

describe('the map panel on narrow phones', () => {
  it.each([
    [320, 568],
    [360, 740],
    [390, 844],
  ])('keeps the loading status clear of the map attribution at %i px wide', async (width, height) => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const { context, page } = await openNarrowPhone(width, height, (c) =>
      c.route(/\/assets\/maplibre-gl[^/]*\.js$/, async (route) => {
        await held
        await route.continue()
      }),
    )
    await page.waitForSelector('.still-map .still-map-stop')
    await page.locator('.still-map').dispatchEvent('pointerdown')
    const status = page.getByRole('status').filter({ hasText: '正在载入地图' })
    await status.waitFor()
    const attribution = page.locator('.still-map-attribution')
    expect(await attribution.innerText()).toContain('© OpenStreetMap contributors')
    await saveScreenshot(page, `map-layout-${width}-loading`)
    expect(await overlap(status, attribution)).toBe(false)
    release()
    await page.waitForSelector('.map-panel[data-state="ready"]', { timeout: 60_000 })
    await context.close()
  })

  it('keeps a map error clear of the attribution at 320 px wide, on the still map and the live map', async () => {
    const { context, page } = await openNarrowPhone(320, 568, (c) =>
      c.route(/\/basemap\/labels\.geojson$/, (route) => route.fulfill({ status: 404 })),
    )
    const stillError = page.locator('.still-map ~ .map-status.error')
    await stillError.waitFor()
    expect(await overlap(stillError, page.locator('.still-map-attribution'))).toBe(false)
    await page.locator('.still-map').dispatchEvent('pointerdown')
    await page.waitForSelector('.map-panel[data-state="ready"]', { timeout: 60_000 })
    const liveError = page.locator('.map-panel > .map-status.error')
    await liveError.waitFor()
    const attribution = page.locator('.maplibregl-ctrl-attrib')
    expect(await attribution.innerText()).toContain('© OpenStreetMap contributors')
    await saveScreenshot(page, 'map-layout-320-layer-failed')
    expect(await overlap(liveError, attribution)).toBe(false)
    await context.close()
  })
})
