import type { Browser, Page } from 'playwright-core'

import { NAME_SHIM } from './frame-cost'

/**
 * DevTools' "Slow 4G" preset: 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up — a phone at a busy pier.
 * @see https://chromedevtools.github.io/devtools-protocol/tot/Network/#method-emulateNetworkConditions
 */
export const SLOW_MOBILE = { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 }

/** Milliseconds from a tap on a stop to its first 3D frame and to the narration playing. */
export interface TapTiming {
  stopId: string
  /** The first stop of a visit also waits for the 3D code (three, R3F); later ones do not. */
  first: boolean
  sceneMs: number
  /** The track loaded and play can be pressed; `narrationMs` is when it plays (after the press is handled). */
  readyMs: number
  narrationMs: number
}

/** Taps a stop in its list, presses play as soon as it can, and times both; leaves the story paused. */
export async function tap(page: Page, stopId: string, first: boolean): Promise<TapTiming> {
  // All timing is taken inside the page (performance.now), from the tap's own click event.
  await page.evaluate((stopId) => {
    const w = window as unknown as {
      benchTap?: { tap?: number; scene?: number; ready?: number; playing?: number }
    }
    const times: { tap?: number; scene?: number; ready?: number; playing?: number } = {}
    w.benchTap = times
    document.addEventListener('click', () => (times.tap ??= performance.now()), { capture: true, once: true })
    // The stop's first drawn 3D frame: the canvas's wrapper then names it in data-ready-stop.
    const scene = new MutationObserver(() => {
      if (!document.querySelector(`[data-ready-stop="${stopId}"]`)) return
      times.scene ??= performance.now()
      scene.disconnect()
    })
    scene.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready-stop'] })
    // "Narration start": the play button is pressed as soon as the track can play, and the clock stops when
    // the player says it is playing.
    const watch = setInterval(() => {
      const player = document.querySelector('.player')
      const status = player?.getAttribute('data-status')
      const title = document.querySelector('#stop-title')
      if (!title || times.tap === undefined) return
      if (status === 'ready') {
        times.ready ??= performance.now()
        document.querySelector<HTMLButtonElement>('.play-button')?.click()
      }
      if (status === 'playing') {
        times.ready ??= performance.now()
        times.playing = performance.now()
        clearInterval(watch)
      }
    }, 10)
  }, stopId)
  await page.click(`[data-stop-id="${stopId}"]`)
  const result = await page.waitForFunction(
    () => {
      const t = (window as unknown as { benchTap: { tap?: number; scene?: number; playing?: number } })
        .benchTap
      return t.scene !== undefined && t.playing !== undefined && t.tap !== undefined ? t : null
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  )
  const t = (await result.jsonValue()) as { tap: number; scene: number; ready: number; playing: number }
  // Pause, so the next tap starts from silence.
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('.play-button')?.click())
  return { stopId, first, sceneMs: t.scene - t.tap, readyMs: t.ready - t.tap, narrationMs: t.playing - t.tap }
}

/**
 * One visit: open the home page at full speed (the first view is Lighthouse's figure), wait for the still map,
 * then throttle the network to slow mobile and tap two stops: the first (which also fetches the 3D code) and
 * another.
 */
export async function measureVisit(
  browser: Browser,
  baseUrl: string,
  stops: [string, string],
): Promise<TapTiming[]> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // The shell's service worker would answer from its cache and bypass the throttled page network.
    serviceWorkers: 'block',
  })
  await context.addInitScript({ content: NAME_SHIM })
  try {
    const page = await context.newPage()
    await page.goto(baseUrl)
    await page.waitForSelector('.still-map .still-map-stop', { timeout: 60_000 })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_MOBILE })
    return [await tap(page, stops[0], true), await tap(page, stops[1], false)]
  } finally {
    await context.close()
  }
}
