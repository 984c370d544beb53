import { mkdirSync } from 'node:fs'

import { PNG } from 'pngjs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = 'tests/screenshots'

/** Chromium flags: WebGL2 on SwiftShader and no background traffic to the closed network (also used by the bench). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
]

/**
 * Debian's Chromium, headless, with WebGL2 on SwiftShader and no background traffic to the closed network.
 * `autoplay`: its autoplay policy, by default any page may play; "user-gesture-required" is as strict as iOS
 * Safari: an audio element plays without a tap only if play() or load() was called on it during one.
 */
export async function launchBrowser(
  options: { autoplay?: 'no-user-gesture-required' | 'user-gesture-required' } = {},
): Promise<Browser> {
  const args = options.autoplay
    ? [
        ...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--autoplay-policy=')),
        `--autoplay-policy=${options.autoplay}`,
      ]
    : CHROMIUM_ARGS
  return chromium.launch({ executablePath: CHROMIUM, args })
}

/** A phone-sized page (390×844) that records console errors and every request it makes. */
export interface PhonePage {
  context: BrowserContext
  page: Page
  baseUrl: string
  consoleErrors: string[]
  requests: string[]
  failedRequests: string[]
}

export async function openPhonePage(
  browser: Browser,
  path = '/',
  options: {
    locale?: string
    reducedMotion?: 'reduce' | 'no-preference'
    /** Runs before the page is opened, e.g. to hold back some requests. */
    prepare?: (context: BrowserContext) => Promise<unknown>
  } = {},
): Promise<PhonePage> {
  const baseUrl = inject('baseUrl')
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'zh-CN',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  })
  await options.prepare?.(context)
  const page = await context.newPage()
  const phone: PhonePage = { context, page, baseUrl, consoleErrors: [], requests: [], failedRequests: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') phone.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => phone.consoleErrors.push(String(error)))
  page.on('request', (request) => phone.requests.push(request.url()))
  page.on('response', (response) => {
    if (response.status() >= 400) phone.failedRequests.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(new URL(path, baseUrl).href, { waitUntil: 'domcontentloaded' })
  return phone
}

/** Saves a screenshot for people to look at (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return page.screenshot({ path: `${SCREENSHOTS}/${name}.png` })
}

/** Pixel statistics of an element's screenshot: how much of it differs from a background colour. */
export async function pixelsOf(
  page: Page,
  selector: string,
  name: string,
): Promise<{
  png: PNG
  differsFrom: (rgb: [number, number, number], tolerance?: number) => number
  count: (test: (r: number, g: number, b: number) => boolean) => number
}> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const buffer = await page.locator(selector).screenshot({ path: `${SCREENSHOTS}/${name}.png` })
  const png = PNG.sync.read(buffer)
  const count = (test: (r: number, g: number, b: number) => boolean) => {
    let n = 0
    for (let i = 0; i < png.data.length; i += 4) {
      if (test(png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0)) n++
    }
    return n
  }
  const differsFrom = ([r0, g0, b0]: [number, number, number], tolerance = 24) =>
    count((r, g, b) => Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > tolerance) /
    (png.width * png.height)
  return { png, differsFrom, count }
}

/**
 * A visitor's first touch on a stop opened from a link: a tap on the stop's title, which does nothing else. The
 * 3D view (behind its poster) and the narration's track wait for it.
 */
export async function touchStop(page: Page): Promise<void> {
  await page.locator('#stop-title').click({ timeout: 60_000 })
}

/**
 * Waits until the 3D view reports that it drew the given stop's model. Where the poster of a stop opened from a
 * link stands alone, this touches the page first, as a visitor would.
 */
export async function waitForScene(page: Page, stopId: string): Promise<void> {
  await page.waitForSelector('#stop-title', { timeout: 60_000 })
  if ((await page.locator('.scene-poster').count()) && !(await page.locator('.scene-canvas').count())) {
    await touchStop(page)
  }
  await page.waitForSelector(`[data-ready-stop="${stopId}"]`, { timeout: 60_000 })
}

/**
 * Starts the live map where the still map stands in for it (as a visitor's first touch does), then waits until
 * it has drawn its style and sources.
 */
export async function waitForMap(page: Page): Promise<void> {
  // The map panel appears once the route has loaded: still (idle), or already starting on a shared screen.
  await page.waitForSelector(
    '.map-panel[data-state="idle"] .still-map, .map-panel:not([data-state="idle"])',
    {
      timeout: 60_000,
    },
  )
  const still = page.locator('.map-panel[data-state="idle"] .still-map')
  if (await still.count()) await still.dispatchEvent('pointerdown')
  await page.waitForSelector('.map-panel[data-state="ready"]', { timeout: 60_000 })
}

/**
 * What every visit must show, asserted when a test's page closes: nothing failed to load, no request left the
 * origin (no CDN, tiles, fonts or decoders), nothing logged an error.
 */
export async function closeCleanVisit(phone: PhonePage): Promise<void> {
  const origin = new URL(phone.baseUrl).origin
  const foreign = phone.requests.filter(
    (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
  )
  try {
    expect(phone.failedRequests).toEqual([])
    expect(foreign).toEqual([])
    expect(phone.consoleErrors).toEqual([])
  } finally {
    await phone.context.close()
  }
}
