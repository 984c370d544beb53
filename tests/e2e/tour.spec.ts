import { readFileSync } from 'node:fs'

import type { Browser } from 'playwright-core'
import type { PNG } from 'pngjs'
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

/** The map shows water (blue-dominant pixels), and the course and stops (orange pixels). */
function expectRiverCourseAndStops(map: Awaited<ReturnType<typeof pixelsOf>>) {
  expect(map.differsFrom(LAND)).toBeGreaterThan(0.05)
  expect(map.count((r, g, b) => b > 50 && b > r + 20 && g > r)).toBeGreaterThan(2000)
  expect(map.count((r, g, b) => r > 200 && g > 120 && g < 200 && b < 110)).toBeGreaterThan(300)
}

/** Pixels of water (blue-dominant) in a map screenshot, from row `top` down. */
function waterBelow(png: PNG, top: number): number {
  let n = 0
  for (let y = Math.max(0, top); y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]
      if (b > 50 && b > r + 20 && g > r) n++
    }
  }
  return n
}

function isStopColour(png: PNG, x: number, y: number): boolean {
  const i = (y * png.width + x) * 4
  const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]
  return Math.abs(r - 0xff) < 20 && Math.abs(g - 0x9f) < 20 && Math.abs(b - 0x1c) < 30
}

/**
 * Whether a 5×5 block from (x, y) is all the stop colour (the course line, 2.5 px, is too thin to fill one; a
 * circle with a two-digit number has too little plain colour left for a larger block).
 */
function stopBlockAt(png: PNG, x: number, y: number): boolean {
  for (let dy = 0; dy < 5; dy++)
    for (let dx = 0; dx < 5; dx++) if (!isStopColour(png, x + dx, y + dy)) return false
  return true
}

/**
 * How well the stop circles of two same-sized map screenshots overlap: pixels of the stop colour in both over
 * pixels of it in either (1 = the same place; circles 2 px apart give about 0.6).
 */
function stopOverlap(a: PNG, b: PNG): number {
  let both = 0
  let either = 0
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const inA = isStopColour(a, x, y)
      const inB = isStopColour(b, x, y)
      if (inA && inB) both++
      if (inA || inB) either++
    }
  }
  return both / Math.max(either, 1)
}

/** The stop circles in a map screenshot: the first such block of each, 20 px or more apart, in reading order. */
function stopCircles(png: PNG): [number, number][] {
  const found: [number, number][] = []
  for (let y = 4; y < png.height - 10; y++) {
    for (let x = 4; x < png.width - 10; x++) {
      if (found.some(([fx, fy]) => Math.abs(fx - x) < 20 && Math.abs(fy - y) < 20)) continue
      if (stopBlockAt(png, x, y)) found.push([x, y])
    }
  }
  return found
}

describe('the Pearl River night tour on a phone', () => {
  it('paints the stop list and draws the river, the course and the stops: still first, live on a touch', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    await page.waitForSelector('.stop-list li')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    expect(await page.locator('.stop-list li').first().innerText()).toContain(
      ROUTE.stops[0]!.title['zh-Hans'],
    )
    // The still map draws the route pack's river, course and stops without the map engine.
    await expect
      .poll(() => page.locator('.still-map path[fill-rule="evenodd"]').getAttribute('d'))
      .toMatch(/^M/)
    const still = await pixelsOf(page, '.map', 'tour-01-home-still-map')
    expectRiverCourseAndStops(still)
    expect(await page.locator('.still-map-attribution').innerText()).toContain('© OpenStreetMap contributors')
    expect(await page.locator('.map-panel').getAttribute('data-state')).toBe('idle')
    expect(phone.requests.filter((url) => url.includes('/assets/maplibre-gl'))).toEqual([])

    await waitForMap(page)
    expect(await page.locator('.still-map').count()).toBe(0)
    const live = await pixelsOf(page, '.map', 'tour-01-home-map')
    await saveScreenshot(page, 'tour-01-home')
    expectRiverCourseAndStops(live)
    expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain(
      '© OpenStreetMap contributors',
    )
    // The live map opens at the still map's view: the stops are where they were.
    expect(stopCircles(still.png).length).toBeGreaterThanOrEqual(5)
    expect(stopOverlap(still.png, live.png)).toBeGreaterThan(0.7)
  })

  it('paints the stop list and the still map without the map or 3D code, which load on the first touch', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const heldUrls: string[] = []
    phone = await openPhonePage(browser, '/', {
      prepare: (context) =>
        context.route(/\/assets\/(maplibre-gl|scene-canvas)[^/]*\.js$/, async (route) => {
          // The service worker's precache downloads every chunk for offline use; the page's own asking counts.
          if (!route.request().serviceWorker()) heldUrls.push(route.request().url())
          await held
          await route.continue()
        }),
    })
    const { page } = phone
    await page.waitForSelector('.stop-list li')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    await page.waitForSelector('.still-map .still-map-stop')
    // The page has loaded and settled, and still has not asked for the engine.
    await page.waitForLoadState('load')
    await page.waitForTimeout(1500)
    expect(heldUrls).toEqual([])
    // The route was downloaded and validated in a worker: the main thread's copy of the schema was never asked for.
    const paths = phone.requests.map((url) => new URL(url).pathname)
    expect(paths.filter((p) => /^\/assets\/load-route-worker-[^/]+\.js$/.test(p))).toHaveLength(1)
    expect(paths.filter((p) => /^\/assets\/load-route-(?!worker)[^/]+\.js$/.test(p))).toEqual([])
    expect(await page.locator('.map-panel').getAttribute('data-state')).toBe('idle')
    await saveScreenshot(page, 'tour-00-list-before-map')
    await page.locator('.still-map').dispatchEvent('pointerdown')
    await expect.poll(() => heldUrls.some((url) => url.includes('/maplibre'))).toBe(true)
    expect(await page.locator('.map-panel').getAttribute('data-state')).toBe('loading')
    expect(await page.getByRole('status').innerText()).toBe('正在载入地图…')
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

  it('opens a stop from its circle on the still map, and from its circle on the live map', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    await page.waitForSelector('.still-map .still-map-stop')
    const box = (await page.locator('.map').boundingBox())!
    const still = await pixelsOf(page, '.map', 'tour-03-still-map-before-tap')
    const [x, y] = stopCircles(still.png)[0]!
    await page.mouse.click(box.x + x + 3, box.y + y + 3)
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).not.toBeNull()
    const first = new URL(page.url()).searchParams.get('stop')!
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById(first).title['zh-Hans'])
    await waitForScene(page, first)
    await saveScreenshot(page, 'tour-03-opened-from-still-map')

    // The touch started the live map; back to the whole course, then a circle of the live map.
    await waitForMap(page)
    await page.getByRole('button', { name: '全部站点' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).toBeNull()
    await page.waitForTimeout(2000)
    const live = await pixelsOf(page, '.map', 'tour-03-live-map-before-tap')
    const circles = stopCircles(live.png)
    expect(circles.length, 'stop circles are visible on the live map').toBeGreaterThan(1)
    const [lx, ly] = circles[circles.length - 1]!
    await page.mouse.click(box.x + lx + 3, box.y + ly + 3)
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).not.toBe(first)
    const second = new URL(page.url()).searchParams.get('stop')!
    expect(second).not.toBeNull()
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById(second).title['zh-Hans'])
    await saveScreenshot(page, 'tour-03-opened-from-live-map')
  })

  it('opens a stop far from the water with the river in view below the position panel, still and live alike', async () => {
    // The cathedral is some 500 m inland: at its own centre and zoom the map shows only streets.
    phone = await openPhonePage(browser, '/?stop=sacred-heart-cathedral')
    const { page } = phone
    await expect
      .poll(() => page.locator('.still-map path[fill-rule="evenodd"]').getAttribute('d'))
      .toMatch(/^M/)
    const map = (await page.locator('.map').boundingBox())!
    const panel = (await page.locator('.position-panel').boundingBox())!
    const covered = Math.ceil(panel.y + panel.height - map.y)
    // The stop's circle is in the part of the map the panel leaves free…
    const circle = page.locator('[data-still-stop="sacred-heart-cathedral"] circle')
    const cx = Number(await circle.getAttribute('cx'))
    const cy = Number(await circle.getAttribute('cy'))
    expect(cx).toBeGreaterThan(15)
    expect(cx).toBeLessThan(map.width - 15)
    expect(cy).toBeGreaterThan(covered + 15)
    expect(cy).toBeLessThan(map.height - 15)
    // …and so is the river, on the still map and on the live map, which opens at the same view.
    const still = await pixelsOf(page, '.map', 'tour-07-inland-stop-still-map')
    expect(waterBelow(still.png, covered)).toBeGreaterThan(2000)
    await waitForMap(page)
    const live = await pixelsOf(page, '.map', 'tour-07-inland-stop-map')
    await saveScreenshot(page, 'tour-07-inland-stop')
    expect(waterBelow(live.png, covered)).toBeGreaterThan(2000)
    expect(stopOverlap(still.png, live.png)).toBeGreaterThan(0.7)
  })

  it('draws a story’s line of the past on the still map with that story only, as the live map does', async () => {
    const history = JSON.parse(
      readFileSync(`routes-data/pearl-river-night/${ROUTE.map.basemap.history}`, 'utf8'),
    ) as {
      features: { properties: { stop: string; name_zh: string }; geometry: { coordinates: number[][] } }[]
    }
    const line = history.features[0]!
    phone = await openPhonePage(browser, `/?stop=${line.properties.stop}`)
    const { page } = phone
    const path = page.locator('.still-map-history')
    await expect.poll(() => path.getAttribute('d')).toMatch(/^M/)
    // It crosses the map the visitor sees (the live map's history layer has the same filter: src/map).
    const drawn = (await path.boundingBox())!
    const map = (await page.locator('.still-map').boundingBox())!
    expect(drawn.x < map.x + map.width && drawn.x + drawn.width > map.x).toBe(true)
    expect(drawn.y < map.y + map.height && drawn.y + drawn.height > map.y).toBe(true)
    expect(drawn.width).toBeGreaterThan(20)
    // The story is telling it, so the larger map names it (the strip's view is too small to hold a name).
    await page.getByRole('button', { name: '放大地图' }).click()
    await expect
      .poll(() => page.locator('.still-map text').allTextContents())
      .toContain(line.properties.name_zh)
    await saveScreenshot(page, 'tour-08-history-still-map')
    // The nearest other stop, where the line would still be in sight, does not draw it.
    const [lng, lat] = line.geometry.coordinates.at(-1)!
    const other = ROUTE.stops
      .filter((s) => s.id !== line.properties.stop)
      .sort(
        (a, b) =>
          Math.hypot(a.position[0] - lng!, a.position[1] - lat!) -
          Math.hypot(b.position[0] - lng!, b.position[1] - lat!),
      )[0]!
    await page.locator(`.stop-list [data-stop-id="${other.id}"]`).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('stop')).toBe(other.id)
    await expect.poll(() => path.getAttribute('d')).toBe('')
  })

  it('plays the narration with captions that follow the audio, loading nothing of it before the first touch', async () => {
    phone = await openPhonePage(browser, '/?stop=canton-tower')
    const { page } = phone
    // A linked stop offers its story to play, but makes no audio engine and fetches no track before a touch.
    await page.waitForSelector('.player[data-status="idle"] .play-button:not([disabled])', {
      timeout: 30_000,
    })
    await page.waitForTimeout(2000)
    const audio = () => phone!.requests.filter((url) => /\/audio\/.*\.(webm|mp3)$|\/howler-/.test(url))
    expect(audio()).toEqual([])
    expect(await page.locator('.player').getAttribute('data-status')).toBe('idle')
    // The tap on play is that touch: the track loads, then plays.
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    expect(audio().some((url) => /\/audio\/canton-tower\.[\w-]+\.webm$/.test(url))).toBe(true)
    const seek = page.locator('.player-seek')
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 15_000 }).toBeGreaterThan(1)
    const caption = () =>
      page
        .getByTestId('caption')
        .innerText()
        .then((text) => text.trim())
    await expect.poll(caption, { timeout: 15_000 }).not.toBe('')
    const first = await caption()
    const firstAt = Number(await seek.inputValue())
    await saveScreenshot(page, 'tour-04-narration-playing')
    // The next caption replaces it as the speech goes on, and the audio has moved on with it.
    await expect
      .poll(async () => (await caption()) !== first && (await caption()) !== '', { timeout: 30_000 })
      .toBe(true)
    const later = Number(await seek.inputValue())
    expect(later).toBeGreaterThan(firstAt)
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
    // One 3D canvas for the whole visit; the map stays still (no engine, no canvas) until it is touched.
    expect(await page.locator('.scene-host canvas').count()).toBe(1)
    expect(await page.locator('canvas').count()).toBe(1)
    await waitForMap(page)
    expect(await page.locator('canvas').count()).toBe(2)
    await saveScreenshot(page, 'tour-06-history')
  })
})

describe('another route’s pages', () => {
  it('take their title, description and map label from the route shown, not from the default one', async () => {
    // The default route's file rewritten as another river's: the page must say only what the route says.
    const other = structuredClone(ROUTE)
    other.title = { 'zh-Hans': '第二条河夜游', en: 'The Second River at Night', yue: '第二條河夜遊' }
    other.summary = { 'zh-Hans': '另一条河。', en: 'Another river, another city.', yue: '另一條河。' }
    phone = await openPhonePage(browser, '/?lang=en', {
      prepare: (context) =>
        context.route(`**/routes-data/${ROUTE.id}/route.json`, (r) =>
          r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(other) }),
        ),
    })
    const { page } = phone
    await page.waitForSelector('.stop-list li')
    await expect.poll(() => page.title()).toBe('The Second River at Night')
    const description = page.locator('meta[name="description"]')
    expect(await description.getAttribute('content')).toBe('Another river, another city.')
    const still = page.getByRole('button', {
      name: 'Map of The Second River at Night: tap to move and zoom it',
    })
    expect(await still.count()).toBe(1)
    await saveScreenshot(page, 'tour-second-route-title')
    await waitForMap(page)
    expect(await page.locator('.map').getAttribute('aria-label')).toBe('Map of The Second River at Night')
    // Switching language names the page in that language.
    await page.getByRole('button', { name: '中文' }).click()
    await expect.poll(() => page.title()).toBe('第二条河夜游')
  })
})
