import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { inject } from 'vitest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, pixelsOf, saveScreenshot, waitForMap } from './browser'
import { ROUTE } from './route-data'

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
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
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

describe('kiosk mode', () => {
  it.each([
    ['landscape', 1920, 1080],
    ['portrait', 1080, 1920],
  ])(
    'lays out a %s screen with large type and touch targets, and plays itself',
    { timeout: 180_000 },
    async (name, width, height) => {
      const { context, page, errors } = await openKiosk(width, height, 'dwell=3&idle=600&simulate=60')
      // Nobody has touched it: the simulated boat sets off and reaches the first stop, whose story starts.
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(ROUTE.stops[0]!.id)
      await page.waitForSelector(`[data-ready-stop="${ROUTE.stops[0]!.id}"]`, { timeout: 60_000 })
      // Captions are on, whether the sound is or not.
      await expect.poll(() => caption(page), { timeout: 20_000 }).not.toBe('')
      // …and on screen with the map and the 3D view: nothing on a kiosk needs scrolling to be read.
      const captionBox = (await page.getByTestId('caption').boundingBox())!
      const mainBox = (await page.locator('.tour-main').boundingBox())!
      expect(captionBox.y).toBeGreaterThanOrEqual(mainBox.y)
      expect(captionBox.y + captionBox.height).toBeLessThanOrEqual(height)
      await waitForMap(page)
      await saveScreenshot(page, `kiosk-${name}`)
      // The boat is on the map, and moves along the course.
      const mapPixels = await pixelsOf(page, '.map', `kiosk-${name}-map`)
      expect(mapPixels.count(isDotBlue)).toBeGreaterThan(60)
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
      await expect.poll(() => stopParam(page), { timeout: 30_000 }).not.toBe(ROUTE.stops[0]!.id)
      expect(errors).toEqual([])
      await context.close()
    },
  )

  it(
    'hands over on the first touch, then resets to the start and the default language when idle',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await openKiosk(1920, 1080, 'dwell=20&idle=10')
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(ROUTE.stops[0]!.id)
      await expect
        .poll(() => page.locator('.player').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('playing')
      // The first touch, on the story: the visitor has control, and nothing jumps. The stop and its story stay,
      // the story goes on playing, the boat stops where it is.
      const summary = (await page.locator('.stop-summary').boundingBox())!
      await page.mouse.click(summary.x + 10, summary.y + summary.height / 2)
      await expect.poll(() => page.locator('.kiosk').getAttribute('data-attract')).toBe('false')
      const boat = await page.locator('.kiosk').getAttribute('data-boat')
      await page.waitForTimeout(1500)
      expect(await stopParam(page)).toBe(ROUTE.stops[0]!.id)
      expect(await page.locator('.player').getAttribute('data-status')).toBe('playing')
      expect(await page.locator('.kiosk').getAttribute('data-boat')).toBe(boat)
      await page.getByRole('button', { name: 'English' }).click()
      await page.locator('[data-stop-id="canton-tower"]').click()
      await expect.poll(() => page.locator('#stop-title').innerText()).toContain('Canton Tower')
      // The visitor has control: the loop does not move on while they read (the boat has stopped).
      await page.waitForTimeout(3000)
      expect(await stopParam(page)).toBe('canton-tower')
      // Ten seconds without a touch: a new visit, in Chinese, with the attract loop running again.
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 25_000 }).toBe('zh-Hans')
      await expect
        .poll(() => page.locator('.kiosk').getAttribute('data-attract'), { timeout: 5_000 })
        .toBe('true')
      await expect.poll(() => stopParam(page), { timeout: 20_000 }).not.toBe('canton-tower')
      await context.close()
    },
  )

  it('starts each visit with the light show off', { timeout: 120_000 }, async () => {
    const { context, page } = await openKiosk(1920, 1080, 'dwell=600&idle=5')
    await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(ROUTE.stops[0]!.id)
    const toggle = page.locator('.light-show-toggle')
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    // Five seconds without a touch: the next visitor's visit.
    await expect.poll(() => page.locator('.kiosk').getAttribute('data-visit'), { timeout: 20_000 }).toBe('1')
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')
    await context.close()
  })

  it('is locked down: no context menu, no new windows, no way out through links', async () => {
    const { context, page } = await openKiosk(1920, 1080, 'dwell=600&idle=600')
    await expect.poll(() => stopParam(page), { timeout: 20_000 }).toBe(ROUTE.stops[0]!.id)
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
    'cycles 60 stops with no growth in DOM nodes, listeners, GPU objects or live Howls',
    { timeout: 600_000 },
    async () => {
      const { context, page, errors } = await openKiosk(1920, 1080, 'dwell=1&idle=600&simulate=1000')
      const cdp: CDPSession = await context.newCDPSession(page)
      // The GPU figures are read first, while the first stop is still on screen (the loop moves on 1 s after its
      // landmark appears). Loading the next track adds listeners for a moment, so the DOM figures are the least of
      // three looks, 300 ms apart.
      const gpuNow = () =>
        page.evaluate(() => ({
          geometries: window.__sceneStats?.geometries ?? -1,
          textures: window.__sceneStats?.textures ?? -1,
          programs: window.__sceneStats?.programs ?? -1,
          canvases: document.querySelectorAll('canvas').length,
          howls: Number(document.querySelector<HTMLElement>('.kiosk')?.dataset.liveHowls ?? -1),
        }))
      const look = async () => {
        await cdp.send('HeapProfiler.collectGarbage')
        const dom = await cdp.send('Memory.getDOMCounters')
        const heap = await cdp.send('Runtime.getHeapUsage')
        return { nodes: dom.nodes, listeners: dom.jsEventListeners, heapMB: heap.usedSize / 1e6 }
      }
      const sample = async () => {
        const gpu = await gpuNow()
        const looks = [await look()]
        for (let i = 0; i < 2; i++) {
          await page.waitForTimeout(300)
          looks.push(await look())
        }
        const least = (key: 'nodes' | 'listeners' | 'heapMB') => Math.min(...looks.map((l) => l[key]))
        return { ...gpu, nodes: least('nodes'), listeners: least('listeners'), heapMB: least('heapMB') }
      }
      const samples: Awaited<ReturnType<typeof sample>>[] = []
      let changes = 0
      let last = await stopParam(page)
      const first = ROUTE.stops[0]!.id
      while (changes < 60) {
        await expect.poll(() => stopParam(page), { timeout: 30_000 }).not.toBe(last)
        last = await stopParam(page)
        changes++
        if (last === first) {
          // Back at the first stop: one full cycle. Sample once its scene has drawn.
          await page.waitForSelector(`[data-ready-stop="${first}"]`, { timeout: 60_000 })
          samples.push(await sample())
        }
      }
      console.log('kiosk soak samples (one per cycle):', JSON.stringify(samples))
      expect(samples.length).toBeGreaterThanOrEqual(4)
      const [baseline, ...rest] = samples.slice(1)
      // DOM listeners are compared between samples with as many live Howls: a second one (the next stop's track
      // preloading) brings its audio element's listeners while it loads, and goes.
      const firstWith = (howls: number) => samples.slice(1).find((s) => s.howls === howls)!
      let listenerComparisons = 0
      for (const later of rest) {
        expect(later.geometries).toBe(baseline!.geometries)
        expect(later.textures).toBe(baseline!.textures)
        expect(later.programs).toBe(baseline!.programs)
        expect(later.canvases).toBe(2)
        expect(later.howls).toBeLessThanOrEqual(2)
        const alike = firstWith(later.howls)
        if (alike !== later) {
          expect(later.listeners).toBeLessThanOrEqual(alike.listeners + 20)
          listenerComparisons++
        }
        expect(later.nodes).toBeLessThanOrEqual(baseline!.nodes * 1.05 + 50)
      }
      expect(listenerComparisons).toBeGreaterThanOrEqual(1)
      expect(errors).toEqual([])
      await context.close()
    },
  )
})
