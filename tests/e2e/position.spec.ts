import { readFileSync } from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { parseVtt, type Cue } from '@/lib/parse-vtt'
import { courseGeometry, pointAlong } from '@/route/course'
import { cruiseSpeed } from '@/route/course'
import { triggerZones } from '@/route/trigger-zones'

import {
  closeCleanVisit,
  launchBrowser,
  openPhonePage,
  pixelsOf,
  saveScreenshot,
  touchStop,
  waitForMap,
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

const geometry = courseGeometry(ROUTE.course)
const zones = triggerZones(ROUTE)
const zoneOf = (stopId: string) => zones.find((z) => z.stopId === stopId)!

/** The "you are here" dot's blue (#1e90ff, and its anti-aliased edge) in a map screenshot. */
const isDotBlue = (r: number, g: number, b: number) => r < 70 && g > 115 && g < 175 && b > 225
/** The white glow of a highlighted bridge (and the white rims of the open stop and of the dot). */
const isWhite = (r: number, g: number, b: number) => r > 225 && g > 225 && b > 225

/** Pixels of a map screenshot that pass `test`, below the position panel laid over the map's top. */
function countBelowPanel(
  png: PNG,
  fromY: number,
  test: (r: number, g: number, b: number) => boolean,
): number {
  let n = 0
  for (let y = Math.ceil(fromY); y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      if (test(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) n++
    }
  return n
}

const panelBottom = async (page: Page) => {
  const [map, panel] = await Promise.all([
    page.locator('.map').boundingBox(),
    page.locator('.position-panel').boundingBox(),
  ])
  return panel!.y + panel!.height - map!.y
}

const stopParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('stop'))
const playerStatus = (page: Page) => page.locator('.player').getAttribute('data-status')
const playerTime = (page: Page) => page.locator('.player-seek').inputValue().then(Number)

const captionsOf = (stopId: string, lang: string) =>
  parseVtt(readFileSync(`routes-data/pearl-river-night/audio/${stopId}.${lang}.vtt`, 'utf8'))

/** Seconds each story lasts, as the app learns it: the end of its last caption. */
function storyLength(stopId: string, lang: string): number {
  return Math.max(...captionsOf(stopId, lang).map((c) => c.end))
}

/** Where `time` in `from` falls, as a fraction of the story, in `to`: the start of the caption there. */
function sameFractionCaption(time: number, from: Cue[], to: Cue[]): number {
  const at = (time / from.at(-1)!.end) * to.at(-1)!.end
  return to.filter((c) => c.start <= at).at(-1)!.start
}

/**
 * Sails Chromium's emulated GPS along the course from `from` to `to` metres, a fix every `step` metres and
 * 120 ms (compressed time: about 125 m/s for 15 m steps), with a good accuracy.
 */
async function sail(phone: PhonePage, from: number, to: number, step = 15): Promise<void> {
  for (let along = from; along <= to; along += step) {
    const [longitude, latitude] = pointAlong(geometry, ROUTE.course, along).position
    await phone.context.setGeolocation({ longitude, latitude, accuracy: 8 })
    await phone.page.waitForTimeout(120)
  }
}

describe('position-aware tour', () => {
  it(
    'follows the GPS along the course: each story starts as the boat reaches its site, in order, with its cues',
    { timeout: 360_000 },
    async () => {
      const start = pointAlong(geometry, ROUTE.course, 0).position
      phone = await openPhonePage(browser, '/', {
        prepare: async (context) => {
          await context.grantPermissions(['geolocation'])
          await context.setGeolocation({ longitude: start[0], latitude: start[1], accuracy: 8 })
        },
      })
      const { page } = phone
      const panel = page.locator('.position-panel')
      await waitForMap(page)
      const before = await pixelsOf(page, '.map', 'position-00-map-before')
      expect(before.count(isDotBlue)).toBeLessThan(10)
      expect(await panel.innerText()).toContain('船到哪个景点，就自动讲哪个故事')

      // The first tap: the permission prompt's button (it also unlocks audio for the tour).
      await page.getByRole('button', { name: '跟随我的位置' }).click()
      await expect.poll(() => panel.getAttribute('data-status')).toBe('ok')
      expect(await panel.innerText()).toContain('船到景点，故事自动开始')

      // The boat is at White Swan Pool: its story starts by itself.
      await sail(phone, 0, 60)
      await expect.poll(() => stopParam(page)).toBe('white-swan-pool')
      await expect.poll(() => playerStatus(page), { timeout: 30_000 }).toBe('playing')
      const dotted = await pixelsOf(page, '.map', 'position-01-you-are-here')
      expect(dotted.count(isDotBlue)).toBeGreaterThan(60)

      // On to Shamian while White Swan Pool is still told: its story is not cut…
      await sail(phone, 60, zoneOf('shamian').span!.start + 60)
      expect(await stopParam(page)).toBe('white-swan-pool')
      expect(await playerStatus(page)).toBe('playing')
      // …until the visitor pauses it: the stop the boat has reached then starts.
      await page.click('.play-button')
      await expect.poll(() => stopParam(page)).toBe('shamian')
      await expect.poll(() => playerStatus(page), { timeout: 30_000 }).toBe('playing')

      // Into the Customs House's trigger; when Shamian's story ends (the visitor skips to its last line), the
      // Customs House's starts.
      await sail(phone, zoneOf('shamian').span!.start + 60, zoneOf('customs-house').span!.start + 45)
      expect(await stopParam(page)).toBe('shamian')
      await page.locator('.transcript summary').click()
      await page.locator('.transcript li button').last().click()
      await expect.poll(() => stopParam(page), { timeout: 30_000 }).toBe('customs-house')
      await expect.poll(() => playerStatus(page), { timeout: 30_000 }).toBe('playing')

      // The visitor skips to the story's seventh line, then switches to English: the story goes on, in
      // English, from as far into it (the two have different numbers of captions: in proportion).
      const [zh, en] = [captionsOf('customs-house', 'zh-Hans'), captionsOf('customs-house', 'en')]
      await page.locator('.transcript summary').click()
      await page.locator('.transcript li button').nth(6).click()
      await expect.poll(() => playerTime(page)).toBeGreaterThanOrEqual(zh[6]!.start - 0.1)
      const heard = await playerTime(page)
      await page.getByRole('button', { name: 'English' }).click()
      await expect
        .poll(() => page.locator('#stop-title').innerText())
        .toContain(stopById('customs-house').title.en)
      await expect.poll(() => playerStatus(page), { timeout: 30_000 }).toBe('playing')
      expect(phone.requests.some((url) => url.endsWith('/audio/customs-house.en.webm'))).toBe(true)
      // The switch came 0–1 s after `heard` was read (the time is reported four times a second).
      const goesOn = await playerTime(page)
      const [earliest, latest] = [heard, heard + 1].map((t) => sameFractionCaption(t, zh, en))
      console.log(
        `customs-house: 中文 ${heard.toFixed(1)} s → English ${goesOn.toFixed(1)} s (from ${earliest} s)`,
      )
      expect(goesOn).toBeGreaterThan(10)
      expect(goesOn).toBeGreaterThanOrEqual(earliest! - 0.1)
      expect(goesOn).toBeLessThanOrEqual(latest! + 2)
      expect(await panel.innerText()).toContain('each story starts as the boat reaches its site')

      // Past Oi Kwan and the Cathedral (their stories would wait for this one, and the boat leaves them), to
      // Haizhu Bridge; the visitor pauses, and Haizhu Bridge's story starts, in English.
      await sail(
        phone,
        zoneOf('customs-house').span!.start + 45,
        // Two fixes inside Haizhu Bridge's trigger (one is not enough to enter it), whatever the leg's length.
        zoneOf('haizhu-bridge').span!.start + 85,
        40,
      )
      expect(await stopParam(page)).toBe('customs-house')
      await page.click('.play-button')
      await expect.poll(() => stopParam(page)).toBe('haizhu-bridge')
      await expect.poll(() => playerStatus(page), { timeout: 30_000 }).toBe('playing')
      expect(phone.requests.some((url) => url.endsWith('/audio/haizhu-bridge.en.webm'))).toBe(true)

      // Its cues: at once, the map flies to the bridge and lights it up…
      const player = page.locator('.player')
      expect(await player.getAttribute('data-cue-feature')).toBe('bridges:海珠桥')
      await page.waitForTimeout(2500) // the map's flight
      const lit = await pixelsOf(page, '.map', 'position-02-bridge-lit')
      const litWhite = countBelowPanel(lit.png, await panelBottom(page), isWhite)
      console.log(`white pixels of the map with Haizhu Bridge lit: ${litWhite}`)
      // Without the highlight this view has about 240 (the rims of the open stop and of the dot).
      expect(litWhite).toBeGreaterThan(450)
      // …and at 29.2 s the 3D camera moves to the view from the water.
      const cueAt = ROUTE.stops
        .find((s) => s.id === 'haizhu-bridge')!
        .narration.en!.cues!.find((c) => c.type === 'camera-view')!.at
      expect(await page.locator('.scene-host [data-view]').getAttribute('data-view')).not.toBe(
        'from-the-water',
      )
      await expect.poll(() => playerTime(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(cueAt)
      await expect
        .poll(() => page.locator('.scene-host [data-view]').getAttribute('data-view'), { timeout: 10_000 })
        .toBe('from-the-water')
      expect(await player.getAttribute('data-cue-camera')).toBe('from-the-water')
      expect(await player.getAttribute('data-cue-hotspot')).toBe('centre-span')
      await saveScreenshot(page, 'position-03-haizhu-cue')
      // Stops the boat left while another story was told were not started behind the visitor's back.
      expect(await panel.getAttribute('data-started')).toMatch(/^haizhu-bridge@/)
    },
  )

  it('says why when the position is refused, and "Next stop" still works', async () => {
    phone = await openPhonePage(browser, '/?stop=shamian', {
      prepare: (context) => context.clearPermissions(),
    })
    const { page } = phone
    await page.getByRole('button', { name: '跟随我的位置' }).click()
    const panel = page.locator('.position-panel')
    await expect.poll(() => panel.getAttribute('data-status')).toBe('denied')
    expect(await panel.innerText()).toContain('位置权限被拒绝，故事不会自动开始。请用“下一站”')
    await saveScreenshot(page, 'position-04-denied')
    await page.getByRole('button', { name: /下一站/ }).click()
    await expect.poll(() => stopParam(page)).toBe('thirteen-hongs')
  })

  it('says when the position is too imprecise to start stories', async () => {
    const start = pointAlong(geometry, ROUTE.course, 0).position
    phone = await openPhonePage(browser, '/', {
      prepare: async (context) => {
        await context.grantPermissions(['geolocation'])
        await context.setGeolocation({ longitude: start[0], latitude: start[1], accuracy: 400 })
      },
    })
    const { page } = phone
    await page.getByRole('button', { name: '跟随我的位置' }).click()
    const panel = page.locator('.position-panel')
    await expect.poll(() => panel.getAttribute('data-status')).toBe('poor')
    expect(await panel.innerText()).toContain('你的位置不够准确（±400 米）')
    // At the first stop's site, but 400 m uncertain: nothing starts.
    await page.waitForTimeout(1500)
    expect(await stopParam(page)).toBeNull()
  })
})

describe('?simulate', () => {
  it('sails a virtual boat from a stop and starts its story on time, then sails on faster', async () => {
    phone = await openPhonePage(browser, '/?simulate=20&stop=haizhu-bridge')
    const { page } = phone
    const panel = page.locator('.position-panel')
    await expect.poll(() => panel.getAttribute('data-source')).toBe('simulated')
    expect(await panel.innerText()).toContain('模拟航程：故事之间加快 20 倍')
    await expect
      .poll(() => panel.getAttribute('data-started'), { timeout: 30_000 })
      .toMatch(/^haizhu-bridge@/)
    // Nobody has touched the page yet: the story waits for a touch, and says so.
    expect(await playerStatus(page)).toBe('idle')
    expect(await page.locator('.player .notice').innerText()).toBe(
      '请轻点 ▶ 收听：浏览器要等你点一下才能播放声音。',
    )
    await touchStop(page)
    await expect.poll(() => playerStatus(page), { timeout: 30_000 }).toBe('playing')

    // Planned: early enough to end abeam of the bridge, but not before the boat enters its trigger.
    const zone = zoneOf('haizhu-bridge')
    const speed = cruiseSpeed(ROUTE)
    const length = storyLength('haizhu-bridge', 'zh-Hans')
    const planned = Math.max(zone.span!.start, zone.passAlong - length * speed) / speed
    const actual = Number((await panel.getAttribute('data-started'))!.split('@')[1])
    console.log(
      `simulated start of haizhu-bridge: planned ${planned.toFixed(1)} s, actual ${actual} s into the cruise ` +
        `(error ${(actual - planned).toFixed(1)} s; story ${length.toFixed(1)} s, ends abeam of the site ` +
        `${(actual + length - zone.passAlong / speed).toFixed(1)} s after the boat passes it)`,
    )
    expect(Math.abs(actual - planned)).toBeLessThanOrEqual(3)

    // While the story is told, the boat keeps real cruise speed…
    const cruiseTime = async () => Number(await panel.getAttribute('data-cruise-time'))
    const t0 = await cruiseTime()
    await page.waitForTimeout(3000)
    const telling = (await cruiseTime()) - t0
    expect(telling).toBeGreaterThanOrEqual(1)
    expect(telling).toBeLessThanOrEqual(6)
    // …and when the visitor pauses it, twenty times faster.
    await page.click('.play-button')
    const t1 = await cruiseTime()
    await page.waitForTimeout(3000)
    expect((await cruiseTime()) - t1).toBeGreaterThan(30)
    const sailing = await pixelsOf(page, '.map', 'position-05-simulated')
    expect(sailing.count(isDotBlue)).toBeGreaterThan(60)

    // The boat drives the same triggers: Tianzi Pier is next along the river.
    await expect.poll(() => stopParam(page), { timeout: 30_000 }).toBe('tianzi-pier')
    await page.getByRole('button', { name: '停止模拟' }).click()
    expect(await panel.getAttribute('data-source')).toBe('none')
  })

  it('starts a simulated cruise from the panel', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    await page.getByRole('button', { name: '模拟航程' }).click()
    await expect.poll(() => stopParam(page), { timeout: 30_000 }).toBe(ROUTE.stops[0]!.id)
    expect(await page.locator('.position-panel').innerText()).toContain('模拟航程：故事之间加快 10 倍')
  })
})
