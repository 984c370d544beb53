import { PNG } from 'pngjs'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPhonePage, saveScreenshot, touchStop, type PhonePage } from './browser'
import { ROUTE, stopById } from './route-data'

let browser: Browser
let phone: PhonePage | undefined
beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async () => {
  await phone?.context.close()
  phone = undefined
})
afterAll(async () => {
  await browser.close()
})

/** A page of any size, in English, on `path`. */
async function openSized(path: string, width: number, height: number): Promise<PhonePage> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en',
  })
  const page = await context.newPage()
  await page.goto(new URL(path, inject('baseUrl')).href, { waitUntil: 'domcontentloaded' })
  return { context, page, baseUrl: inject('baseUrl'), consoleErrors: [], requests: [], failedRequests: [] }
}

/** Whether the element is wholly inside the page's viewport, as the visitor sees it without scrolling. */
async function inViewport(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox()
  const viewport = page.viewportSize()!
  return (
    box !== null &&
    box.width > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  )
}

/** Opens the stop from its link, touches it (as a visitor's first tap) and plays its story until a line shows. */
async function listenTo(page: Page): Promise<void> {
  await touchStop(page)
  await page.waitForSelector('.player .play-button:not([disabled])', { timeout: 30_000 })
  await page.click('.play-button')
  await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
  await expect.poll(() => page.getByTestId('caption').innerText(), { timeout: 15_000 }).not.toMatch(/^\s*$/)
}

/** The caption and play/pause (and the stop's previous/next) are on screen. */
async function expectListeningControlsOnScreen(page: Page) {
  expect(await inViewport(page, page.getByTestId('caption'))).toBe(true)
  expect(await inViewport(page, page.locator('.play-button'))).toBe(true)
  expect(await inViewport(page, page.getByRole('button', { name: 'Next stop' }))).toBe(true)
}

describe('arriving on a phone', () => {
  it('introduces the route and still shows where the stop list starts, with where to board one tap away', async () => {
    phone = await openPhonePage(browser, '/?lang=en')
    const { page } = phone
    const intro = page.locator('.route-intro')
    await intro.waitFor({ timeout: 30_000 })
    expect(await intro.innerText()).toContain(ROUTE.introduction!.text.en!.slice(0, 40))
    expect(await page.locator('.route-intro-facts').innerText()).toMatch(
      /^[\d.]+ km of river: about \d+ minutes/,
    )
    // The stop list begins on the first screen, below the introduction's first lines…
    expect(await inViewport(page, page.locator('.stop-list h2'))).toBe(true)
    await saveScreenshot(page, 'phone-layout-home')
    // …and the whole introduction is a tap away.
    const text = page.locator('.route-intro-text p')
    const clamped = (await text.boundingBox())!.height
    await page.getByRole('button', { name: 'Read more' }).click()
    expect((await text.boundingBox())!.height).toBeGreaterThan(clamped * 1.5)
    expect(await page.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true')
    // Where to board is folded: a visitor ashore opens it and finds the piers.
    const piers = page.locator('.route-intro-piers')
    expect(await piers.isVisible()).toBe(false)
    await page.getByText('Where to board').click()
    expect(await piers.isVisible()).toBe(true)
    expect(await piers.locator('li').count()).toBe(ROUTE.introduction!.piers.length)
    expect(await piers.innerText()).toContain(ROUTE.introduction!.piers[0]!.name.en!)
  })
})

describe('listening on a phone', () => {
  it.each(['sacred-heart-cathedral', 'haizhu-bridge', 'canton-tower'])(
    'keeps the caption and play/pause on screen without scrolling, and while the story scrolls (%s)',
    async (stopId) => {
      phone = await openPhonePage(browser, `/?stop=${stopId}&lang=en`)
      const { page } = phone
      await listenTo(page)
      await saveScreenshot(page, `phone-layout-${stopId}-playing`)
      await expectListeningControlsOnScreen(page)
      // The stop's story scrolls under the bar; the bar stays.
      // Far enough that the story's first paragraph has gone up past the top of the screen.
      await page
        .locator('.tour-main')
        .evaluate((main) => main.scrollBy(0, main.querySelector('.story p')!.getBoundingClientRect().bottom))
      await expect
        .poll(() => page.locator('.tour-main').evaluate((main) => main.scrollTop))
        .toBeGreaterThan(0)
      await expect.poll(() => inViewport(page, page.locator('.story p').first())).toBe(false)
      await page.locator('.story p').nth(1).scrollIntoViewIfNeeded()
      await saveScreenshot(page, `phone-layout-${stopId}-story`)
      await expectListeningControlsOnScreen(page)
    },
  )

  it.each([
    [360, 640, ''],
    [640, 360, 'landscape'],
    [768, 1024, 'tablet'],
    [390, 844, 'text200'],
    // The on-screen keyboard up: the page asks that it shrink the layout, not slide under it.
    [390, 480, 'keyboard'],
  ])('keeps them on screen at %i×%i %s', async (width, height, name) => {
    phone = await openSized('/?stop=tianzi-pier&lang=en', width, height)
    const { page } = phone
    if (name === 'keyboard')
      expect(await page.locator('meta[name="viewport"]').getAttribute('content')).toContain(
        'interactive-widget=resizes-content',
      )
    if (name === 'text200') {
      // Text zoomed to 200 %, as the browser's text size setting does: every rem and em doubles.
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' })
    }
    await listenTo(page)
    await saveScreenshot(page, `phone-layout-${width}x${height}${name}`)
    await expectListeningControlsOnScreen(page)
  })

  it('shrinks the map while a stop is open and brings it back with one tap', async () => {
    phone = await openPhonePage(browser, '/?lang=en')
    const { page } = phone
    await page.waitForSelector('.still-map .still-map-stop')
    const overview = (await page.locator('.map-panel').boundingBox())!.height
    await page.locator('[data-stop-id="oi-kwan-building"]').click()
    await expect
      .poll(() => page.locator('#stop-title').innerText())
      .toContain(stopById('oi-kwan-building').title.en)
    const open = async () => (await page.locator('.map-panel').boundingBox())!.height
    await expect.poll(open).toBeLessThan(overview * 0.65)
    const larger = page.getByRole('button', { name: 'Larger map' })
    expect(await larger.getAttribute('aria-pressed')).toBe('false')
    await larger.click()
    await expect.poll(open).toBeGreaterThan(overview * 0.95)
    expect(await larger.getAttribute('aria-pressed')).toBe('true')
    await saveScreenshot(page, 'phone-layout-map-larger')
    // The next stop opens with the map small again.
    await page.getByRole('button', { name: 'Next stop' }).click()
    await expect.poll(open).toBeLessThan(overview * 0.65)
  })

  it('turns the position panel into a one-line chip once the visitor has chosen', async () => {
    phone = await openPhonePage(browser, '/?lang=en')
    const { page } = phone
    const panel = page.locator('.position-panel')
    await panel.waitFor()
    const offered = (await panel.boundingBox())!.height
    await page.getByRole('button', { name: 'Not now' }).click()
    const chip = (await panel.boundingBox())!.height
    expect(chip).toBeLessThan(50)
    expect(chip).toBeLessThan(offered / 2)
    expect(await panel.innerText()).toContain('Position not used')
    await saveScreenshot(page, 'phone-layout-chip-not-now')
    // The chip brings the offer back.
    await page.getByRole('button', { name: 'Position not used' }).click()
    await page.getByRole('button', { name: 'Simulate the cruise' }).click()
    await expect.poll(() => panel.getAttribute('data-source')).toBe('simulated')
    expect((await panel.boundingBox())!.height).toBeLessThan(50)
    // The whole sentence is a tap away.
    await page.getByRole('button', { name: 'Position details' }).click()
    await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(50)
    expect(await page.getByRole('checkbox', { name: 'Auto-play' }).isVisible()).toBe(true)
  })
})

describe('where am I, what comes next, on which side', () => {
  it('says which stop comes next, how far and how long, and updates it as the simulated boat sails', async () => {
    phone = await openPhonePage(browser, '/?simulate=20&stop=haizhu-bridge&lang=en')
    const { page } = phone
    const line = page.locator('.next-stop')
    await line.waitFor({ timeout: 30_000 })
    const first = await line.innerText()
    expect(first).toMatch(/^Next: .+ · [\d.,]+ (m|km) · \d+ min$/)
    await saveScreenshot(page, 'phone-layout-next-stop')
    // The boat sails on: the line follows it, on to Tianzi Pier once Haizhu Bridge is passed.
    await expect.poll(() => line.innerText(), { timeout: 30_000 }).not.toBe(first)
    await expect.poll(() => line.getAttribute('data-next-stop'), { timeout: 60_000 }).toBe('tianzi-pier')
    expect(await line.innerText()).toContain(`Next: ${stopById('tianzi-pier').title.en} · `)
  })

  it('shows on which side of the boat the site is while its story plays', async () => {
    phone = await openPhonePage(browser, '/?simulate=20&stop=customs-house&lang=en')
    const { page } = phone
    await page.waitForSelector('.position-panel[data-started^="customs-house@"]', { timeout: 30_000 })
    expect(await page.locator('.side-hint').count()).toBe(0)
    await touchStop(page)
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    // The course runs downstream, east; the Customs House stands on the north bank: on the left.
    const hint = page.locator('.side-hint')
    await expect.poll(() => hint.getAttribute('data-side')).toBe('left')
    expect(await hint.innerText()).toContain('On your left')
    expect(await inViewport(page, hint)).toBe(true)
    // A screen reader hears it too, once, from a live region (the drawn hint is not read twice).
    expect(await page.getByRole('status').filter({ hasText: 'On your left' }).count()).toBe(1)
    await saveScreenshot(page, 'phone-layout-side')
    await page.getByRole('button', { name: '中文' }).click()
    await expect.poll(() => hint.innerText()).toContain('在你左边')
  })
})

/** Connected blobs of the stop colour in a screenshot, as bounding boxes [x0, y0, x1, y1]. */
function stopBlobs(png: PNG): [number, number, number, number][] {
  const isStop = (i: number) =>
    Math.abs(png.data[i * 4]! - 0xff) < 20 &&
    Math.abs(png.data[i * 4 + 1]! - 0x9f) < 20 &&
    Math.abs(png.data[i * 4 + 2]! - 0x1c) < 30
  const seen = new Uint8Array(png.width * png.height)
  const blobs: [number, number, number, number][] = []
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || !isStop(start)) continue
    const box: [number, number, number, number] = [png.width, png.height, 0, 0]
    const stack = [start]
    seen[start] = 1
    let size = 0
    while (stack.length) {
      const i = stack.pop()!
      const [x, y] = [i % png.width, Math.floor(i / png.width)]
      size++
      box[0] = Math.min(box[0], x)
      box[1] = Math.min(box[1], y)
      box[2] = Math.max(box[2], x)
      box[3] = Math.max(box[3], y)
      for (const [dx, dy] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const [nx, ny] = [x + dx, y + dy]
        const n = ny * png.width + nx
        if (nx >= 0 && ny >= 0 && nx < png.width && ny < png.height && !seen[n] && isStop(n)) {
          seen[n] = 1
          stack.push(n)
        }
      }
    }
    // Specks of the course's glow are not circles.
    if (size > 60) blobs.push(box)
  }
  return blobs
}

describe('the stops on the overview map', () => {
  it('never draws one stop circle over another, on the still map or the live map', async () => {
    phone = await openPhonePage(browser, '/?lang=en')
    const { page } = phone
    await page.waitForSelector('.still-map .still-map-stop')
    const circles = await page
      .locator('.still-map-stop circle')
      .evaluateAll((all) => all.map((c) => c.getBoundingClientRect().toJSON() as DOMRect))
    expect(circles.length).toBeGreaterThanOrEqual(5)
    for (const [i, a] of circles.entries())
      for (const b of circles.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
        expect(apart, `circles at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(true)
      }
    // Each of the route's stops is in one circle: on its own, or in a group that names it ("2–7").
    const labels = await page
      .locator('.still-map-stop text')
      .evaluateAll((all) => all.map((t) => t.textContent ?? ''))
    const numbers = labels.flatMap((label) => {
      const [from, to] = label.split('–').map(Number)
      return to ? Array.from({ length: to - from! + 1 }, (_, k) => from! + k) : label.split(', ').map(Number)
    })
    expect(numbers.sort((a, b) => a - b)).toEqual(ROUTE.stops.map((_, k) => k + 1))

    // The live map draws as many circles, each apart (a circle on another would make one larger blob).
    await page.getByRole('button', { name: 'Not now' }).click()
    await page.locator('.still-map').dispatchEvent('pointerdown')
    await page.waitForSelector('.map-panel[data-state="ready"]', { timeout: 60_000 })
    await page.waitForTimeout(1000)
    const png = PNG.sync.read(await page.locator('.map').screenshot())
    await saveScreenshot(page, 'phone-layout-overview-live')
    const blobs = stopBlobs(png)
    expect(blobs).toHaveLength(circles.length)
    for (const [x0, y0, x1, y1] of blobs) {
      expect(x1 - x0).toBeLessThanOrEqual(40)
      expect(y1 - y0).toBeLessThanOrEqual(40)
    }
  })
})
