import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import {
  closeCleanVisit,
  launchBrowser,
  openPhonePage,
  pixelsOf,
  saveScreenshot,
  waitForMap,
  waitForScene,
  type PhonePage,
} from './browser'
import { ROUTE, stopById } from './route-data'

let browser: Browser
let phone: PhonePage | undefined

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  if (phone) await closeCleanVisit(phone)
  phone = undefined
})

const LAND: [number, number, number] = [0x0b, 0x0f, 0x1c]

describe('the Pearl River night tour on a phone', () => {
  it('paints the stop list and draws the river, the course and the stops on the map', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    await page.waitForSelector('.stop-list li')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    expect(await page.locator('.stop-list li').first().innerText()).toContain(
      ROUTE.stops[0]!.title['zh-Hans'],
    )
    await waitForMap(page)
    const map = await pixelsOf(page, '.map', 'tour-01-home-map')
    await saveScreenshot(page, 'tour-01-home')
    expect(map.differsFrom(LAND)).toBeGreaterThan(0.05)
    // Water: blue-dominant pixels; course and stops: orange pixels.
    expect(map.count((r, g, b) => b > 50 && b > r + 20 && g > r)).toBeGreaterThan(2000)
    expect(map.count((r, g, b) => r > 200 && g > 120 && g < 200 && b < 110)).toBeGreaterThan(300)
    expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain(
      '© OpenStreetMap contributors',
    )
  })

  it('paints the stop list before the map and 3D code have arrived', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const heldUrls: string[] = []
    phone = await openPhonePage(browser, '/', {
      prepare: (context) =>
        context.route(/\/assets\/(maplibre-gl|scene-canvas)[^/]*\.js$/, async (route) => {
          heldUrls.push(route.request().url())
          await held
          await route.continue()
        }),
    })
    const { page } = phone
    await page.waitForSelector('.stop-list li')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    expect(await page.locator('.map-panel').getAttribute('data-state')).toBe('loading')
    expect(await page.getByRole('status').innerText()).toBe('正在载入地图…')
    // The map engine is asked for right after the list's first paint, not before it.
    await expect.poll(() => heldUrls.some((url) => url.includes('/maplibre'))).toBe(true)
    await saveScreenshot(page, 'tour-00-list-before-map')
    release()
    await waitForMap(page)
  })

  it('opens a stop from the list: title, story, 3D model and a deep link', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    const stop = stopById('haizhu-bridge')
    await page.click('[data-stop-id="haizhu-bridge"]')
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stop.title['zh-Hans'])
    expect(new URL(page.url()).searchParams.get('stop')).toBe('haizhu-bridge')
    expect(await page.locator('.story').innerText()).toContain(
      stop.story['zh-Hans']!.split('\n')[0]!.slice(0, 20),
    )
    await waitForScene(page, 'haizhu-bridge')
    const scene = await pixelsOf(page, '.scene-host canvas', 'tour-02-haizhu-bridge-scene')
    await saveScreenshot(page, 'tour-02-haizhu-bridge')
    expect(scene.differsFrom([0x06, 0x0a, 0x16], 40)).toBeGreaterThan(0.02)
  })

  it('opens a stop from its circle on the map', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    await waitForMap(page)
    const map = await pixelsOf(page, '.map', 'tour-03-map-before-tap')
    const box = await page.locator('.map').boundingBox()
    // Find a stop circle: a 7×7 block of the stop colour (the course line is too thin to fill one).
    const { png } = map
    const isStop = (x: number, y: number) => {
      const i = (y * png.width + x) * 4
      const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]
      return Math.abs(r - 0xff) < 20 && Math.abs(g - 0x9f) < 20 && Math.abs(b - 0x1c) < 30
    }
    let hit: { x: number; y: number } | undefined
    for (let y = 4; y < png.height - 4 && !hit; y++) {
      for (let x = 4; x < png.width - 4 && !hit; x++) {
        let all = true
        for (let dy = -3; dy <= 3 && all; dy++)
          for (let dx = -3; dx <= 3 && all; dx++) all = isStop(x + dx, y + dy)
        if (all) hit = { x, y }
      }
    }
    expect(hit, 'a stop circle is visible on the map').toBeDefined()
    await page.mouse.click(box!.x + hit!.x, box!.y + hit!.y + 3)
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).not.toBeNull()
    const stopId = new URL(page.url()).searchParams.get('stop')!
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById(stopId).title['zh-Hans'])
    await waitForScene(page, stopId)
    await saveScreenshot(page, 'tour-03-opened-from-map')
  })

  it('plays the narration with captions that follow the audio', async () => {
    phone = await openPhonePage(browser, '/?stop=canton-tower')
    const { page } = phone
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    const seek = page.locator('.player-seek')
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 15_000 }).toBeGreaterThan(1)
    const caption = () =>
      page
        .getByTestId('caption')
        .innerText()
        .then((text) => text.trim())
    await expect.poll(caption, { timeout: 15_000 }).not.toBe('')
    const first = await caption()
    await saveScreenshot(page, 'tour-04-narration-playing')
    // The next caption replaces it as the speech goes on.
    await expect
      .poll(async () => (await caption()) !== first && (await caption()) !== '', { timeout: 30_000 })
      .toBe(true)
    const later = Number(await seek.inputValue())
    expect(later).toBeGreaterThan(2)
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="paused"]')
  })

  it('switches the language of everything on screen and remembers it', async () => {
    phone = await openPhonePage(browser, '/?stop=tianzi-pier')
    const { page } = phone
    const stop = stopById('tianzi-pier')
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stop.title['zh-Hans'])
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stop.title.en)
    expect(await page.locator('.story').innerText()).toContain(stop.story.en!.split('\n')[0]!.slice(0, 30))
    expect(await page.locator('.stop-list h2').innerText()).toBe('Stops on this route')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en')
    await saveScreenshot(page, 'tour-05-english')
    await page.goto(new URL('/?stop=tianzi-pier', phone.baseUrl).href)
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stop.title.en)
  })

  it('opens a deep link, walks with next and previous, and follows browser history', async () => {
    phone = await openPhonePage(browser, '/?stop=ersha-island&lang=en')
    const { page } = phone
    const order = ROUTE.stops.map((s) => s.id)
    const at = order.indexOf('ersha-island')
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById('ersha-island').title.en)
    await waitForScene(page, 'ersha-island')
    await page.getByRole('button', { name: /Next stop/ }).click()
    await waitForScene(page, order[at + 1]!)
    await page.getByRole('button', { name: /Next stop/ }).click()
    await waitForScene(page, order[at + 2]!)
    await page.getByRole('button', { name: /Previous stop/ }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).toBe(order[at + 1])
    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).toBe(order[at + 2])
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById(order[at + 2]!).title.en)
    await page.goBack()
    await page.goBack()
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById('ersha-island').title.en)
    await page.goForward()
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById(order[at + 1]!).title.en)
    // One 3D canvas for the whole visit, beside the one map canvas.
    expect(await page.locator('.scene-host canvas').count()).toBe(1)
    expect(await page.locator('canvas').count()).toBe(2)
    await saveScreenshot(page, 'tour-06-history')
  })
})
