import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, openPhonePage, saveScreenshot, waitForMap, waitForScene } from './browser'
import { ROUTE } from './route-data'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

/** Markup and script that authored text might carry; each sets window.__xss if it ever runs. */
const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '"><iframe src="javascript:window.__xss = 4"></iframe>',
  '<a href="javascript:window.__xss = 5">tap</a>',
  "{{constructor.constructor('window.__xss = 6')()}}",
  '</textarea><style>*{display:none}</style><script>window.__xss = 7</script>',
  '<details open ontoggle="window.__xss = 8">',
]

const ROUTE_JSON = '**/routes-data/pearl-river-night/route.json'
const STOP = 'haizhu-bridge'

/** The default route with every text field of the route, a stop, its credits and sources made hostile. */
function hostileRoute(): string {
  const route = structuredClone(ROUTE)
  const poison = (text: Record<string, string | undefined>, i: number) => {
    for (const lang of Object.keys(text)) text[lang] = `${PAYLOADS[i % PAYLOADS.length]} ${lang}-${i}`
  }
  poison(route.title, 0)
  route.stops.forEach((stop, i) => {
    poison(stop.title, i)
    poison(stop.summary, i + 1)
    poison(stop.story, i + 2)
    poison(stop.model.alt, i + 3)
    for (const source of stop.sources) source.title = PAYLOADS[(i + 4) % PAYLOADS.length]!
  })
  route.credits.forEach((credit, i) => {
    poison(credit.title, i)
    credit.author = PAYLOADS[(i + 5) % PAYLOADS.length]!
  })
  return JSON.stringify(route)
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
    const { page, context } = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) =>
        ctx.route(ROUTE_JSON, (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: hostileRoute() }),
        ),
    })
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const index = ROUTE.stops.findIndex((s) => s.id === STOP)
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(`en-${index}`)
    expect(await page.locator('#stop-title').innerText()).toContain(PAYLOADS[index % PAYLOADS.length])
    expect(await page.locator('.story').innerText()).toContain(PAYLOADS[(index + 2) % PAYLOADS.length])
    await page.locator('.sources summary').click()
    await page.getByRole('button', { name: 'Credits' }).click()
    await expect.poll(() => page.locator('.credits').innerText()).toContain(PAYLOADS[5])
    await waitForMap(page)
    await saveScreenshot(page, 'hostile-01-markup-as-text')
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(await injectedElements(page)).toBe(0)
    expect(dialogs).toEqual([])
    await context.close()
  })

  it('refuses a route whose asset path leaves the pack, naming the place', async () => {
    const route = structuredClone(ROUTE)
    route.stops[2]!.model.src = 'javascript:window.__xss=9'
    route.stops[3]!.narration.en!.audio[0] = '../../secret.mp3'
    const { page, context } = await openPhonePage(browser, '/?lang=en', {
      prepare: (ctx) =>
        ctx.route(ROUTE_JSON, (r) => r.fulfill({ status: 200, body: JSON.stringify(route, null, 2) })),
    })
    await page.waitForSelector('.route-problems')
    const text = await page.locator('.route-problems').innerText()
    expect(text).toContain('/stops/2/model/src  asset path must be a path inside the route folder, not a URL')
    expect(text).toContain(
      '/stops/3/narration/en/audio/0  asset path must stay inside the route folder (no "..")',
    )
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    await context.close()
  })

  it('lists the JSON error of a broken route file at its line and column', async () => {
    const { page, context } = await openPhonePage(browser, '/', {
      prepare: (ctx) =>
        ctx.route(ROUTE_JSON, (r) =>
          r.fulfill({ status: 200, body: '{\n  "schemaVersion": 1,\n  "id": oops\n}' }),
        ),
    })
    await page.waitForSelector('.route-problems')
    expect(await page.locator('.route-problems').innerText()).toContain(
      'routes-data/pearl-river-night/route.json:3:9  /  invalid JSON: this is not valid JSON (strings need double quotes)',
    )
    await saveScreenshot(page, 'hostile-02-broken-json')
    await context.close()
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
    await phone.page.getByRole('link').click()
    await phone.page.waitForSelector('.stop-list li')
    await phone.context.close()
  })

  it('keeps the stop working when its model is corrupt', async () => {
    const { page, context } = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) =>
        ctx.route(`**/models/${STOP}.glb`, (r) =>
          r.fulfill({ status: 200, body: Buffer.from('glTF garbage bytes') }),
        ),
    })
    await page.waitForSelector('.scene-status.error')
    expect(await page.locator('.scene-status.error').innerText()).toBe(
      'The 3D model could not be loaded. The story and narration still work.',
    )
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await waitForMap(page)
    await page.getByRole('button', { name: /Next stop/ }).click()
    await waitForScene(page, ROUTE.stops[ROUTE.stops.findIndex((s) => s.id === STOP) + 1]!.id)
    await saveScreenshot(page, 'hostile-03-corrupt-model-then-next')
    await context.close()
  })

  it('explains a missing narration track and keeps captions, story and 3D', async () => {
    const { page, context } = await openPhonePage(browser, `/?stop=${STOP}&lang=en`, {
      prepare: (ctx) =>
        ctx.route(/\/audio\/[^/]+\.(webm|mp3)$/, (r) => r.fulfill({ status: 404, body: 'not found' })),
    })
    await page.waitForSelector('.player[data-status="error"]', { timeout: 30_000 })
    expect(await page.locator('.player').innerText()).toContain('The narration could not be played')
    await waitForScene(page, STOP)
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await context.close()
  })

  it('draws the rest of the map and says so when a map layer is missing', async () => {
    const { page, context } = await openPhonePage(browser, '/?lang=en', {
      prepare: (ctx) =>
        ctx.route('**/basemap/bridges.geojson', (r) => r.fulfill({ status: 404, body: 'not found' })),
    })
    await waitForMap(page)
    await expect
      .poll(() => page.locator('.map-status').innerText())
      .toContain('Some map layers could not be loaded')
    expect(await page.locator('.stop-list li').count()).toBe(ROUTE.stops.length)
    await context.close()
  })

  it('runs under a Content-Security-Policy that forbids eval, and breaks none of its rules', async () => {
    const { page, context } = await openPhonePage(browser, `/?stop=canton-tower&lang=en`, {
      prepare: (ctx) =>
        ctx.addInitScript(() => {
          const seen: string[] = []
          ;(window as { __csp?: string[] }).__csp = seen
          document.addEventListener('securitypolicyviolation', (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
          )
        }),
    })
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
    await context.close()
  })
})
