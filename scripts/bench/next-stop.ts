import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'

import { NAME_SHIM } from './frame-cost'
import { SLOW_MOBILE, tap, type TapTiming } from './interaction'
import { median } from './stats'

/** How long the visitor listens to a story before tapping the next stop (issue 20). */
export const LISTEN_MS = 15_000

/** One visit's two taps: a stop (the tour already visited once, so under the service worker), then the next. */
export interface NextStopVisit {
  prefetch: boolean
  first: TapTiming
  next: TapTiming
}

/** The visitor's Data Saver turned on: the app then fetches nothing ahead (`mayPrefetch`). */
const SAVE_DATA = `{
  const info = navigator.connection && Object.getPrototypeOf(navigator.connection)
  if (info) Object.defineProperty(info, 'saveData', { get: () => true })
}`

/**
 * Slow 4G for the page and for its service worker: DevTools' throttling of a page does not reach the requests
 * its worker makes, so the worker's own target is throttled too (attached through the browser session).
 */
async function throttle(context: BrowserContext, page: Page): Promise<CDPSession> {
  const pageSession = await context.newCDPSession(page)
  await pageSession.send('Network.enable')
  await pageSession.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_MOBILE })
  const { targetInfo } = await pageSession.send('Target.getTargetInfo')
  const browserSession = await context.browser()!.newBrowserCDPSession()
  const { targetInfos } = await browserSession.send('Target.getTargets')
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.browserContextId === targetInfo.browserContextId,
  )
  if (!worker) throw new Error('no service worker in this visit: the throttled figures would be wrong')
  const { sessionId } = await browserSession.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  })
  let id = 0
  const answered = new Map<number, () => void>()
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number }
    if (message.id !== undefined) answered.get(message.id)?.()
  })
  const send = (method: string, params: object) =>
    new Promise<void>((resolve) => {
      answered.set(++id, resolve)
      void browserSession.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      })
    })
  await send('Network.enable', {})
  await send('Network.emulateNetworkConditions', { offline: false, ...SLOW_MOBILE })
  return browserSession
}

/**
 * One visit on Slow 4G, the app already installed by an earlier visit: tap `stop`, listen for 15 s, pause,
 * tap the stop after it. `prefetch: false` turns the Data Saver on, so nothing is fetched ahead.
 */
export async function measureNextStop(
  browser: Browser,
  baseUrl: string,
  [stop, next]: [string, string],
  prefetch: boolean,
): Promise<NextStopVisit> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  await context.addInitScript({ content: NAME_SHIM })
  if (!prefetch) await context.addInitScript({ content: SAVE_DATA })
  try {
    const page = await context.newPage()
    await page.goto(baseUrl)
    await page.waitForSelector('.still-map .still-map-stop', { timeout: 60_000 })
    // The earlier visit, at full speed: the worker installs after the first view; the reload is under it.
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await page.waitForSelector('.still-map .still-map-stop', { timeout: 60_000 })
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    })
    const session = await throttle(context, page)
    const first = await tap(page, stop, true)
    // Play again (tap() paused it), pressing as tap() does until the player says it plays; listen; pause.
    await page
      .waitForFunction(
        () => {
          const status = document.querySelector('.player')?.getAttribute('data-status')
          if (status === 'playing') return true
          if (status === 'paused' || status === 'ready')
            document.querySelector<HTMLButtonElement>('.play-button')?.click()
          return false
        },
        undefined,
        { timeout: 60_000, polling: 500 },
      )
      .catch(async (error: unknown) => {
        const player = await page.locator('.player').first().getAttribute('data-status')
        throw new Error(`${stop} did not play again (player: ${player})`, { cause: error })
      })
    await page.waitForTimeout(LISTEN_MS)
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.play-button')?.click())
    const second = await tap(page, next, false)
    await session.detach()
    return { prefetch, first, next: second }
  } finally {
    await context.close()
  }
}

/** Pairs of consecutive stops that both have a model, the first `count` of the route. */
export function nextStopPairs(stops: readonly { id: string; model?: unknown }[], count: number) {
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < stops.length && pairs.length < count; i++)
    if (stops[i]!.model && stops[i + 1]!.model) pairs.push([stops[i]!.id, stops[i + 1]!.id])
  return pairs
}

/** Medians (ms) of each tap's figures, with and without the prefetch. */
export function nextStopFigures(visits: readonly NextStopVisit[]) {
  const of = (prefetch: boolean, which: 'first' | 'next', figure: 'sceneMs' | 'readyMs' | 'narrationMs') =>
    median(visits.filter((v) => v.prefetch === prefetch).map((v) => v[which][figure]))
  return [true, false].map((prefetch) => ({
    prefetch,
    runs: visits.filter((v) => v.prefetch === prefetch).length,
    firstReadyMs: of(prefetch, 'first', 'readyMs'),
    firstSoundMs: of(prefetch, 'first', 'narrationMs'),
    firstSceneMs: of(prefetch, 'first', 'sceneMs'),
    nextReadyMs: of(prefetch, 'next', 'readyMs'),
    nextSoundMs: of(prefetch, 'next', 'narrationMs'),
    nextSceneMs: of(prefetch, 'next', 'sceneMs'),
  }))
}
