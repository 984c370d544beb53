/**
 * Bench row: the kiosk soak. Drives the attract loop through `changes` stop changes in headless Chromium, in
 * compressed time (`SOAK_QUERY`: the boat sails 1000× faster between stories, each landmark stays 0.3 s once drawn;
 * the same URL parameters a museum's demo can use), and samples once per full cycle, back at the first stop after
 * its landmark has drawn: JS heap after a forced GC, DOM nodes, event listeners, the renderer's geometries,
 * textures and programs, and live Howls. Reports the first and last cycle and the least-squares slope per cycle.
 */
import { chromium, type Browser } from 'playwright-core'

import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/browser'

export interface SoakSample {
  cycle: number
  heapMB: number
  nodes: number
  listeners: number
  geometries: number
  textures: number
  programs: number
  howls: number
}

export interface SoakResult {
  changes: number
  /** Wall-clock seconds from opening the page to the last change. */
  seconds: number
  samples: SoakSample[]
  /** Change per cycle of each figure, fitted over every cycle after the first. */
  slopes: Record<Exclude<keyof SoakSample, 'cycle'>, number>
}

function slope(points: [number, number][]): number {
  const n = points.length
  if (n < 2) return 0
  const mx = points.reduce((s, p) => s + p[0], 0) / n
  const my = points.reduce((s, p) => s + p[1], 0) / n
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0)
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0)
  return den === 0 ? 0 : num / den
}

export const SOAK_QUERY = '?mode=kiosk&dwell=0.3&idle=3600&simulate=1000'

/**
 * Runs the soak against a served build and returns the per-cycle samples and slopes. In its own browser, whose
 * pages may call `gc()`: the heap is collected from inside the page, which the sample holds still (see below).
 */
export async function kioskSoak(baseUrl: string, changes = 500): Promise<SoakResult> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  })
  try {
    return await soak(browser, baseUrl, changes)
  } finally {
    await browser.close()
  }
}

async function soak(browser: Browser, baseUrl: string, changes: number): Promise<SoakResult> {
  const started = performance.now()
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await page.goto(new URL(SOAK_QUERY, baseUrl).href)
  const stopParam = () => page.evaluate(() => new URLSearchParams(location.search).get('stop'))
  const first = await page.evaluate(async () => {
    for (;;) {
      const stop = new URLSearchParams(location.search).get('stop')
      if (stop) return stop
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })
  /**
   * One cycle's figures, all taken in the same state however short the dwell: the moment the first stop's
   * landmark has drawn, the page reads its GPU figures, collects its garbage and stops at a `debugger` statement;
   * it stays paused while the DOM and the heap are counted. (CDP's own collectGarbage waits for a task that a
   * paused page never runs.) The debugger is on only for the sample: while on, it keeps every script.
   */
  const sample = async () => {
    await cdp.send('Debugger.enable')
    const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve))
    const figures = page.waitForFunction(
      (stop) => {
        if (document.querySelector(`[data-ready-stop="${stop}"]`) === null) return null
        const gpu = {
          geometries: window.__sceneStats?.geometries ?? -1,
          textures: window.__sceneStats?.textures ?? -1,
          programs: window.__sceneStats?.programs ?? -1,
          howls: Number(document.querySelector<HTMLElement>('.kiosk')?.dataset.liveHowls ?? -1),
        }
        ;(globalThis as unknown as { gc: () => void }).gc()
        // eslint-disable-next-line no-debugger -- holds the page still while the bench counts (see above)
        debugger
        return gpu
      },
      first,
      { timeout: 60_000, polling: 20 },
    )
    const stopped = Promise.race([
      paused,
      figures.then(() => Promise.reject(new Error('the page did not stop for the sample'))),
    ])
    const counts = await stopped
      .then(async () => ({
        dom: await cdp.send('Memory.getDOMCounters'),
        heap: await cdp.send('Runtime.getHeapUsage'),
      }))
      .finally(async () => {
        await cdp.send('Debugger.resume').catch(() => undefined)
        await cdp.send('Debugger.disable')
      })
    const handle = await figures
    const gpu = (await handle.jsonValue())!
    // A handle keeps its object alive in the page: let it go, or the soak would measure its own leak.
    await handle.dispose()
    return { ...counts, gpu }
  }
  const samples: SoakSample[] = []
  let last: string | null = first
  for (let change = 1; change < changes; change++) {
    await page.waitForFunction(
      (previous) => new URLSearchParams(location.search).get('stop') !== previous,
      last,
      {
        timeout: 60_000,
        polling: 100,
      },
    )
    last = await stopParam()
    if (last !== first) continue
    const { heap, dom, gpu } = await sample()
    samples.push({
      cycle: samples.length + 1,
      heapMB: Math.round((heap.usedSize / 1e6) * 10) / 10,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
      ...gpu,
    })
    process.stderr.write(`bench: soak, ${change} changes: ${JSON.stringify(samples.at(-1))}\n`)
  }
  const seconds = Math.round((performance.now() - started) / 1000)
  await context.close()
  const fit = (key: Exclude<keyof SoakSample, 'cycle'>) =>
    Math.round(slope(samples.slice(1).map((s) => [s.cycle, s[key]])) * 1000) / 1000
  return {
    changes,
    seconds,
    samples,
    slopes: {
      heapMB: fit('heapMB'),
      nodes: fit('nodes'),
      listeners: fit('listeners'),
      geometries: fit('geometries'),
      textures: fit('textures'),
      programs: fit('programs'),
      howls: fit('howls'),
    },
  }
}
