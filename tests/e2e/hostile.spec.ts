import { readFileSync } from 'node:fs'

import type { Browser, Page, Route as Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseVtt } from '@/lib/parse-vtt'

import {
  launchBrowser,
  openPhonePage,
  saveScreenshot,
  waitForMap,
  waitForScene,
  type PhonePage,
} from './browser'
import { XSS_PAYLOADS } from './xss-payloads'
import { ROUTE } from './route-data'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

const ROUTE_JSON = '**/routes-data/pearl-river-night/route.json'
const STOP = 'haizhu-bridge'
/** Both encodings of the stop's English narration. */
const TRACK = new RegExp(`/audio/${STOP}\\.en\\.(webm|mp3)$`)

/** The default route with every text field of the route, a stop, its credits and sources made hostile. */
function hostileRoute(): string {
  const route = structuredClone(ROUTE)
  const poison = (text: Record<string, string | undefined>, i: number) => {
    for (const lang of Object.keys(text)) text[lang] = `${XSS_PAYLOADS[i % XSS_PAYLOADS.length]} ${lang}-${i}`
  }
  poison(route.title, 0)
  route.stops.forEach((stop, i) => {
    poison(stop.title, i)
    poison(stop.summary, i + 1)
    poison(stop.story, i + 2)
    if (stop.model) poison(stop.model.alt, i + 3)
    for (const source of stop.sources) source.title = XSS_PAYLOADS[(i + 4) % XSS_PAYLOADS.length]!
  })
  route.credits.forEach((credit, i) => {
    poison(credit.title, i)
    credit.author = XSS_PAYLOADS[(i + 5) % XSS_PAYLOADS.length]!
  })
  return JSON.stringify(route)
}

/** Bytes that are no file format at all, as a broken download or a wrong file would be. */
const GARBAGE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))

const ROUTE_TEXT = readFileSync('routes-data/pearl-river-night/route.json', 'utf8')

/**
 * Closes a visit after checking that, whatever failed on the way, no request left the app's origin. (Failed
 * requests and console errors are what these tests provoke, so they are not checked here.)
 */
async function closeVisit(phone: PhonePage): Promise<void> {
  const origin = new URL(phone.baseUrl).origin
  try {
    expect(phone.requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([])
  } finally {
    await phone.context.close()
  }
}

/** Opens the tour with route.json answered by `body` instead of the real file. */
function openWithRouteFile(body: string | Buffer, path = '/?lang=en'): Promise<PhonePage> {
  return openPhonePage(browser, path, {
    prepare: (ctx) => ctx.route(ROUTE_JSON, (r) => r.fulfill({ status: 200, body })),
  })
}

async function routeProblems(page: Page): Promise<string> {
  await page.waitForSelector('.route-problems', { timeout: 30_000 })
  return page.locator('.route-problems').innerText()
}

async function injectedElements(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll(
        'body script, body style, iframe, svg[onload], img[onerror], details[ontoggle], a[href^="javascript:"]',
      ).length,
  )
}

describe('hostile input and failing networks', () => {
  it('shows authored markup as text and never runs it, in every text field', async () => {
    const dialogs: string[] = []
    const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) =>
        ctx.route(ROUTE_JSON, (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: hostileRoute() }),
        ),
    })
    const { page } = phone
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const index = ROUTE.stops.findIndex((s) => s.id === STOP)
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(`en-${index}`)
    expect(await page.locator('#stop-title').innerText()).toContain(XSS_PAYLOADS[index % XSS_PAYLOADS.length])
    expect(await page.locator('.story').innerText()).toContain(
      XSS_PAYLOADS[(index + 2) % XSS_PAYLOADS.length],
    )
    await page.locator('.sources summary').click()
    await page.getByRole('button', { name: 'Credits' }).click()
    await expect.poll(() => page.locator('.credits').innerText()).toContain(XSS_PAYLOADS[5])
    await waitForMap(page)
    await saveScreenshot(page, 'hostile-01-markup-as-text')
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(await injectedElements(page)).toBe(0)
    expect(dialogs).toEqual([])
    await closeVisit(phone)
  })

  it('refuses a route whose asset path leaves the pack, naming the place', async () => {
    const route = structuredClone(ROUTE)
    route.stops[4]!.model!.src = 'javascript:window.__xss=9'
    route.stops[3]!.narration.en!.audio[0] = '../../secret.mp3'
    route.stops[5]!.model!.src = '%2e%2e/%2e%2e/index.html'
    const phone = await openPhonePage(browser, '/?lang=en', {
      prepare: (ctx) =>
        ctx.route(ROUTE_JSON, (r) => r.fulfill({ status: 200, body: JSON.stringify(route, null, 2) })),
    })
    const { page } = phone
    await page.waitForSelector('.route-problems')
    const text = await page.locator('.route-problems').innerText()
    expect(text).toContain('/stops/4/model/src  asset path must be a path inside the route folder, not a URL')
    expect(text).toContain(
      '/stops/3/narration/en/audio/0  asset path must stay inside the route folder (no "..")',
    )
    expect(text).toContain(
      '/stops/5/model/src  asset path must stay inside the route folder (no "..", written plainly or percent-encoded such as "%2e%2e")',
    )
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    await closeVisit(phone)
  })

  it.each([
    ['no connection', (r: Request) => r.abort('internetdisconnected'), '没有网络连接', '请连接网络后重试'],
    [
      'a server error',
      (r: Request) => r.fulfill({ status: 503, body: 'busy' }),
      '网站无法发送这条路线',
      '503',
    ],
  ])(
    'tells %s apart from a broken route file, and offers to try again',
    async (_name, answer, title, detail) => {
      const phone = await openPhonePage(browser, '/', { prepare: (ctx) => ctx.route(ROUTE_JSON, answer) })
      const { page } = phone
      await page.waitForSelector('.route-problems')
      expect(await page.locator('.route-problems h1').innerText()).toBe(title)
      const text = await page.locator('.route-problems').innerText()
      expect(text).toContain(detail)
      expect(text).not.toContain('npm run validate')
      expect(await page.getByRole('button', { name: '重试' }).count()).toBe(1)
      await page.unrouteAll()
      await page.context().unrouteAll()
      await page.getByRole('button', { name: '重试' }).click()
      await page.waitForSelector('.stop-list li')
      await closeVisit(phone)
    },
  )

  it('lists the JSON error of a broken route file at its line and column', async () => {
    const phone = await openPhonePage(browser, '/', {
      prepare: (ctx) =>
        ctx.route(ROUTE_JSON, (r) =>
          r.fulfill({ status: 200, body: '{\n  "schemaVersion": 1,\n  "id": oops\n}' }),
        ),
    })
    const { page } = phone
    await page.waitForSelector('.route-problems')
    expect(await page.locator('.route-problems').innerText()).toContain(
      'routes-data/pearl-river-night/route.json:3:9  /  invalid JSON: this is not valid JSON (strings need double quotes)',
    )
    await saveScreenshot(page, 'hostile-02-broken-json')
    await closeVisit(phone)
  })

  it.each([
    [
      'https://evil.example/route.json',
      'routes from https://evil.example are not allowed here; this app offers: pearl-river-night',
    ],
    ['no-such-route', 'there is no route "no-such-route"; this app offers: pearl-river-night'],
  ])('refuses ?route=%s with a message and sends no request there', async (param, message) => {
    const phone = await openPhonePage(browser, `/?route=${encodeURIComponent(param)}`)
    await phone.page.waitForSelector('.route-problems')
    expect(await phone.page.locator('.route-problems').innerText()).toContain(message)
    expect(phone.requests.some((url) => new URL(url).hostname === 'evil.example')).toBe(false)
    // Nothing of the default route either: its route.json is preloaded only on pages that read it.
    expect(phone.requests.filter((url) => url.endsWith('/route.json'))).toEqual([])
    expect(await phone.page.locator('link[rel="preload"][href$="/route.json"]').count()).toBe(0)
    await phone.page.getByRole('link').click()
    await phone.page.waitForSelector('.stop-list li')
    expect(await phone.page.locator('link[rel="preload"][href$="/route.json"]').count()).toBe(1)
    await closeVisit(phone)
  })

  it.each([
    ['corrupt', (r: Request) => r.fulfill({ status: 200, body: GARBAGE })],
    ['missing', (r: Request) => r.fulfill({ status: 404, body: 'not found' })],
  ])('keeps the stop working when its model is %s', async (kind, answer) => {
    const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) => ctx.route(`**/models/${STOP}.glb`, answer),
    })
    const { page } = phone
    // The linked stop shows its poster until the visitor's first touch starts the 3D view and its model.
    await page.locator('#stop-title').click()
    await page.waitForSelector('.scene-status.error', { timeout: 30_000 })
    expect(await page.locator('.scene-status.error').innerText()).toBe(
      'The 3D model could not be loaded. The story and narration still work.',
    )
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await waitForMap(page)
    await page.getByRole('button', { name: /Next stop/ }).click()
    await waitForScene(page, ROUTE.stops[ROUTE.stops.findIndex((s) => s.id === STOP) + 1]!.id)
    await saveScreenshot(page, `hostile-03-${kind}-model-then-next`)
    await closeVisit(phone)
  })

  it.each([
    ['missing', (r: Request) => r.fulfill({ status: 404, body: 'not found' })],
    ['corrupt', (r: Request) => r.fulfill({ status: 200, contentType: 'audio/webm', body: GARBAGE })],
  ])(
    'explains a %s narration track after retrying, and keeps captions, story and 3D',
    async (kind, answer) => {
      const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
        prepare: (ctx) => ctx.route(/\/audio\/[^/]+\.(webm|mp3)$/, answer),
      })
      const { page } = phone
      // The visitor taps play (nothing of the track loads before a touch); three retries after up to 1, 2 and 4 s
      // come first.
      await page.click('.play-button')
      await page.waitForSelector('.player[data-status="error"]', { timeout: 30_000 })
      expect(await page.locator('.player .player-message.error').innerText()).toMatch(
        /^The narration could not be played: the recording (could not be loaded, or this device cannot play it|is damaged)\. The full text is below\. Try again$/,
      )
      // The WebM, then the MP3 three times.
      const tracks = phone.requests.filter((url) => TRACK.test(url))
      expect(tracks.length).toBeGreaterThanOrEqual(4)
      expect(await page.locator('.play-button').isDisabled()).toBe(true)
      // The captions still give the transcript.
      const cues = parseVtt(readFileSync(`routes-data/pearl-river-night/audio/${STOP}.en.vtt`, 'utf8'))
      await page.locator('.transcript summary').click()
      expect(await page.locator('.transcript li').count()).toBe(cues.length)
      await waitForScene(page, STOP)
      expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
      await page.locator('.player').scrollIntoViewIfNeeded()
      await saveScreenshot(page, `hostile-04-${kind}-narration`)
      await closeVisit(phone)
    },
  )

  it('plays the MP3 of a track whose WebM is damaged', async () => {
    const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) =>
        ctx.route(`**/audio/${STOP}.en.webm`, (r) =>
          r.fulfill({ status: 200, contentType: 'audio/webm', body: GARBAGE }),
        ),
    })
    const { page } = phone
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    expect(phone.requests.some((url) => url.endsWith(`/audio/${STOP}.en.mp3`))).toBe(true)
    await closeVisit(phone)
  })

  it('shows a slow narration load by the second, lets the visitor stop it and read on, and try again', async () => {
    let arrive = false
    const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      // Until `arrive`, the track's requests get no answer at all: a signal that has all but gone.
      prepare: (ctx) =>
        ctx.route(`**/audio/${STOP}.en.webm`, (r) => (arrive ? r.continue() : new Promise(() => {}))),
    })
    const { page } = phone
    const notice = page.locator('.player-loading[data-load="slow"]')
    const seconds = async () => Number(/(\d+) s/.exec(await notice.innerText())?.[1])
    await page.click('.play-button')
    await notice.waitFor({ timeout: 15_000 })
    expect(await notice.innerText()).toMatch(/^Loading the narration… \d+ s Stop loading$/)
    const first = await seconds()
    expect(first).toBeGreaterThanOrEqual(3)
    await expect.poll(seconds, { timeout: 5000 }).toBeGreaterThan(first)
    await page.locator('.player').scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'hostile-05-slow-narration')

    await page.getByRole('button', { name: 'Stop loading' }).click()
    const stopped = page.locator('.player [data-load="cancelled"]')
    expect(await stopped.innerText()).toBe('The narration is not loaded. The full text is below. Try again')
    expect(await page.locator('.player').getAttribute('data-status')).toBe('idle')
    expect(await page.locator('.play-button').isDisabled()).toBe(true)
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await page.locator('.player').scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'hostile-06-slow-narration-stopped')

    arrive = true
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    await closeVisit(phone)
  })

  it('retries a failing narration download after growing waits, and plays it once it comes', async () => {
    const asked: number[] = []
    const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: async (ctx) => {
        // Every text the loading notice shows, however briefly (a wait may last half a second).
        await ctx.addInitScript(() => {
          const seen: string[] = []
          ;(window as { __notices?: string[] }).__notices = seen
          new MutationObserver(() => {
            const text = document.querySelector('.player-loading')?.textContent
            if (text && text !== seen.at(-1)) seen.push(text)
          }).observe(document, { subtree: true, childList: true, characterData: true })
        })
        await ctx.route(TRACK, (r) => {
          asked.push(Date.now())
          return asked.length <= 2 ? r.fulfill({ status: 503, body: 'busy' }) : r.continue()
        })
      },
    })
    const { page } = phone
    // The visitor's tap on play starts the download, and the track plays once it comes.
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    const notices = await page.evaluate(() => (window as { __notices?: string[] }).__notices)
    expect(notices).toContain('The narration did not load. Trying again (attempt 2 of 4)… 1 s Stop loading')
    expect(notices).toContainEqual(
      expect.stringMatching(
        /^The narration did not load\. Trying again \(attempt 3 of 4\)… [12] s Stop loading$/,
      ),
    )
    // Waits of 1 s then 2 s, each shortened by up to half so that phones do not all come back at once.
    expect(asked[1]! - asked[0]!).toBeGreaterThanOrEqual(450)
    expect(asked[2]! - asked[1]!).toBeGreaterThanOrEqual(950)
    await closeVisit(phone)
  })

  it.each([
    ['binary garbage', (r: Request) => r.fulfill({ status: 200, contentType: 'text/vtt', body: GARBAGE })],
    ['missing', (r: Request) => r.fulfill({ status: 404, body: 'not found' })],
  ])('says so when the captions are %s, and the narration still plays', async (kind, answer) => {
    const phone = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) => ctx.route(`**/audio/${STOP}.en.vtt`, answer),
    })
    const { page } = phone
    await page.waitForSelector('.player .captions-failed', { timeout: 30_000 })
    expect(await page.locator('.player .captions-failed').innerText()).toBe(
      'The captions could not be loaded. The narration still plays; the full text is below.',
    )
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    await expect
      .poll(() => page.locator('.player-seek').inputValue().then(Number), { timeout: 15_000 })
      .toBeGreaterThan(0.5)
    expect(await page.locator('.transcript').count()).toBe(0)
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await page.locator('.player').scrollIntoViewIfNeeded()
    await saveScreenshot(page, `hostile-07-captions-${kind.replace(' ', '-')}`)
    await closeVisit(phone)
  })

  it.each([
    ['missing', (r: Request) => r.fulfill({ status: 404, body: 'not found' })],
    [
      'corrupt',
      (r: Request) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: GARBAGE }),
    ],
  ])('draws the rest of the map and says so when a map layer is %s', async (_kind, answer) => {
    const phone = await openPhonePage(browser, '/?lang=en', {
      prepare: (ctx) => ctx.route('**/basemap/bridges.geojson', answer),
    })
    const { page } = phone
    await waitForMap(page)
    await expect
      .poll(() => page.locator('.map-status').innerText())
      .toContain('Some map layers could not be loaded')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    await closeVisit(phone)
  })

  it.each([
    [
      '__proto__ and constructor keys',
      ROUTE_TEXT.replace(
        '"schemaVersion": 2,',
        '"schemaVersion": 2,\n  "__proto__": { "polluted": true },\n  "constructor": { "prototype": { "polluted": true } },',
      ),
      ['/__proto__  unknown key "__proto__"', '/constructor  unknown key "constructor"'],
    ],
    [
      'NaN',
      ROUTE_TEXT.replace('"zoom": 12.6', '"zoom": NaN'),
      ['invalid JSON: NaN is not a JSON number: write a finite number'],
    ],
    [
      '-Infinity',
      ROUTE_TEXT.replace('"zoom": 12.6', '"zoom": -Infinity'),
      ['invalid JSON: -Infinity is not a JSON number: write a finite number'],
    ],
    [
      'a duplicate key',
      ROUTE_TEXT.replace(
        '"id": "pearl-river-night",',
        '"id": "pearl-river-night",\n  "id": "another-route",',
      ),
      ['route.json:5:3  /id  duplicate key "id": only one may stay, remove the other'],
    ],
    [
      'nesting 100 levels deep',
      ROUTE_TEXT.replace(
        '"schemaVersion": 2,',
        `"schemaVersion": 2,\n  "deep": ${'['.repeat(100)}${']'.repeat(100)},`,
      ),
      ['values are nested more than 64 levels deep'],
    ],
    [
      'a course of 60,000 points',
      JSON.stringify({ ...ROUTE, course: Array.from({ length: 60_000 }, () => [113.3, 23.1]) }),
      ['/course  more than 50000 items: split the route'],
    ],
    [
      'a 6 MB story',
      JSON.stringify({ ...ROUTE, summary: { 'zh-Hans': 'x'.repeat(6_000_000) } }),
      ['more than the 5000000'],
    ],
  ])(
    'refuses a route file with %s, naming the place, and pollutes nothing',
    async (_label, body, messages) => {
      const phone = await openWithRouteFile(body)
      const text = await routeProblems(phone.page)
      for (const message of messages) expect(text).toContain(message)
      expect(await phone.page.evaluate(() => (({}) as { polluted?: boolean }).polluted)).toBeUndefined()
      await phone.page.getByRole('link').click()
      await closeVisit(phone)
    },
  )

  it('refuses absolute, URL, data: and backslashed ../ asset paths, each at its field', async () => {
    const route = structuredClone(ROUTE)
    route.stops[0]!.model!.src = '/models/x.glb'
    route.stops[1]!.model!.src = 'data:model/gltf-binary;base64,Z2xURg=='
    route.stops[4]!.model!.src = 'https://evil.example/x.glb'
    route.stops[3]!.model!.src = 'models\\..\\..\\x.glb'
    const phone = await openWithRouteFile(JSON.stringify(route, null, 2))
    const text = await routeProblems(phone.page)
    expect(text).toContain(
      '/stops/0/model/src  asset path must be relative to the route folder (no leading "/")',
    )
    expect(text).toContain('/stops/1/model/src  asset path must be a path inside the route folder, not a URL')
    expect(text).toContain('/stops/4/model/src  asset path must be a path inside the route folder, not a URL')
    expect(text).toContain('/stops/3/model/src  asset path must stay inside the route folder (no "..")')
    await closeVisit(phone)
  })

  it('gives up on a route file that does not arrive within 20 s, with a message', async () => {
    const phone = await openPhonePage(browser, '/?lang=en', {
      prepare: async (ctx) => {
        await ctx.clock.install()
        await ctx.route(ROUTE_JSON, () => new Promise(() => {}))
      },
    })
    const { page } = phone
    await expect.poll(() => phone.requests.some((url) => url.endsWith('/route.json'))).toBe(true)
    await page.clock.fastForward(19_000)
    expect(await page.locator('.route-problems').count()).toBe(0)
    await page.clock.fastForward(1_500)
    // Too slow, not broken: said as such, with the file and the limit.
    const text = await routeProblems(page)
    expect(await page.locator('.route-problems h1').innerText()).toBe('网络现在太慢')
    expect(text).toMatch(/route\.json: no answer within 20 s from http:\/\/[^ ]+\/route\.json/)
    expect(text).not.toContain('npm run validate')
    await closeVisit(phone)
  })

  it('runs under a Content-Security-Policy that forbids eval, and breaks none of its rules', async () => {
    const phone = await openPhonePage(browser, `/?stop=canton-tower&lang=en`, {
      prepare: (ctx) =>
        ctx.addInitScript(() => {
          const seen: string[] = []
          ;(window as { __csp?: string[] }).__csp = seen
          document.addEventListener('securitypolicyviolation', (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
          )
        }),
    })
    const { page } = phone
    expect(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("script-src 'self'")
    await waitForScene(page, 'canton-tower')
    await waitForMap(page)
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    await page.getByRole('button', { name: '中文' }).click()
    await page.locator('[data-stop-id="shamian"]').click()
    await waitForScene(page, 'shamian')
    expect(await page.evaluate(() => (window as { __csp?: string[] }).__csp)).toEqual([])
    // A string handed to setTimeout is compiled by the page itself (DevTools' own evaluation is exempt from
    // CSP), so this is what an injected script would meet.
    await page.evaluate(() => {
      setTimeout('window.__evalRan = true' as unknown as () => void, 0)
    })
    await expect
      .poll(() => page.evaluate(() => (window as { __csp?: string[] }).__csp))
      .toEqual([expect.stringMatching(/^script-src eval/) as string])
    expect(await page.evaluate(() => (window as { __evalRan?: boolean }).__evalRan)).toBeUndefined()
    await closeVisit(phone)
  })
})
