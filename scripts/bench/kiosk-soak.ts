/**
 * Bench row: the kiosk soak. Drives the attract loop (`?mode=kiosk&dwell=1&simulate=300`, compressed time) through
 * `changes` stop changes in headless Chromium and samples once per full cycle, back at the first stop after its
 * landmark has drawn: JS heap after a forced GC, DOM nodes, event listeners, the renderer's geometries,
 * textures and programs, and live Howls. Reports the first and last cycle and the least-squares slope per cycle.
 */
import type { Browser } from 'playwright-core'

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

/** Runs the soak against a served build and returns the per-cycle samples and slopes. */
export async function kioskSoak(browser: Browser, baseUrl: string, changes = 500): Promise<SoakResult> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await page.goto(new URL('/?mode=kiosk&dwell=1&idle=3600&simulate=300', baseUrl).href)
  const stopParam = () => page.evaluate(() => new URLSearchParams(location.search).get('stop'))
  const first = await page.evaluate(async () => {
    for (;;) {
      const stop = new URLSearchParams(location.search).get('stop')
      if (stop) return stop
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })
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
    await page.waitForSelector(`[data-ready-stop="${first}"]`, { timeout: 60_000 })
    await cdp.send('HeapProfiler.collectGarbage')
    const dom = await cdp.send('Memory.getDOMCounters')
    const heap = await cdp.send('Runtime.getHeapUsage')
    const gpu = await page.evaluate(() => ({
      geometries: window.__sceneStats?.geometries ?? -1,
      textures: window.__sceneStats?.textures ?? -1,
      programs: window.__sceneStats?.programs ?? -1,
      howls: Number(document.querySelector<HTMLElement>('.kiosk')?.dataset.liveHowls ?? -1),
    }))
    samples.push({
      cycle: samples.length + 1,
      heapMB: Math.round((heap.usedSize / 1e6) * 10) / 10,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
      ...gpu,
    })
    process.stderr.write(`bench: soak cycle ${samples.length}, ${change} changes\n`)
  }
  await context.close()
  const fit = (key: Exclude<keyof SoakSample, 'cycle'>) =>
    Math.round(slope(samples.slice(1).map((s) => [s.cycle, s[key]])) * 1000) / 1000
  return {
    changes,
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
