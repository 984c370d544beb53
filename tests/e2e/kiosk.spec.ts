import { mkdirSync } from 'node:fs'

import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { inject } from 'vitest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { translate } from '@/i18n/messages'

import { launchBrowser, pixelsOf, saveScreenshot, SCREENSHOTS, waitForMap } from './browser'
import { ROUTE, stopById } from './route-data'

/** The stops the default route's attract loop opens on (its `kiosk.attract`), the most recognisable models. */
const OPENING = ROUTE.kiosk!.attract!.stops

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

async function openKiosk(
  width: number,
  height: number,
  query: string,
  /** Runs before the page is opened: a fake clock, a changed route index. */
  prepare?: (context: BrowserContext, page: Page) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  await prepare?.(context, page)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(new URL(`/?mode=kiosk&${query}`, inject('baseUrl')).href, { waitUntil: 'domcontentloaded' })
  return { context, page, errors }
}

/** The "you are here" dot's blue (#1e90ff, and its anti-aliased edge) in a map screenshot. */
const isDotBlue = (r: number, g: number, b: number) => r < 70 && g > 115 && g < 175 && b > 225
const caption = (page: Page) =>
  page
    .getByTestId('caption')
    .innerText()
    .then((text) => text.trim())

const stopParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('stop'))

/** A picture the size of `png` in the 3D view's empty background (#060a16). */
function blankLike(png: PNG): PNG {
  const blank = new PNG({ width: png.width, height: png.height })
  for (let i = 0; i < blank.data.length; i += 4) blank.data.set([6, 10, 22, 255], i)
  return blank
}

/** The share of pixels that differ clearly between two pictures of the same size. */
function changedShare(a: PNG, b: PNG): number {
  expect([b.width, b.height]).toEqual([a.width, a.height])
  let changed = 0
  for (let i = 0; i < a.data.length; i += 4) {
    const d =
      Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) +
      Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0)) +
      Math.abs((a.data[i + 2] ?? 0) - (b.data[i + 2] ?? 0))
    if (d > 40) changed++
  }
  return changed / (a.width * a.height)
}

/** What a passer-by could not read or touch from a step away: visible text under 24 px, targets under 48 px. */
const tooSmall = (page: Page) =>
  page.evaluate(() => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    }
    const text: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim() || !visible(el) || el.closest('.visually-hidden')) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 24) text.push(`${size}px "${node.textContent.trim().slice(0, 40)}"`)
    }
    const targets: string[] = []
    for (const el of document.querySelectorAll('button, a[href], input, select, summary, [role="button"]')) {
      const box = el.getBoundingClientRect()
      if (visible(el) && (box.width < 48 || box.height < 48))
        targets.push(`${Math.round(box.width)}×${Math.round(box.height)} ${el.outerHTML.slice(0, 80)}`)
    }
    return { text: [...new Set(text)], targets: [...new Set(targets)] }
  })

/**
 * The phone's controls on screen (±10 s, the seek slider, speed, auto-advance, the offer to download the tour for
 * offline use): none on a kiosk.
 */
async function phoneControls(page: Page): Promise<number> {
  const named = (key: 'back10' | 'forward10') =>
    page.getByRole('button', { name: translate('zh-Hans', key) }).count()
  const counts = await Promise.all([
    page.getByRole('slider').count(),
    page.getByRole('combobox').count(),
    page.getByRole('checkbox').count(),
    named('back10'),
    named('forward10'),
    page.locator('.offline-panel').count(),
  ])
  return counts.reduce((a, b) => a + b, 0)
}

/**
 * A region of the page as the screen shows it. A clip of the page's screenshot, not the element's: under a fake
 * clock Playwright's wait for the element to be stable would wait on frames the page no longer times itself.
 */
async function regionOf(page: Page, selector: string, name: string): Promise<PNG> {
  const box = await page.locator(selector).boundingBox()
  if (!box) throw new Error(`${selector} is not on screen`)
  mkdirSync(SCREENSHOTS, { recursive: true })
  return PNG.sync.read(await page.screenshot({ clip: box, path: `${SCREENSHOTS}/${name}.png` }))
}

/** The text of the QR code in the kiosk's corner, read from a screenshot as a phone's camera would. */
async function scanQr(page: Page, name: string): Promise<string | undefined> {
  const png = await regionOf(page, '.kiosk-qr', name)
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

/**
 * Moves the page's paused clock on by `seconds`, one second at a time, with real time between the steps for
 * downloads and drawing. Each step fires every due timer and animation frame once: a clock left to run by itself
 * would fire every frame it missed while software WebGL drew the last one, and never catch up.
 */
async function advance(page: Page, seconds: number, until?: () => Promise<boolean>): Promise<void> {
  for (let t = 0; t < seconds; t++) {
    await page.clock.fastForward(1_000)
    await page.waitForTimeout(150)
    if (until && (await until())) return
  }
}

describe('the kiosk left alone', () => {
  it.each([
    ['landscape', 1920, 1080],
    ['portrait', 1080, 1920],
  ])(
    'stays alive and legible on a %s screen for three minutes, opening on the most striking stops',
    { timeout: 420_000 },
    async (name, width, height) => {
      // The page's clock is fake and paused: three minutes pass in steps (see advance).
      const { context, page, errors } = await openKiosk(width, height, 'idle=600', (_, page) =>
        page.clock.install(),
      )
      try {
        await page.clock.pauseAt(Date.now() + 1_000)
        const ready = page.locator(`[data-ready-stop="${OPENING[0]}"]`)
        await advance(page, 90, async () => (await ready.count()) > 0)
        expect(await ready.count()).toBe(1)
        // A few frames more: the first ones after a model arrives may still be blank.
        const frames = () => page.evaluate(() => window.__sceneStats?.frames ?? 0)
        const drawn = await frames()
        await advance(page, 10, async () => (await frames()) >= drawn + 4)
        const shownAt = Date.now()
        await saveScreenshot(page, `kiosk-attract-${name}-0s`)

        // Read from across the room: the route's title and the story's caption at 40 px or more, an invitation
        // to touch in the route's three languages, the QR code to the phone and its line in the three too.
        const fontSize = (selector: string) =>
          page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
        expect(await fontSize('.tour-header h1')).toBeGreaterThanOrEqual(40)
        expect(await fontSize('.caption')).toBeGreaterThanOrEqual(40)
        const invitation = page.getByTestId('kiosk-invitation')
        expect(await invitation.isVisible()).toBe(true)
        expect(await invitation.innerText()).toMatch(/轻触屏幕[\s\S]*Touch the screen[\s\S]*㩒一下/)
        expect(await page.locator('.kiosk-scan').innerText()).toMatch(
          /扫码[\s\S]*Scan to take this tour on your phone[\s\S]*掃一掃/,
        )
        // The opening stop's landmark has a lighting programme: the loop plays its light show.
        if (stopById(OPENING[0]!).model?.lightShow)
          expect(await page.getByRole('button', { name: '灯光秀' }).getAttribute('aria-pressed')).toBe('true')

        // Twenty seconds on the same stop: the camera has swung round the landmark.
        const first = await regionOf(page, '.scene-host', `kiosk-attract-${name}-3d-0s`)
        // The landmark, its river and its sky are drawn: a blank view with only the hotspot badges and the hint
        // over it differs from the empty background in about 2 % of its pixels.
        expect(changedShare(first, blankLike(first))).toBeGreaterThan(0.1)
        await advance(page, 20)
        expect(await stopParam(page)).toBe(OPENING[0])
        const swung = await regionOf(page, '.scene-host', `kiosk-attract-${name}-3d-20s`)
        expect(changedShare(first, swung)).toBeGreaterThan(0.01)

        // The rest of three minutes: about a minute on each opening stop, in the route's order; nothing too
        // small to read or touch and no phone control appears at any time.
        const seen = [OPENING[0]]
        for (let t = 20; t < 180; t += 10) {
          await advance(page, 10)
          const stop = await stopParam(page)
          if (stop && stop !== seen.at(-1)) seen.push(stop)
          if (t === 60) await saveScreenshot(page, `kiosk-attract-${name}-60s`)
          if (t % 30 === 0) {
            expect(await tooSmall(page)).toEqual({ text: [], targets: [] })
            expect(await phoneControls(page)).toBe(0)
          }
        }
        await saveScreenshot(page, `kiosk-attract-${name}-180s`)
        console.info(`${name}: 180 s of the attract loop in ${Math.round((Date.now() - shownAt) / 1000)} s`)
        expect(seen.slice(0, OPENING.length)).toEqual(OPENING)
        const last = await regionOf(page, '.scene-host', `kiosk-attract-${name}-3d-180s`)
        expect(changedShare(last, blankLike(last))).toBeGreaterThan(0.1)
        expect(changedShare(swung, last)).toBeGreaterThan(0.01)
        expect(await tooSmall(page)).toEqual({ text: [], targets: [] })
        expect(await phoneControls(page)).toBe(0)
        // Without a public address in the route index, the QR code opens the stop on screen at the kiosk's own.
        const here = new URL('/', inject('baseUrl')).href
        expect(await scanQr(page, `kiosk-qr-${name}`)).toBe(
          `${here}?route=${ROUTE.id}&stop=${await stopParam(page)}&lang=zh-Hans`,
        )
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    },
  )

  it('keeps its 3D view drawn while the attract loop swings the camera, in real time', async () => {
    // The three-minute tests step a paused clock; this one lets the page run as a kiosk does.
    const { context, page, errors } = await openKiosk(1920, 1080, '')
    await page.waitForSelector(`[data-ready-stop="${OPENING[0]}"]`, { timeout: 60_000 })
    await expect.poll(() => page.locator('.scene-host canvas').getAttribute('data-engine')).toMatch(/three/)
    // Five looks in a row, each as long as a screenshot takes: every one shows the landmark, river and sky.
    const drawn: number[] = []
    for (let i = 0; i < 5; i++) {
      const view = await regionOf(page, '.scene-host', `kiosk-realtime-3d-${i}`)
      drawn.push(changedShare(view, blankLike(view)))
    }
    expect(await stopParam(page)).toBe(OPENING[0])
    expect(Math.min(...drawn)).toBeGreaterThan(0.1)
    expect(errors).toEqual([])
    await context.close()
  })

  it("opens the stop on screen on the visitor's phone at the deployment's public address", async () => {
    const { context, page, errors } = await openKiosk(1920, 1080, 'idle=600&dwell=600', (context) =>
      context.route('**/routes-data/index.json', async (route) => {
        const response = await route.fetch()
        const index = (await response.json()) as object
        await route.fulfill({
          response,
          json: { ...index, publicUrl: 'https://tour.example.org/guangzhou/' },
        })
      }),
    )
    try {
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
      const phone = `https://tour.example.org/guangzhou/?route=${ROUTE.id}&stop=${OPENING[0]}`
      await expect.poll(() => scanQr(page, 'kiosk-qr-public-zh')).toBe(`${phone}&lang=zh-Hans`)
      // A visitor who chose English takes the stop home in English.
      await page.getByRole('button', { name: 'English' }).click()
      await expect.poll(() => scanQr(page, 'kiosk-qr-public-en')).toBe(`${phone}&lang=en`)
      expect(await page.getByRole('img', { name: 'QR code: open this stop on your phone' }).count()).toBe(1)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('kiosk mode', () => {
  it.each([
    ['landscape', 1920, 1080],
    ['portrait', 1080, 1920],
  ])(
    'lays out a %s screen with large type and touch targets, and plays itself',
    { timeout: 180_000 },
    async (name, width, height) => {
      const { context, page, errors } = await openKiosk(width, height, 'dwell=3&idle=600&simulate=60')
      // Nobody has touched it: the simulated boat sets off and reaches the first opening stop, whose story starts.
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
      await page.waitForSelector(`[data-ready-stop="${OPENING[0]}"]`, { timeout: 60_000 })
      // Captions are on, whether the sound is or not.
      await expect.poll(() => caption(page), { timeout: 20_000 }).not.toBe('')
      // …and on screen with the map and the 3D view: nothing on a kiosk needs scrolling to be read.
      const captionBox = (await page.getByTestId('caption').boundingBox())!
      const mainBox = (await page.locator('.tour-main').boundingBox())!
      expect(captionBox.y).toBeGreaterThanOrEqual(mainBox.y)
      expect(captionBox.y + captionBox.height).toBeLessThanOrEqual(height)
      await waitForMap(page)
      await saveScreenshot(page, `kiosk-${name}`)
      // The boat is on the map, and moves along the course. (The loop moves on every few seconds here; while the
      // map shows a stop, the boat may be under the kiosk's bar for a moment.)
      await expect
        .poll(async () => (await pixelsOf(page, '.map', `kiosk-${name}-map`)).count(isDotBlue), {
          timeout: 30_000,
        })
        .toBeGreaterThan(60)
      const boat = await page.locator('.kiosk').getAttribute('data-boat')
      expect(boat).toMatch(/^113\.\d+,23\.\d+$/)
      await expect.poll(() => page.locator('.kiosk').getAttribute('data-boat')).not.toBe(boat)
      const storySize = await page
        .locator('.story p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize))
      expect(storySize).toBeGreaterThanOrEqual(24)
      const buttonHeights = await page
        .locator('button:visible')
        .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height))
      expect(Math.min(...buttonHeights)).toBeGreaterThanOrEqual(48)
      for (const label of ['中文', 'English', '粤语'])
        await expect.poll(() => page.getByRole('button', { name: label }).isVisible()).toBe(true)
      const map = await page.locator('.map').boundingBox()
      const main = await page.locator('.tour-main').boundingBox()
      if (name === 'landscape') expect(map!.x + map!.width).toBeLessThanOrEqual(main!.x + 1)
      else expect(map!.y + map!.height).toBeLessThanOrEqual(main!.y + 1)
      // …and sails on by itself to the next stops.
      await expect.poll(() => stopParam(page), { timeout: 30_000 }).not.toBe(OPENING[0])
      expect(errors).toEqual([])
      await context.close()
    },
  )

  it(
    'hands over on the first touch, then resets to the start and the default language when idle',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await openKiosk(1920, 1080, 'dwell=20&idle=10')
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
      await expect
        .poll(() => page.locator('.player').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('playing')
      // The first touch, on the story: the visitor has control, and nothing jumps. The stop and its story stay,
      // the story goes on playing, the boat stops where it is.
      const summary = (await page.locator('.stop-summary').boundingBox())!
      await page.mouse.click(summary.x + 10, summary.y + summary.height / 2)
      await expect.poll(() => page.locator('.kiosk').getAttribute('data-attract')).toBe('false')
      // Nobody is invited any more: someone is using the screen.
      expect(await page.getByTestId('kiosk-invitation').count()).toBe(0)
      const boat = await page.locator('.kiosk').getAttribute('data-boat')
      await page.waitForTimeout(1500)
      expect(await stopParam(page)).toBe(OPENING[0])
      expect(await page.locator('.player').getAttribute('data-status')).toBe('playing')
      expect(await page.locator('.kiosk').getAttribute('data-boat')).toBe(boat)
      await page.getByRole('button', { name: 'English' }).click()
      await page.locator('[data-stop-id="shamian"]').click()
      await expect.poll(() => page.locator('#stop-title').innerText()).toContain('Shamian')
      // The visitor has control: the loop does not move on while they read (the boat has stopped).
      await page.waitForTimeout(3000)
      expect(await stopParam(page)).toBe('shamian')
      // Ten seconds without a touch: a new visit, in Chinese, with the attract loop running again.
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 25_000 }).toBe('zh-Hans')
      await expect
        .poll(() => page.locator('.kiosk').getAttribute('data-attract'), { timeout: 5_000 })
        .toBe('true')
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
      await expect.poll(() => page.getByTestId('kiosk-invitation').isVisible()).toBe(true)
      await context.close()
    },
  )

  it(
    "leaves the light show to the visitor, and gives the next visit the loop's own",
    { timeout: 120_000 },
    async () => {
      // The opening stop's landmark has a lighting programme, so the loop plays its show.
      expect(stopById(OPENING[0]!).model?.lightShow).toBe(true)
      const { context, page } = await openKiosk(1920, 1080, 'dwell=600&idle=5')
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
      const toggle = page.locator('.light-show-toggle')
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
      // A visitor turns it off: it stays off while they are there, though the stop is the loop's.
      await toggle.click()
      expect(await toggle.getAttribute('aria-pressed')).toBe('false')
      await page.waitForTimeout(1500)
      expect(await toggle.getAttribute('aria-pressed')).toBe('false')
      // Five seconds without a touch: the next visitor's visit opens with the loop's show again.
      await expect
        .poll(() => page.locator('.kiosk').getAttribute('data-visit'), { timeout: 20_000 })
        .toBe('1')
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
      await context.close()
    },
  )

  it('is locked down: no context menu, no new windows, no way out through links', async () => {
    const { context, page } = await openKiosk(1920, 1080, 'dwell=600&idle=600')
    await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(OPENING[0])
    const blocked = await page.evaluate(() => {
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true })
      document.body.dispatchEvent(menu)
      return { menuBlocked: menu.defaultPrevented, opened: window.open('https://example.org/') }
    })
    expect(blocked).toEqual({ menuBlocked: true, opened: null })
    await page.locator('.sources summary').click()
    const before = page.url()
    await page.locator('.sources a').first().click()
    await page.waitForTimeout(500)
    expect(page.url()).toBe(before)
    expect(context.pages()).toHaveLength(1)
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none')
    await context.close()
  })

  it(
    'goes round the route with no growth from one cycle to the next in DOM nodes, listeners, GPU objects or live Howls',
    { timeout: 600_000 },
    async () => {
      const { context, page, errors } = await openKiosk(1920, 1080, 'dwell=1&idle=600&simulate=1000')
      const cdp: CDPSession = await context.newCDPSession(page)
      // A short leak check (the long soak, hundreds of stop changes, is `npm run bench`'s). The GPU figures are read
      // at the route's first stop once its landmark is drawn, before the loop moves on 1 s later. The DOM figures are
      // looked at after every stop change, after a garbage collection, and each cycle keeps its least: a track or a
      // model loading adds listeners and nodes for a moment, a leak adds to every look.
      const gpuNow = () =>
        page.evaluate(() => ({
          geometries: window.__sceneStats?.geometries ?? -1,
          textures: window.__sceneStats?.textures ?? -1,
          programs: window.__sceneStats?.programs ?? -1,
          canvases: document.querySelectorAll('canvas').length,
          sceneCanvases: document.querySelectorAll('.scene-host canvas').length,
        }))
      const look = async () => {
        await cdp.send('HeapProfiler.collectGarbage')
        const dom = await cdp.send('Memory.getDOMCounters')
        const howls = await page.evaluate(() =>
          Number(document.querySelector<HTMLElement>('.kiosk')?.dataset.liveHowls ?? -1),
        )
        return { nodes: dom.nodes, listeners: dom.jsEventListeners, howls }
      }
      type Look = Awaited<ReturnType<typeof look>>
      let looks: Look[] = []
      const cycles: (Awaited<ReturnType<typeof gpuNow>> & Look & { changes: number })[] = []
      let last = await stopParam(page)
      const first = ROUTE.stops[0]!.id
      // The first cycle, from the opening stops to the route's first stop, warms up; the next two are compared.
      while (cycles.length < 3) {
        await expect.poll(() => stopParam(page), { timeout: 30_000 }).not.toBe(last)
        last = await stopParam(page)
        looks.push(await look())
        if (last === first) {
          await page.waitForSelector(`[data-ready-stop="${first}"]`, { timeout: 60_000 })
          const least = (key: keyof Look) => Math.min(...looks.map((l) => l[key]))
          cycles.push({
            ...(await gpuNow()),
            nodes: least('nodes'),
            listeners: least('listeners'),
            howls: Math.max(...looks.map((l) => l.howls)),
            changes: looks.length,
          })
          looks = []
        }
      }
      console.log('kiosk leak check, one entry per cycle:', JSON.stringify(cycles))
      const [, baseline, later] = cycles as [unknown, (typeof cycles)[number], (typeof cycles)[number]]
      expect(later.changes).toBe(ROUTE.stops.length)
      expect(later.geometries).toBe(baseline.geometries)
      expect(later.textures).toBe(baseline.textures)
      expect(later.programs).toBe(baseline.programs)
      // One map, one 3D view (the QR code is a canvas of its own), and no more of them later.
      expect(later.sceneCanvases).toBe(1)
      expect(later.canvases).toBe(baseline.canvases)
      expect(later.howls).toBeLessThanOrEqual(2)
      // A listener or a node left behind by each stop would add a whole route's worth.
      expect(later.listeners).toBeLessThanOrEqual(baseline.listeners + ROUTE.stops.length / 2)
      expect(later.nodes).toBeLessThanOrEqual(baseline.nodes + ROUTE.stops.length / 2)
      expect(errors).toEqual([])
      await context.close()
    },
  )
})
