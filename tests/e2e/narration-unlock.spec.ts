import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { courseGeometry, pointAlong } from '@/route/course'

import { closeCleanVisit, launchBrowser, openPhonePage, saveScreenshot, type PhonePage } from './browser'
import { ROUTE } from './route-data'

/*
 * In a Chromium as strict as iOS Safari about autoplay. Two cautions make these tests able to fail:
 * - Chromium lets any element play for 5 s after a tap (its user-activation window), so a story must start
 *   later than that to tell an unlocked element from a locked one;
 * - every Playwright query of the page (an attribute, a text) runs a script that counts as a user gesture, so
 *   nothing touches the page in the meantime: the test only waits, moves the emulated GPS and watches requests.
 */
const ACTIVATION_WINDOW_MS = 5000

let browser: Browser
let phone: PhonePage | undefined

beforeAll(async () => {
  browser = await launchBrowser({ autoplay: 'user-gesture-required' })
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  if (phone) await closeCleanVisit(phone)
  phone = undefined
})

const geometry = courseGeometry(ROUTE.course)
const playerStatus = (page: Page) => page.locator('.player').getAttribute('data-status')
const playerTime = (page: Page) => page.locator('.player-seek').inputValue().then(Number)
const stopParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('stop'))

/** When the page first asked for a URL ending with `suffix` (Date.now() clock), once it has. */
function requestedAt(page: Page, suffix: string): Promise<number> {
  return page
    .waitForRequest((request) => request.url().endsWith(suffix), { timeout: 60_000 })
    .then(() => Date.now())
}

/** Serves howler's chunk only after the activation window (and a margin), and tells when it did. */
function holdHowlerBack(): { prepare: (context: BrowserContext) => Promise<void>; servedAt: number } {
  const held = {
    servedAt: 0,
    prepare: async (context: BrowserContext) => {
      await context.route('**/assets/howler-*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, ACTIVATION_WINDOW_MS + 1500))
        held.servedAt = Date.now()
        await route.continue()
      })
    },
  }
  return held
}

/** The story plays by itself, and its time moves on: sound, not just a status. */
async function expectPlaying(page: Page): Promise<void> {
  expect(await playerStatus(page)).toBe('playing')
  const t0 = await playerTime(page)
  await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThan(t0 + 1)
  expect(await page.locator('.player').innerText()).not.toContain('点按播放')
}

describe('the tap on "follow my position" unlocks audio for the tour', () => {
  it(
    'plays a story the GPS starts long after that tap, with no tap of its own',
    { timeout: 120_000 },
    async () => {
      // Between White Swan Pool and Shamian: no story is due here.
      const [longitude, latitude] = pointAlong(geometry, ROUTE.course, 400).position
      phone = await openPhonePage(browser, '/', {
        prepare: async (context) => {
          await context.grantPermissions(['geolocation'])
          await context.setGeolocation({ longitude, latitude, accuracy: 8 })
        },
      })
      const { page } = phone
      await page.getByRole('button', { name: '跟随我的位置' }).click()
      await expect.poll(() => page.locator('.position-panel').getAttribute('data-status')).toBe('ok')
      const lastTouched = Date.now()

      await page.waitForTimeout(ACTIVATION_WINDOW_MS + 1000)
      const shamianAudio = requestedAt(page, '/audio/shamian.zh-Hans.webm')
      for (let along = 400; along <= 760; along += 15) {
        const [lng, lat] = pointAlong(geometry, ROUTE.course, along).position
        await phone.context.setGeolocation({ longitude: lng, latitude: lat, accuracy: 8 })
        await page.waitForTimeout(120)
      }
      const storyAsked = await shamianAudio
      // Its Howl (and audio element) came after the tap's activation window.
      expect(storyAsked - lastTouched).toBeGreaterThan(ACTIVATION_WINDOW_MS)
      await page.waitForTimeout(4000) // howler plays it once it can play through; nothing touches the page
      await saveScreenshot(page, 'narration-unlock-01-gps')
      expect(await stopParam(page)).toBe('shamian')
      await expectPlaying(page)
    },
  )
})

describe('the tap that starts a simulated cruise unlocks audio for the tour', () => {
  it(
    'plays the first story even when howler arrives after the tap window',
    { timeout: 120_000 },
    async () => {
      // howler's chunk is held back: the story's audio element is then made outside the tap's activation window.
      const howler = holdHowlerBack()
      phone = await openPhonePage(browser, '/', { prepare: howler.prepare })
      const { page } = phone
      await page.getByRole('button', { name: '模拟航程' }).click()
      const tapped = Date.now()
      await page.waitForTimeout(ACTIVATION_WINDOW_MS + 1500 + 4000) // nothing touches the page
      expect(howler.servedAt - tapped).toBeGreaterThan(ACTIVATION_WINDOW_MS)
      expect(await stopParam(page)).toBe(ROUTE.stops[0]!.id)
      await saveScreenshot(page, 'narration-unlock-02-simulated')
      await expectPlaying(page)
    },
  )
})

describe('the first tap of a finger on play, on a stop opened from a link', () => {
  it(
    'plays its story at once, even when howler arrives after the tap window',
    { timeout: 120_000 },
    async () => {
      // No track is made before the first touch; howler arriving late makes the Howl outside the tap's window.
      const howler = holdHowlerBack()
      phone = await openPhonePage(browser, '/?stop=customs-house', { prepare: howler.prepare })
      const { page } = phone
      await page.waitForSelector('.player[data-status="idle"] .play-button:not([disabled])', {
        timeout: 30_000,
      })
      // A finger: its click comes as a task after its pointerup. The track's Howl must be made after the click
      // has unlocked audio elements, or it takes a locked one and the tap is refused.
      await page.tap('.play-button')
      const tapped = Date.now()
      await page.waitForTimeout(ACTIVATION_WINDOW_MS + 1500 + 4000) // nothing touches the page
      expect(howler.servedAt - tapped).toBeGreaterThan(ACTIVATION_WINDOW_MS - 500)
      await expectPlaying(page)
    },
  )
})
