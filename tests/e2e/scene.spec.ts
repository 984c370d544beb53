import { readFileSync } from 'node:fs'

import type { PNG } from 'pngjs'
import sharp from 'sharp'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Route } from '@/route/schema'
import type { SceneStats } from '@/scene/gpu-stats'

import {
  closeCleanVisit,
  launchBrowser,
  openPhonePage,
  pixelsOf,
  saveScreenshot,
  SCREENSHOTS,
  touchStop,
  waitForScene,
  type PhonePage,
} from './browser'
import { FIXTURE_ANCHOR } from '../fixtures/build-fixtures'
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

/** The stops with a 3D view, in route order: interludes have none. */
const SITES = ROUTE.stops.filter((s) => s.model)
const ORDER = SITES.map((s) => s.id)
/** Presses Next (or Previous) until a site is open: the interludes between sites have no 3D view. */
async function stepToSite(page: Page, from: string, direction: 1 | -1): Promise<void> {
  let i = ROUTE.stops.findIndex((s) => s.id === from)
  do {
    await page.getByRole('button', { name: direction === 1 ? /下一站/ : /上一站/ }).click()
    i += direction
  } while (!ROUTE.stops[i]!.model)
}
const CANVAS = '.scene-host canvas'
/** The element carrying the canvas's data attributes (R3F puts them on the canvas's wrapper). */
const SCENE = '.scene-canvas'
/** A lit LED or window: clearly coloured, unlike the grey texts over the canvas. */
const coloured = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) > 60
/** A lit pixel: a landmark's walls and lights, not the night sky and water around them. */
const lit = (r: number, g: number, b: number) => Math.max(r, g, b) > 110
/**
 * Canton Tower's magenta and blue LEDs: blue well above green. Nothing else in its scene has that colour (the
 * lamps on the bank and the lit windows are warm, the sky a dull blue-grey).
 */
const towerLed = (r: number, g: number, b: number) => b - g > 60

const ROUTE_JSON = '**/routes-data/pearl-river-night/route.json'
/** A curator's own model: Draco geometry and a WebP texture of bright green and white (tests/fixtures). */
const CURATOR_GLB = 'tests/fixtures/curator-draco-webp.glb'
const fixtureGreen = (r: number, g: number, b: number) => g - r > 90 && g - b > 50

/** The default route with one stop's model replaced, served in place of the route file. */
async function serveRouteWithModel(
  context: BrowserContext,
  stopId: string,
  model: Partial<NonNullable<Route['stops'][number]['model']>>,
  file?: { path: string; body: Buffer },
): Promise<void> {
  const route = structuredClone(ROUTE)
  const stop = route.stops.find((s) => s.id === stopId)!
  stop.model = { ...stop.model!, ...model }
  await context.route(ROUTE_JSON, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(route) }),
  )
  if (file)
    await context.route(`**/routes-data/pearl-river-night/${file.path}`, (r) =>
      r.fulfill({ status: 200, contentType: 'model/gltf-binary', body: file.body }),
    )
}

/** The JSON chunk of a GLB. */
function glbJson(glb: Buffer): { extensionsRequired?: string[]; images?: { mimeType?: string }[] } {
  return JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8')) as ReturnType<
    typeof glbJson
  >
}

/** How many pixels of each row of a screenshot pass a test, top to bottom. */
function rowCounts(png: PNG, test: (r: number, g: number, b: number) => boolean): number[] {
  const rows: number[] = []
  for (let y = 0; y < png.height; y++) {
    let n = 0
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      if (test(png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0)) n++
    }
    rows.push(n)
  }
  return rows
}

/** Makes every animation frame take at least `ms`, as on a phone that cannot keep up; returns the stop. */
async function slowFrames(page: Page, ms: number): Promise<() => Promise<void>> {
  await page.evaluate((ms) => {
    const state = { on: true }
    Object.assign(window, { __slow: state })
    const burn = () => {
      const start = performance.now()
      while (performance.now() - start < ms);
      if (state.on) requestAnimationFrame(burn)
    }
    requestAnimationFrame(burn)
  }, ms)
  return () =>
    page.evaluate(() => {
      ;(window as unknown as { __slow: { on: boolean } }).__slow.on = false
    })
}

/** Records every WebGL context the page creates, with its canvas, before any app code runs. */
function recordWebglContexts() {
  const created: { canvas: HTMLCanvasElement; type: string }[] = []
  ;(window as unknown as { __webglContexts: typeof created }).__webglContexts = created
  // Called below with the canvas as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = HTMLCanvasElement.prototype.getContext
  HTMLCanvasElement.prototype.getContext = function (
    this: HTMLCanvasElement,
    type: string,
    ...rest: unknown[]
  ) {
    const context = (original as (...args: unknown[]) => unknown).call(this, type, ...rest)
    if (context && type.startsWith('webgl') && !created.some((c) => c.canvas === this && c.type === type)) {
      created.push({ canvas: this, type })
    }
    return context
  } as typeof original
}

type Figures = Pick<SceneStats, 'geometries' | 'textures' | 'programs' | 'calls' | 'triangles'>

async function figures(page: Page): Promise<Figures> {
  return page.evaluate(() => {
    const s = window.__sceneStats
    if (!s) throw new Error('no window.__sceneStats: the 3D view is not mounted')
    return {
      geometries: s.geometries,
      textures: s.textures,
      programs: s.programs,
      calls: s.calls,
      triangles: s.triangles,
    }
  })
}

/** Share of pixels that differ clearly between two screenshots of the same element. */
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

/** Hides the hotspot badges for a screenshot that is compared with a poster (`npm run posters` leaves them out). */
const WITHOUT_BADGES = '.hotspot { visibility: hidden !important; }'

/** Mean brightness of each cell of a 24×18 grid over a picture: its layout and lights, not its exact pixels. */
async function brightnessGrid(image: Buffer | string): Promise<number[]> {
  const raw = await sharp(image).resize(24, 18, { fit: 'fill' }).greyscale().raw().toBuffer()
  return [...raw]
}

/** The mean difference (0–255) between two brightness grids. */
function gridDistance(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0) / a.length
}

describe('a stop opened from a link', () => {
  it('shows its poster at once, starts the 3D view on the first touch, and the 3D view matches the poster', async () => {
    const stopId = 'customs-house'
    phone = await openPhonePage(browser, `/?stop=${stopId}`)
    const { page } = phone
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img.scene-poster')?.complete)
    // The picture of the landmark stands in the 3D view's place, without three.js or the model. (Lit pixels, not
    // coloured ones: the Customs House is modelled in its pale granite now.)
    const poster = await pixelsOf(page, '.scene-host', 'scene-00-linked-stop-poster')
    expect(poster.count(lit)).toBeGreaterThan(5000)
    await page.waitForTimeout(3000)
    const asked = () => phone!.requests.filter((url) => /scene-canvas|\.glb$/.test(url))
    expect(asked()).toEqual([])
    expect(await page.locator(SCENE).count()).toBe(0)

    await page.locator('#stop-title').click()
    await waitForScene(page, stopId)
    await page.waitForSelector(`${SCENE}[data-view="overview"]`)
    expect(asked().length).toBeGreaterThan(0)
    await expect.poll(() => page.locator('.scene-poster').count()).toBe(0)
    // The hotspot badges come with the 3D view: the poster, a still picture, leaves them out.
    const live = await page
      .locator('.scene-host')
      .screenshot({ path: 'tests/screenshots/scene-01-linked-stop-3d.png', style: WITHOUT_BADGES })

    // The 3D view's first frame looks like its own poster, and like no other stop's: a stale poster fails here
    // (run `npm run posters` after changing a model or the scene).
    const liveGrid = await brightnessGrid(live)
    const distances = await Promise.all(
      SITES.map(async (stop) => ({
        id: stop.id,
        distance: gridDistance(
          liveGrid,
          await brightnessGrid(`routes-data/pearl-river-night/${stop.model!.poster!}`),
        ),
      })),
    )
    const own = distances.find((d) => d.id === stopId)!.distance
    const others = distances.filter((d) => d.id !== stopId).map((d) => d.distance)
    expect(own).toBeLessThan(8)
    expect(Math.min(...others)).toBeGreaterThan(own * 3)
  })

  it('keeps the poster under a message when the 3D view cannot start, and the stop still works', async () => {
    const stopId = 'customs-house'
    // The 3D view's code never arrives (a signal lost at the wrong moment, a blocked download).
    phone = await openPhonePage(browser, `/?stop=${stopId}&lang=en`, {
      prepare: (ctx) => ctx.route(/\/assets\/scene-canvas-[^/]+\.js$/, (r) => r.abort()),
    })
    const { page } = phone
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img.scene-poster')?.complete)
    await touchStop(page)
    const failed = page.locator('.scene-host > .scene-status.error')
    await failed.waitFor({ timeout: 30_000 })
    expect(await failed.innerText()).toBe('This part of the page failed (3D). The rest still works.')
    // The picture of the landmark stays: the best view left, with the message over it.
    expect(await page.locator('img.scene-poster').isVisible()).toBe(true)
    const host = await pixelsOf(page, '.scene-host', 'scene-02-linked-stop-3d-failed')
    expect(host.count(coloured)).toBeGreaterThan(2000)
    // The story and its narration go on.
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    // The aborted chunk is the one expected failure of this visit.
    expect(phone.failedRequests.every((r) => /scene-canvas/.test(r))).toBe(true)
    phone.failedRequests = []
    phone.consoleErrors = []
  })

  it("draws every stop's 3D view like its own poster and no other stop's", async () => {
    phone = await openPhonePage(browser, `/?stop=${ORDER[0]}`, { reducedMotion: 'reduce' })
    const { page } = phone
    const posters = await Promise.all(
      SITES.map(async (stop) => ({
        id: stop.id,
        grid: await brightnessGrid(`routes-data/pearl-river-night/${stop.model!.poster!}`),
      })),
    )
    const report: string[] = []
    for (const [i, stopId] of ORDER.entries()) {
      if (i > 0) await stepToSite(page, ORDER[i - 1]!, 1)
      await waitForScene(page, stopId)
      await page.waitForSelector(`${SCENE}[data-ready-stop="${stopId}"][data-view="overview"]`)
      const live = await brightnessGrid(
        await page.locator('.scene-host').screenshot({ style: WITHOUT_BADGES }),
      )
      const distances = posters.map((p) => ({ id: p.id, distance: gridDistance(live, p.grid) }))
      const own = distances.find((d) => d.id === stopId)!.distance
      const nearestOther = Math.min(...distances.filter((d) => d.id !== stopId).map((d) => d.distance))
      report.push(`${stopId} ${own.toFixed(1)} / ${nearestOther.toFixed(1)}`)
      // Measured: own 2.4–5.1, nearest other 11.3–31.0 (the hotspot badges hidden in both).
      expect({ stopId, stale: own >= 6 }).toEqual({ stopId, stale: false })
      expect(nearestOther).toBeGreaterThan(own * 1.5)
    }
    console.log('poster distance, own / nearest other:', report.join('; '))
  })

  it('starts the 3D view when a keyboard user first presses a key', async () => {
    phone = await openPhonePage(browser, '/?stop=shamian')
    const { page } = phone
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img.scene-poster')?.complete)
    expect(await page.locator(SCENE).count()).toBe(0)
    await page.keyboard.press('Tab')
    await page.waitForSelector(`${SCENE}[data-ready-stop="shamian"]`, { timeout: 60_000 })
    await expect.poll(() => page.locator('.scene-poster').count()).toBe(0)
  })

  it('has a poster for every stop of the default route, each a 4:3 WebP under 200 KB', async () => {
    for (const stop of SITES) {
      const file = `routes-data/pearl-river-night/${stop.model!.poster ?? `(no poster for ${stop.id})`}`
      const { format, width, height, size } = await sharp(file).metadata()
      expect({ stop: stop.id, format }).toEqual({ stop: stop.id, format: 'webp' })
      expect(Math.abs(width / height - 4 / 3)).toBeLessThan(0.02)
      expect(size ?? readFileSync(file).length).toBeLessThan(200_000)
    }
  })

  it('starts the 3D view at once for a stop the visitor taps', async () => {
    phone = await openPhonePage(browser, '/')
    const { page } = phone
    await page.locator('[data-stop-id="shamian"]').first().click()
    await page.waitForSelector('#stop-title')
    expect(await page.locator('.scene-poster').count()).toBe(0)
    await waitForScene(page, 'shamian')
  })
})

describe('the 3D view', () => {
  it('goes round the route, back and forth, without leaking GPU resources, in one WebGL2 context', async () => {
    phone = await openPhonePage(browser, `/?stop=${ORDER[0]}`, {
      prepare: (context) => context.addInitScript(recordWebglContexts),
    })
    const { page } = phone
    let at = 0
    let changes = 0
    const go = async (how: 'next' | 'prev' | number) => {
      if (how === 'next') {
        await stepToSite(page, ORDER[at]!, 1)
        at++
      } else if (how === 'prev') {
        await stepToSite(page, ORDER[at]!, -1)
        at--
      } else {
        await page.click(`.stop-list [data-stop-id="${ORDER[how]}"]`)
        at = how
      }
      changes++
      await waitForScene(page, ORDER[at]!)
    }
    /** All stops by Next, then back to the first from the list: one full cycle. */
    const cycle = async (each?: () => Promise<void>) => {
      for (let i = 1; i < ORDER.length; i++) {
        await go('next')
        await each?.()
      }
      await go(0)
    }

    await waitForScene(page, ORDER[0]!)
    const first = await figures(page)
    // Per-stop figures of the whole frame (model, its reflection, bank, water and sky), for the lead's report
    // and `npm run bench`.
    const perStop = [`${ORDER[0]} ${JSON.stringify(first)}`]
    const firstShot = await pixelsOf(page, CANVAS, `scene-stop-${ORDER[0]}`)
    await cycle(async () => {
      perStop.push(`${ORDER[at]} ${JSON.stringify(await figures(page))}`)
      // Every stop's scene at night, for people to look at.
      await pixelsOf(page, CANVAS, `scene-stop-${ORDER[at]}`)
    })
    console.info(perStop.join('\n'))
    const baseline = await figures(page)
    // One more cycle, then forwards, backwards and by the list: the long soak (hundreds of changes) is
    // `npm run bench`'s kiosk soak.
    changes = 0
    await cycle()
    for (let i = 0; i < 4; i++) await go('next')
    for (let i = 0; i < 3; i++) await go('prev')
    await go(7)
    await go(0)
    expect(changes).toBe(ORDER.length + 9)
    const after = await figures(page)
    await saveScreenshot(page, 'scene-01-after-changes')
    console.info(
      `GPU figures at ${ORDER[0]}: first open ${JSON.stringify(first)}, after one cycle ${JSON.stringify(baseline)}, after ${changes} more changes ${JSON.stringify(after)}`,
    )

    expect(baseline.geometries).toBeGreaterThan(0)
    expect(baseline.programs).toBeGreaterThan(0)
    expect({ geometries: after.geometries, textures: after.textures, programs: after.programs }).toEqual({
      geometries: baseline.geometries,
      textures: baseline.textures,
      programs: baseline.programs,
    })
    const gl = await page.evaluate(() => {
      const created = (
        window as unknown as { __webglContexts: { canvas: HTMLCanvasElement; type: string }[] }
      ).__webglContexts
      return {
        sceneCanvases: document.querySelectorAll('.scene-host canvas').length,
        sceneContexts: created.filter((c) => c.canvas.closest('.scene-host')).map((c) => c.type),
        webgl2: window.__sceneStats?.webgl2,
      }
    })
    expect(gl).toEqual({ sceneCanvases: 1, sceneContexts: ['webgl2'], webgl2: true })
    // The first stop looks as it did when first opened: its landmark, reflection and bank all drawn.
    const scene = await pixelsOf(page, CANVAS, 'scene-01-after-changes-canvas')
    expect(firstShot.count(coloured)).toBeGreaterThan(300)
    expect(changedShare(firstShot.png, scene.png)).toBeLessThan(0.03)
  }, 600_000)

  it('comes back by itself after the WebGL context is lost, without a reload', async () => {
    phone = await openPhonePage(browser, '/?stop=canton-tower')
    const { page } = phone
    await waitForScene(page, 'canton-tower')
    const before = await pixelsOf(page, CANVAS, 'scene-02-before-context-loss')
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.scene-host canvas')!
      const ext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!
      Object.assign(window, { __loseContext: ext, __samePage: true })
      ext.loseContext()
    })
    await expect.poll(() => page.evaluate(() => window.__sceneStats?.contextLost)).toBe(true)
    await expect.poll(() => page.locator('.scene-status').innerText()).toBe('三维视图中断了，正在恢复…')
    expect(await page.locator('[data-ready-stop="canton-tower"]').count()).toBe(0)
    // The tower's coloured lights are gone (the grey hint and status texts overlay the canvas and stay).
    const lost = await pixelsOf(page, CANVAS, 'scene-03-context-lost')
    expect(before.count(towerLed)).toBeGreaterThan(300)
    expect(lost.count(coloured)).toBeLessThan(10)

    await page.evaluate(() =>
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext(),
    )
    await waitForScene(page, 'canton-tower')
    const after = await pixelsOf(page, CANVAS, 'scene-04-context-restored')
    expect(after.count(towerLed)).toBeGreaterThan(300)
    // The same picture as before the loss: same view, same lights (the DOM hotspot markers over the canvas
    // may land a pixel apart when laid out again).
    expect(changedShare(before.png, after.png)).toBeLessThan(0.03)
    expect(Math.abs(after.count(coloured) - before.count(coloured)) / before.count(coloured)).toBeLessThan(
      0.1,
    )
    expect(await page.locator('.scene-status').count()).toBe(0)
    const state = await page.evaluate(() => ({
      samePage: (window as unknown as { __samePage?: boolean }).__samePage,
      lost: window.__sceneStats?.contextLost,
      canvases: document.querySelectorAll('.scene-host canvas').length,
    }))
    expect(state).toEqual({ samePage: true, lost: false, canvases: 1 })
  })

  it('moves the camera to a named view and shows a hotspot’s text, from the list and from the 3D marker', async () => {
    const stop = ROUTE.stops.find((s) => (s.views?.length ?? 0) >= 2 && (s.hotspots?.length ?? 0) >= 2)
    expect(stop, 'a stop with views and hotspots in the default route').toBeDefined()
    const [view] = stop!.views!
    const [spot1, spot2] = stop!.hotspots!
    phone = await openPhonePage(browser, `/?stop=${stop!.id}&lang=en`)
    const { page } = phone
    await waitForScene(page, stop!.id)
    await page.waitForSelector('[data-view="overview"]')
    const overview = await pixelsOf(page, CANVAS, `scene-05-${stop!.id}-overview`)

    const button = page.getByRole('button', { name: view!.label.en!, exact: true })
    const frames = await page.evaluate(() => window.__sceneStats!.frames)
    await button.click()
    await page.waitForSelector(`[data-view="${view!.id}"]`, { timeout: 30_000 })
    // A smooth flight: many frames, not a cut.
    const flightFrames = (await page.evaluate(() => window.__sceneStats!.frames)) - frames
    console.info(`flight to ${view!.id}: ${flightFrames} frames`)
    expect(flightFrames).toBeGreaterThan(12)
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    const moved = await pixelsOf(page, CANVAS, `scene-06-${stop!.id}-${view!.id}`)
    expect(changedShare(overview.png, moved.png)).toBeGreaterThan(0.05)

    await page.getByRole('button', { name: 'Overview', exact: true }).click()
    await page.waitForSelector('[data-view="overview"]', { timeout: 30_000 })

    await page.locator(`.hotspot-list [data-hotspot-id="${spot1!.id}"]`).click()
    await expect.poll(() => page.locator('.hotspot-text').innerText()).toContain(spot1!.text.en!)
    await saveScreenshot(page, `scene-07-${stop!.id}-hotspot`)
    await page.locator(`[data-hotspot-marker="${spot2!.id}"]`).click()
    await expect.poll(() => page.locator('.hotspot-text').innerText()).toContain(spot2!.text.en!)
    expect(
      await page.locator(`.hotspot-list [data-hotspot-id="${spot2!.id}"]`).getAttribute('aria-pressed'),
    ).toBe('true')
  })

  it('keeps the river bank’s colours when the 3D view re-renders (a hotspot chosen)', async () => {
    const stop = ROUTE.stops.find((s) => (s.hotspots?.length ?? 0) >= 1)!
    phone = await openPhonePage(browser, `/?stop=${stop.id}&lang=en`)
    const { page } = phone
    await waitForScene(page, stop.id)
    await page.waitForSelector('[data-view="overview"]')
    // Choosing a hotspot re-renders the canvas's components (the bank among them); the camera stays.
    await page.locator(`.hotspot-list [data-hotspot-id="${stop.hotspots![0]!.id}"]`).click()
    await expect.poll(() => page.locator('.hotspot-text').innerText()).toContain(stop.hotspots![0]!.text.en!)
    await page.waitForTimeout(500)
    const { png } = await pixelsOf(page, CANVAS, `scene-bank-${stop.id}`)
    // The promenade runs out of the picture at its sides, below the landmark; the landmark's reflection in the
    // middle is not counted. Black blocks there (the bug) count nothing.
    let granite = 0
    for (let y = Math.floor(png.height / 2); y < png.height; y++)
      for (const x of Array.from({ length: Math.floor(png.width / 5) }, (_, i) => [
        i,
        png.width - 1 - i,
      ]).flat()) {
        const i = (y * png.width + x) * 4
        const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]
        if (r >= g && g >= b && r - b >= 4 && r - b <= 25 && r > 90 && r < 180) granite++
      }
    console.info(`granite pixels at the sides of the lower half: ${granite}`)
    expect(granite).toBeGreaterThan(200)
  })

  it('cuts to a named view at once when the visitor asks for reduced motion', async () => {
    const stop = ROUTE.stops.find((s) => (s.views?.length ?? 0) >= 2)!
    const view = stop.views![1]!
    phone = await openPhonePage(browser, `/?stop=${stop.id}`, { reducedMotion: 'reduce' })
    const { page } = phone
    await waitForScene(page, stop.id)
    await page.waitForSelector('[data-view="overview"]')
    const frames = await page.evaluate(() => window.__sceneStats!.frames)
    await page.getByRole('button', { name: view.label['zh-Hans']!, exact: true }).click()
    await page.waitForSelector(`[data-view="${view.id}"]`)
    // A cut is one new frame, plus the few of the drop to half resolution and back that any camera change
    // brings (AdaptiveDpr); a flight draws a frame for every step (the test above sees more than 12).
    const cutFrames = (await page.evaluate(() => window.__sceneStats!.frames)) - frames
    console.info(`cut to ${view.id}: ${cutFrames} frames`)
    expect(cutFrames).toBeLessThanOrEqual(6)
  })

  it('animates the landmark’s lights while the light show is on, and renders on demand again when off', async () => {
    phone = await openPhonePage(browser, '/?stop=canton-tower')
    const { page } = phone
    await waitForScene(page, 'canton-tower')
    // At the waist the river is out of sight: the show may measure this machine slow and lower the quality
    // (the reflection's resolution), which is not what the comparison below is about.
    const waist = stopById('canton-tower').views!.find((v) => v.id === 'waist')!
    await page.getByRole('button', { name: waist.label['zh-Hans']!, exact: true }).click()
    await page.waitForSelector('[data-view="waist"]', { timeout: 30_000 })
    const frames = () => page.evaluate(() => window.__sceneStats!.frames)
    const still = await pixelsOf(page, CANVAS, 'scene-08-light-show-off')
    const idle = await frames()
    await page.waitForTimeout(500)
    expect(await frames()).toBe(idle)

    const toggle = page.getByRole('button', { name: '灯光秀' })
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await expect.poll(frames, { timeout: 30_000 }).toBeGreaterThan(idle + 30)
    const show = await pixelsOf(page, CANVAS, 'scene-09-light-show-on')
    expect(changedShare(still.png, show.png)).toBeGreaterThan(0.002)

    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await page.waitForTimeout(300)
    const stopped = await frames()
    await page.waitForTimeout(1000)
    expect(await frames()).toBeLessThanOrEqual(stopped + 1)
    // The lights are back as authored. Compared as a coarse grid of brightness, against how far the show moved
    // it: a lower quality the show measured this machine for, or the canvas's resolution while the camera
    // settled, moves single pixels, not the lights.
    await pixelsOf(page, CANVAS, 'scene-10-light-show-off-again')
    const [off, on, again] = await Promise.all(
      ['scene-08-light-show-off', 'scene-09-light-show-on', 'scene-10-light-show-off-again'].map((name) =>
        brightnessGrid(`${SCREENSHOTS}/${name}.png`),
      ),
    )
    console.info(
      `light show: grid distance off → on ${gridDistance(off!, on!).toFixed(2)}, off → off again ${gridDistance(off!, again!).toFixed(2)}`,
    )
    expect(gridDistance(off!, again!)).toBeLessThan(gridDistance(off!, on!) / 3)
  })

  it('offers the light show only on a landmark whose route declares a lighting programme', async () => {
    const plain = ROUTE.stops.find((s) => s.model && !s.model.lightShow)!
    phone = await openPhonePage(browser, `/?stop=${plain.id}`)
    const { page } = phone
    await waitForScene(page, plain.id)
    // The bar under the view is there (empty when the stop has no light show and no views).
    await page.waitForSelector('.scene-bar', { state: 'attached' })
    expect(await page.getByRole('button', { name: '灯光秀' }).count()).toBe(0)
    const lit = ROUTE.stops.find((s) => s.model?.lightShow)!
    await page.locator(`[data-stop-id="${lit.id}"]`).click()
    await waitForScene(page, lit.id)
    expect(await page.getByRole('button', { name: '灯光秀' }).count()).toBe(1)
  })

  it('reflects the lit landmark in the river, and drops the reflection when the device cannot keep up', async () => {
    phone = await openPhonePage(browser, '/?stop=canton-tower')
    const { page } = phone
    await waitForScene(page, 'canton-tower')
    expect(await page.getAttribute(SCENE, 'data-quality')).toBe('high')
    // The pixels counted are the 3D drawing's: the hotspot markers laid over it are HTML, not the tower.
    await page.addStyleTag({ content: '.hotspot { visibility: hidden; }' })
    const mirrored = await pixelsOf(page, CANVAS, 'scene-11-reflection')

    // A phone that cannot keep up: every frame takes 70 ms while the light show makes the canvas draw
    // continuously, which is when the PerformanceMonitor measures.
    const stopSlowing = await slowFrames(page, 70)
    const toggle = page.getByRole('button', { name: '灯光秀' })
    await toggle.click()
    await page.waitForSelector(`${SCENE}[data-quality="low"]`, { timeout: 60_000 })
    await stopSlowing()
    await toggle.click()
    const frames = () => page.evaluate(() => window.__sceneStats!.frames)
    await page.waitForTimeout(300)
    const idle = await frames()
    await page.waitForTimeout(1000)
    // Still drawn on demand, with the plain river.
    expect(await frames()).toBeLessThanOrEqual(idle + 1)
    const plain = await pixelsOf(page, CANVAS, 'scene-12-no-reflection')

    // Without the reflection, the tower's LEDs end at its foot; with it, they go on below, in the water.
    const sum = (rows: number[]) => rows.reduce((a, b) => a + b, 0)
    const plainRows = rowCounts(plain.png, towerLed)
    const mirroredRows = rowCounts(mirrored.png, towerLed)
    const foot = plainRows.findLastIndex((n) => n > 0)
    const tower = sum(plainRows.slice(0, foot - 4))
    const reflection = sum(mirroredRows.slice(foot + 3))
    console.info(
      `tower LED pixels: ${tower} above its foot (row ${foot}), ${reflection} below it in the water`,
    )
    // The tower is found (55–60 LED pixels above the water in the phone layout's 3D view, with the markers hidden).
    expect(tower).toBeGreaterThan(40)
    expect(reflection).toBeGreaterThan(300)
    expect(sum(plainRows.slice(foot + 3))).toBe(0)
    // Above the water the tower is the same, with or without its reflection.
    // (10 %, or a few pixels where the tower is drawn small.)
    expect(Math.abs(sum(mirroredRows.slice(0, foot - 4)) - tower)).toBeLessThanOrEqual(
      Math.max(0.1 * tower, 8),
    )
  })

  it('draws a curator’s own Draco and WebP model, with the decoder from the app’s own origin', async () => {
    const glb = readFileSync(CURATOR_GLB)
    const gltf = glbJson(glb)
    expect(gltf.extensionsRequired).toEqual(
      expect.arrayContaining(['KHR_draco_mesh_compression', 'EXT_texture_webp']),
    )
    expect(gltf.images?.map((i) => i.mimeType)).toEqual(['image/webp'])
    // Two sites in a row, after the first: Next goes from one to the other.
    const pair = ROUTE.stops.findIndex((s, i) => i > 0 && s.model && ROUTE.stops[i + 1]?.model)
    const [before, stop] = [ROUTE.stops[pair]!.id, ROUTE.stops[pair + 1]!.id]
    phone = await openPhonePage(browser, `/?stop=${before}`, {
      prepare: (context) =>
        serveRouteWithModel(
          context,
          stop,
          { src: 'models/curator.glb', anchor: [...FIXTURE_ANCHOR], scale: 1.5, rotation: [0, 30, 0] },
          { path: 'models/curator.glb', body: glb },
        ),
    })
    const { page, baseUrl } = phone
    await waitForScene(page, before)
    const decoders = () => phone!.requests.filter((url) => new URL(url).pathname.includes('/draco/'))
    // A meshopt model needs no Draco decoder, so none was fetched.
    expect(decoders()).toEqual([])

    await page.getByRole('button', { name: /下一站/ }).click()
    await waitForScene(page, stop)
    const shot = await pixelsOf(page, CANVAS, 'scene-13-curator-draco-webp')
    expect(shot.count(fixtureGreen)).toBeGreaterThan(1000)
    const origin = new URL(baseUrl).origin
    expect(decoders()).toEqual(
      expect.arrayContaining([`${origin}/draco/draco_wasm_wrapper.js`, `${origin}/draco/draco_decoder.wasm`]),
    )
    expect(decoders().every((url) => url.startsWith(`${origin}/draco/`))).toBe(true)
    // closeCleanVisit, after each test: nothing failed and no request left the origin.
  })

  it('frames a 1 m model by its bounds: it fills the view, not hidden behind the river bank', async () => {
    // The curator's 40 m lantern tower at 1/40 scale: a 1 m model, as a curator's glTF in metres may be.
    const stop = ROUTE.stops.find((s, i) => i > 0 && s.model)!
    phone = await openPhonePage(browser, `/?stop=${stop.id}`, {
      prepare: (context) =>
        serveRouteWithModel(
          context,
          stop.id,
          { src: 'models/curator.glb', anchor: [...FIXTURE_ANCHOR], scale: 1 / 40, rotation: [0, 30, 0] },
          { path: 'models/curator.glb', body: readFileSync(CURATOR_GLB) },
        ),
    })
    const { page } = phone
    await waitForScene(page, stop.id)
    const shot = await pixelsOf(page, CANVAS, 'scene-14-one-metre-model')
    // Seen close, under the promenade's lamps, the checker's green is paler than the tower's seen from afar.
    const green = (r: number, g: number, b: number) => g - r > 60 && g - b > 60
    expect(shot.count(green)).toBeGreaterThan(1000)
    // The model stands over a good part of the picture's height, not a speck.
    const { png } = shot
    const rows = Array.from({ length: png.height }, (_, y) =>
      Array.from({ length: png.width }, (_, x) => (y * png.width + x) * 4).some((i) =>
        green(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!),
      ),
    )
    expect(rows.filter(Boolean).length).toBeGreaterThan(png.height / 3)
  })

  it('shows a message and a placeholder on its bank when a model cannot be loaded; the stop still works', async () => {
    const stop = stopById('customs-house')
    const next = ORDER[ORDER.indexOf(stop.id) + 1]!
    phone = await openPhonePage(browser, `/?stop=${stop.id}&lang=en`, {
      prepare: async (context) => {
        await serveRouteWithModel(context, stop.id, { src: 'models/missing.glb' })
        await context.route('**/models/missing.glb', (r) => r.fulfill({ status: 404, body: 'not found' }))
      },
    })
    const { page } = phone
    // The linked stop's poster stands in until the first touch starts the 3D view; then it makes way for the
    // placeholder and the message.
    await page.locator('#stop-title').click()
    await page.waitForSelector('.scene-status.error', { timeout: 30_000 })
    expect(await page.locator('.scene-status.error').innerText()).toBe(
      'The 3D model could not be loaded. The story and narration still work.',
    )
    await expect.poll(() => page.locator('.scene-poster').count()).toBe(0)
    await expect.poll(() => page.evaluate(() => window.__sceneStats?.frames ?? 0)).toBeGreaterThan(0)
    await page.waitForTimeout(500)
    const shot = await pixelsOf(page, CANVAS, 'scene-14-model-failed-placeholder')
    // The orange wireframe box stands where the landmark would, with the bank's warm lamps around it.
    expect(shot.count((r, g, b) => r > 180 && g > 110 && g < 190 && b < 90)).toBeGreaterThan(200)
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await page.locator(`.hotspot-list [data-hotspot-id="${stop.hotspots![0]!.id}"]`).click()
    await expect.poll(() => page.locator('.hotspot-text').innerText()).toContain(stop.hotspots![0]!.text.en!)
    await page.getByRole('button', { name: /Next stop/ }).click()
    await waitForScene(page, next)
    expect(await page.locator('.scene-status.error').count()).toBe(0)
    // A missing file is not asked for again, and is the one expected failure of this visit.
    expect(phone.failedRequests.filter((r) => r.endsWith('/models/missing.glb'))).toHaveLength(1)
    phone.failedRequests = phone.failedRequests.filter((r) => !r.endsWith('/models/missing.glb'))
    phone.consoleErrors = phone.consoleErrors.filter((e) => !e.includes('status of 404'))
  })

  it('shows a slow model’s progress, and lets the visitor stop it and load it later', async () => {
    const [first, slow] = [ORDER[0]!, ORDER[1]!]
    phone = await openPhonePage(browser, `/?stop=${first}`)
    const { page } = phone
    await waitForScene(page, first)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    // A weak signal: 16 kB/s, so the next stop's model takes several seconds.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 100,
      downloadThroughput: 16_000,
      uploadThroughput: 16_000,
    })
    await page.getByRole('button', { name: /下一站/ }).click()
    const progress = page.locator('.scene-model-status progress')
    const value = async () => Number(await progress.getAttribute('value'))
    await expect.poll(value, { timeout: 30_000 }).toBeGreaterThan(0)
    const early = await value()
    const max = Number(await progress.getAttribute('max'))
    expect(max).toBe(readFileSync(`routes-data/pearl-river-night/models/${slow}.glb`).byteLength)
    await expect.poll(value).toBeGreaterThan(early)
    expect(await page.locator('.scene-model-status p').innerText()).toBe('正在载入三维模型…')
    expect(await page.locator('.scene-model-progress').innerText()).toMatch(/^\d{1,2}%$/)
    await saveScreenshot(page, 'scene-15-model-progress')

    await page.locator('.scene-model-status').getByRole('button', { name: '停止载入' }).click()
    await expect
      .poll(() => page.locator('.scene-model-status p').innerText())
      .toBe('三维模型没有载入。故事和讲解仍可使用。')
    expect(await page.locator(`[data-ready-stop="${slow}"]`).count()).toBe(0)
    expect((await page.locator('.story').innerText()).length).toBeGreaterThan(200)
    await saveScreenshot(page, 'scene-16-model-stopped')

    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await page.locator('.scene-model-status').getByRole('button', { name: '载入三维模型' }).click()
    await waitForScene(page, slow)
    expect(await page.locator('.scene-model-status').count()).toBe(0)
  })

  it('tries a dropped model download again with growing waits, then offers to try again', async () => {
    const stop = ORDER[3]!
    const attempts: number[] = []
    let online = false
    phone = await openPhonePage(browser, `/?stop=${stop}`, {
      prepare: (context) =>
        context.route(`**/models/${stop}.glb`, (r) => {
          if (online) return r.continue()
          attempts.push(Date.now())
          return r.abort('internetdisconnected')
        }),
    })
    const { page } = phone
    await page.locator('#stop-title').click()
    await expect
      .poll(() => page.locator('.scene-model-status[data-model="waiting"] p').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/^网络中断，正在重试（第 \d 次，共 3 次）…$/)
    await page.waitForSelector('.scene-model-status[data-model="failed"]', { timeout: 30_000 })
    expect(await page.locator('.scene-model-status p').innerText()).toBe(
      '网络一再中断，三维模型未能载入。故事和讲解仍可使用。',
    )
    await saveScreenshot(page, 'scene-17-model-retries-failed')
    // The first try and three retries, each wait about twice the one before (up to half shorter with jitter).
    expect(attempts).toHaveLength(4)
    const waits = attempts.slice(1).map((t, i) => t - attempts[i]!)
    console.info(`waits between attempts: ${waits.join(', ')} ms`)
    expect(waits[0]).toBeGreaterThanOrEqual(450)
    expect(waits[1]).toBeGreaterThanOrEqual(950)
    expect(waits[2]).toBeGreaterThanOrEqual(1950)

    online = true
    await page.locator('.scene-model-status').getByRole('button', { name: '重试' }).click()
    await waitForScene(page, stop)
    expect(await page.locator('.scene-model-status').count()).toBe(0)
    // The dropped attempts are this visit's only errors.
    expect(phone.consoleErrors.filter((e) => e.includes('ERR_INTERNET_DISCONNECTED'))).toHaveLength(4)
    phone.consoleErrors = phone.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))
  })

  it('hides the hotspot markers that the landmark hides, as the visitor turns it', async () => {
    const stop = stopById('customs-house')
    phone = await openPhonePage(browser, `/?stop=${stop.id}`)
    const { page } = phone
    await waitForScene(page, stop.id)
    const markers = page.locator('[data-hotspot-marker]')
    const occluded = () =>
      page
        .locator('[data-hotspot-marker]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.occluded))
    // From the river, every hotspot on the front is in sight, though each lies on the stone it describes.
    await expect.poll(occluded).toEqual(stop.hotspots!.map(() => 'false'))
    for (const marker of await markers.all()) expect(await marker.isVisible()).toBe(true)

    // Half the canvas's height of drag turns the orbit half way round: the front faces away.
    const box = (await page.locator(CANVAS).boundingBox())!
    await page.mouse.move(box.x + 20, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + 20 + box.height / 2, box.y + box.height / 2, { steps: 12 })
    await page.mouse.up()
    // The granite front and the clock face over it are on the far side now; the clock stage's corner
    // columns stand clear above the roof and may still show.
    const front = ['granite-front', 'clock-faces']
    await expect.poll(occluded).toEqual(stop.hotspots!.map((h) => (front.includes(h.id) ? 'true' : 'false')))
    for (const id of front)
      expect(await page.locator(`[data-hotspot-marker="${id}"]`).isVisible()).toBe(false)
    await pixelsOf(page, CANVAS, 'scene-18-hotspots-behind-the-landmark')
    // The list under the view still offers them all.
    expect(await page.locator('.hotspot-list button').count()).toBe(stop.hotspots!.length)
  })
})
