import { statSync } from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import {
  launchBrowser,
  openPhonePage,
  pixelsOf,
  saveScreenshot,
  waitForMap,
  waitForScene,
  type PhonePage,
} from './browser'
import type { Lang } from '@/route/schema'

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
  if (phone) {
    expect(phone.failedRequests).toEqual([])
    expect(phone.consoleErrors).toEqual([])
    await phone.context.close()
    phone = undefined
  }
})

const LAND: [number, number, number] = [0x0b, 0x0f, 0x1c]

/** What a pack for these languages must hold, listed from route.json by hand: the sum shown first. */
function expectedPackBytes(langs: Lang[]): number {
  const pack = 'routes-data/pearl-river-night/'
  const files = [
    'routes-data/index.json',
    `${pack}route.json`,
    ...Object.values(ROUTE.map.basemap).map((path) => pack + path),
    ...ROUTE.stops.flatMap((stop) => [
      ...(stop.model ? [pack + stop.model.src] : []),
      ...(stop.model?.poster ? [pack + stop.model.poster] : []),
      ...langs.flatMap((lang) => {
        const track = stop.narration[lang]!
        // Chromium plays the first encoding listed (Opus in WebM); only that one is stored.
        return [track.audio[0]!, track.captions].map((path) => pack + path)
      }),
    ]),
  ]
  return files.reduce((sum, file) => sum + statSync(file).size, 0)
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`

describe('the tour offline', () => {
  it('opens again with no network after one visit, nothing downloaded: stops, map and story, and one offline line', async () => {
    const stop = ROUTE.stops.find((s) => s.model?.poster)!
    phone = await openPhonePage(browser, `/?stop=${stop.id}`)
    const { page, context } = phone
    await page.waitForSelector('.stop-list li')
    await page.waitForSelector('.still-map')
    await page.evaluate(() => navigator.serviceWorker.ready)
    // The first visit was not under the service worker: it keeps the route files this visit read.
    const kept = () =>
      page.evaluate(async () => {
        const cache = await caches.open('route-visit-files')
        return (await cache.keys()).map((r) => new URL(r.url).pathname.replace(/^.*\/routes-data\//, ''))
      })
    const pack = 'pearl-river-night/'
    await expect
      .poll(kept)
      .toEqual(
        expect.arrayContaining([
          'index.json',
          `${pack}route.json`,
          ...Object.values(ROUTE.map.basemap).map((path) => pack + path),
          pack + stop.model!.poster!,
        ]),
      )
    expect((await kept()).some((file) => /\.(webm|mp3|glb)$/.test(file))).toBe(false)
    expect(await page.locator('.offline-notice').count()).toBe(0)

    await context.setOffline(true)
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.waitForSelector('.stop-list li')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stop.title['zh-Hans'])
    expect(await page.locator('.story').innerText()).toContain(
      stop.story['zh-Hans']!.split('\n')[0]!.slice(0, 20),
    )
    expect(await page.locator('.offline-notice').innerText()).toBe(
      '离线：站点、地图和故事可以使用；未保存在本设备上的讲解和三维视图需要网络。',
    )
    await page.waitForSelector('.still-map')
    await saveScreenshot(page, 'offline-00-after-one-visit')
    const map = await pixelsOf(page, '.map', 'offline-00-map')
    expect(map.count((r, g, b) => b > 50 && b > r + 20 && g > r)).toBeGreaterThan(2000)
    // Back online, the line goes.
    await context.setOffline(false)
    await expect.poll(() => page.locator('.offline-notice').count()).toBe(0)
  })

  it('downloads the route pack (size first, then progress) and then works with the network off', async () => {
    phone = await openPhonePage(browser, '/', {
      prepare: (context) =>
        context.addInitScript(() => {
          // Record the request for persistent storage (an incognito test profile always answers false).
          const storage = navigator.storage
          const persist = storage.persist.bind(storage)
          ;(window as unknown as { persistAsked: number }).persistAsked = 0
          storage.persist = () => {
            ;(window as unknown as { persistAsked: number }).persistAsked++
            return persist()
          }
        }),
    })
    const { page, context } = phone
    await page.waitForSelector('.stop-list li')
    await page.evaluate(() => navigator.serviceWorker.ready)

    // Watch the panel's phases, and the largest progress value shown, as the visitor would see them.
    await page.evaluate(() => {
      const seen: { phases: string[]; maxProgress: number } = { phases: [], maxProgress: 0 }
      ;(window as unknown as { offlineSeen: typeof seen }).offlineSeen = seen
      const record = () => {
        const panel = document.querySelector('.offline-panel')
        const phase = panel?.getAttribute('data-phase')
        if (phase && seen.phases.at(-1) !== phase) seen.phases.push(phase)
        const bar = document.querySelector<HTMLProgressElement>('.offline-progress')
        if (bar) seen.maxProgress = Math.max(seen.maxProgress, bar.value / bar.max)
      }
      record()
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      })
    })

    await page.getByRole('button', { name: '下载本路线离线使用' }).click()
    const offer = page.locator('.offline-offer')
    await offer.waitFor()
    const size = megabytes(expectedPackBytes(['zh-Hans']))
    expect(await offer.innerText()).toContain(size)
    expect(await offer.innerText()).toContain('中文')
    await saveScreenshot(page, 'offline-01-size-offered')
    await page.getByRole('button', { name: `下载 ${size}` }).click()
    await expect
      .poll(() => page.locator('.offline-done').innerText(), { timeout: 60_000 })
      .toContain('已保存在本设备上')
    await saveScreenshot(page, 'offline-02-saved')
    const seen = await page.evaluate(
      () => (window as unknown as { offlineSeen: { phases: string[]; maxProgress: number } }).offlineSeen,
    )
    expect(seen.phases).toEqual(['idle', 'sizing', 'offer', 'downloading', 'stored'])
    expect(seen.maxProgress).toBeGreaterThan(0.5)
    expect(await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBe(1)

    // Off the network: the whole tour comes from the phone.
    await context.setOffline(true)
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.waitForSelector('.stop-list li')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    expect(await page.locator('.offline-done').innerText()).toContain('已保存在本设备上')
    await waitForMap(page)
    const map = await pixelsOf(page, '.map', 'offline-03-map')
    expect(map.differsFrom(LAND)).toBeGreaterThan(0.05)
    expect(map.count((r, g, b) => b > 50 && b > r + 20 && g > r)).toBeGreaterThan(2000)

    const stop = stopById('haizhu-bridge')
    await page.click('[data-stop-id="haizhu-bridge"]')
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stop.title['zh-Hans'])
    await waitForScene(page, 'haizhu-bridge')
    const scene = await pixelsOf(page, '.scene-host canvas', 'offline-04-scene')
    expect(scene.differsFrom([0x06, 0x0a, 0x16], 40)).toBeGreaterThan(0.02)

    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    const seek = page.locator('.player-seek')
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 15_000 }).toBeGreaterThan(1.5)
    await expect.poll(() => page.getByTestId('caption').innerText(), { timeout: 15_000 }).not.toBe('')
    await saveScreenshot(page, 'offline-05-narration')
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  })
  it('offers every language with its size first, adds the others later, and tells any of them offline', async () => {
    phone = await openPhonePage(browser, '/')
    const { page, context } = phone
    await page.waitForSelector('.stop-list li')
    await page.evaluate(() => navigator.serviceWorker.ready)

    // Offered on the introduction, before boarding: every language by default, this one alone as the smaller
    // choice, each with its size, before anything is downloaded.
    await page.locator('.route-intro').getByRole('button', { name: '下载本路线离线使用' }).click()
    await page.locator('.offline-offer').waitFor()
    const oneBytes = expectedPackBytes(['zh-Hans'])
    const allBytes = expectedPackBytes(['zh-Hans', 'en', 'yue'])
    const one = megabytes(oneBytes)
    expect(one).not.toBe(megabytes(allBytes))
    expect(await page.locator('.offline-offer').innerText()).toBe(
      `离线使用所需的地图、三维模型、讲解和字幕：全部语言（中文, English, 粤语）${megabytes(allBytes)}，仅中文 ${one}。`,
    )
    const choices = page.locator('.offline-actions button')
    expect(await choices.allInnerTexts()).toEqual([
      `全部语言（中文, English, 粤语）：下载 ${megabytes(allBytes)}`,
      `仅中文：下载 ${one}`,
      '取消',
    ])
    expect(await choices.first().getAttribute('class')).toBe('primary-button')
    const allLanguages = page.getByRole('button', {
      name: `全部语言（中文, English, 粤语）：下载 ${megabytes(allBytes)}`,
    })
    expect(await allLanguages.count()).toBe(1)
    await allLanguages.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'offline-06-all-languages-offered')

    // This language first; then the others, offered with only what is still missing.
    await page.getByRole('button', { name: `下载 ${one}` }).click()
    await expect
      .poll(() => page.locator('.offline-done').innerText(), { timeout: 60_000 })
      .toContain('本路线（中文）已保存在本设备上')
    await page.getByRole('button', { name: '同时保存其他语言' }).click()
    const others = megabytes(allBytes - oneBytes)
    await expect.poll(() => page.locator('.offline-offer').innerText()).toContain(others)
    expect(await page.locator('.offline-offer').innerText()).toContain('English, 粤语')
    await page.getByRole('button', { name: `全部语言（中文, English, 粤语）：下载 ${others}` }).click()
    await expect
      .poll(() => page.locator('.offline-done').innerText(), { timeout: 90_000 })
      .toContain('本路线（中文, English, 粤语）已保存在本设备上')
    expect(await page.getByRole('button', { name: '同时保存其他语言' }).count()).toBe(0)

    // Off the network, a Cantonese visitor opens a stop: its Cantonese narration plays from the phone.
    await context.setOffline(true)
    await page.goto(`${phone.baseUrl}?stop=canton-tower&lang=yue`, { waitUntil: 'domcontentloaded' })
    await expect.poll(() => page.locator('.offline-done').innerText()).toContain('已經儲存喺呢部裝置')
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    const seek = page.locator('.player-seek')
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 15_000 }).toBeGreaterThan(1.5)
    await expect.poll(() => page.getByTestId('caption').innerText(), { timeout: 15_000 }).not.toBe('')
    await saveScreenshot(page, 'offline-07-cantonese-offline')
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  })
  it('says a full device plainly, with the sizes, instead of starting a download that cannot fit', async () => {
    // A phone whose browser says 1 MB is left for this site. (Chromium's DevTools quota override does not reach
    // an incognito profile's estimate, so the page is told it directly.)
    phone = await openPhonePage(browser, '/', {
      prepare: (context) =>
        context.addInitScript(() => {
          const estimate = navigator.storage.estimate.bind(navigator.storage)
          navigator.storage.estimate = async () => {
            const real = await estimate()
            return { ...real, quota: (real.usage ?? 0) + 1_000_000 }
          }
        }),
    })
    const { page } = phone
    await page.waitForSelector('.stop-list li')
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.getByRole('button', { name: '下载本路线离线使用' }).click()
    const one = megabytes(expectedPackBytes(['zh-Hans']))
    await page.getByRole('button', { name: `仅中文：下载 ${one}` }).click()
    const alert = page.locator('.offline-panel [role="alert"]')
    await expect
      .poll(() => alert.innerText())
      .toMatch(/^本设备空间不足：下载需要 .* MB，可用 (0\.9|1\.0) MB。/)
    expect(await alert.innerText()).toContain(one)
    await saveScreenshot(page, 'offline-08-device-full')
    // Nothing was fetched into the pack.
    const stored = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).length,
      `route-pack:${ROUTE.id}`,
    )
    expect(stored).toBe(0)
  })

  it('offline, switching to a language not downloaded says so at once; the story switches, and it plays when online', async () => {
    phone = await openPhonePage(browser, '/')
    const { page, context } = phone
    await page.waitForSelector('.stop-list li')
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.getByRole('button', { name: '下载本路线离线使用' }).click()
    await page
      .getByRole('button', { name: `仅中文：下载 ${megabytes(expectedPackBytes(['zh-Hans']))}` })
      .click()
    await expect
      .poll(() => page.locator('.offline-done').innerText(), { timeout: 60_000 })
      .toContain('本路线（中文）已保存在本设备上')

    // What fails offline is only what this device does not hold: the English captions and narration.
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname))
    await context.setOffline(true)
    const stop = stopById('canton-tower')
    await page.goto(`${phone.baseUrl}?stop=${stop.id}`, { waitUntil: 'domcontentloaded' })
    await page.waitForSelector('.player[data-status="idle"], .player[data-status="ready"]', {
      timeout: 30_000,
    })
    await page.getByRole('button', { name: 'English' }).click()
    const line = page.locator('.player [data-load="not-saved"]')
    await expect
      .poll(() => line.innerText())
      .toBe(
        'No network, and the English narration is not saved on this device. The story below is in English; the narration plays once you are online.',
      )
    expect(await page.locator('.story').innerText()).toContain(stop.story.en!.split('\n')[0]!.slice(0, 30))
    expect(await page.locator('.play-button').isDisabled()).toBe(true)
    // That line alone: no "loading" that will never end, no error.
    expect(await page.locator('.player .player-message').count()).toBe(1)
    await saveScreenshot(page, 'offline-09-language-not-saved')

    // Online again: the line goes and the English narration plays.
    await context.setOffline(false)
    await expect.poll(() => line.count()).toBe(0)
    await expect.poll(() => page.locator('.play-button').isDisabled(), { timeout: 30_000 }).toBe(false)
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    const english = stop.narration.en!
    for (const path of failed)
      expect([english.captions, english.audio[0]]).toContain(path.split('pearl-river-night/')[1])
    // Chromium logs each of those failures as a console error; nothing else may log one.
    expect(phone.consoleErrors).toEqual(failed.map(() => 'Failed to load resource: net::ERR_FAILED'))
    phone.consoleErrors = []
  })

  it('fetches the next stop while a story plays: with the network gone, the next stop opens in 3D and plays', async () => {
    const index = ROUTE.stops.findIndex((s, i) => s.model && ROUTE.stops[i + 1]?.model)
    const [stop, next] = [ROUTE.stops[index]!, ROUTE.stops[index + 1]!]
    phone = await openPhonePage(browser, '/')
    const { page, context } = phone
    await page.waitForSelector('.stop-list li')
    // The second visit, under the worker: the prefetched files are answered from its cache.
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await page.waitForSelector('.stop-list li')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    })
    await page.click(`[data-stop-id="${stop.id}"]`)
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    const prefetched = () =>
      page.evaluate(async () =>
        (await (await caches.open('route-next-stop')).keys()).map((r) => new URL(r.url).pathname),
      )
    const pack = '/routes-data/pearl-river-night/'
    const track = next.narration['zh-Hans']!
    await expect
      .poll(prefetched, { timeout: 30_000 })
      .toEqual([pack + next.model!.src, pack + track.audio[0]!, pack + track.captions])

    await context.setOffline(true)
    await page.click(`[data-stop-id="${next.id}"]`)
    await waitForScene(page, next.id)
    const scene = await pixelsOf(page, '.scene-host canvas', 'offline-10-next-stop-scene')
    expect(scene.differsFrom([0x06, 0x0a, 0x16], 40)).toBeGreaterThan(0.02)
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    const seek = page.locator('.player-seek')
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 15_000 }).toBeGreaterThan(1.5)
    await saveScreenshot(page, 'offline-10-next-stop-offline')
  })
})
