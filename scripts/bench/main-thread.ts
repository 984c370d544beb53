import type { Browser } from 'playwright-core'

import { NAME_SHIM } from './frame-cost'
import { median } from './stats'

/** One interval of main-thread time, in ms since navigation. */
export interface Interval {
  start: number
  duration: number
}

/** Where a page load's long tasks went: their total, and how much of it was spent waiting on WebGL calls. */
export interface MainThreadFigures {
  /** Sum of the durations of every long task (over 50 ms) until the page settled. */
  longTaskMs: number
  /** Sum of each long task's time over 50 ms: the "blocking" part TBT adds up (unthrottled here). */
  blockingMs: number
  /** Time inside WebGL calls that wait for the GPU process, counted where it falls inside long tasks. */
  webglWaitMs: number
}

/** The part of `waits` that falls inside `tasks`, in ms. Pure. */
export function overlapMs(tasks: readonly Interval[], waits: readonly Interval[]): number {
  let total = 0
  for (const w of waits) {
    for (const t of tasks) {
      const from = Math.max(w.start, t.start)
      const to = Math.min(w.start + w.duration, t.start + t.duration)
      if (to > from) total += to - from
    }
  }
  return total
}

/** The figures of one load from its long tasks and WebGL waits. Pure. */
export function mainThreadFigures(tasks: readonly Interval[], waits: readonly Interval[]): MainThreadFigures {
  return {
    longTaskMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    webglWaitMs: overlapMs(tasks, waits),
  }
}

/**
 * Records long tasks, and the calls that make the main thread wait for the GPU process: creating a WebGL
 * context, reading a shader's compile or a program's link status and then its attributes and uniforms (the
 * compile itself runs in the GPU process; the first question waits for it, each later one is a round trip),
 * other queries, resizing a canvas's drawing buffer, reading pixels back. Runs before any app code
 * (addInitScript) and only observes.
 */
function recordInPage(): void {
  const w = window as unknown as { benchLongTasks: Interval[]; benchWaits: Interval[] }
  w.benchLongTasks = []
  w.benchWaits = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.benchLongTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const timed = <T>(run: () => T): T => {
    const start = performance.now()
    try {
      return run()
    } finally {
      const duration = performance.now() - start
      if (duration > 0.1) w.benchWaits.push({ start, duration })
    }
  }
  const wrap = (target: object, name: string) => {
    const original = (target as Record<string, unknown>)[name] as (...a: unknown[]) => unknown
    ;(target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      return timed(() => original.apply(this, args))
    }
  }
  wrap(HTMLCanvasElement.prototype, 'getContext')
  for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype])
    for (const name of [
      'getProgramParameter',
      'getShaderParameter',
      'getUniformLocation',
      'getAttribLocation',
      'getActiveAttrib',
      'getActiveUniform',
      'getUniformBlockIndex',
      'getParameter',
      'getExtension',
      'readPixels',
      'finish',
      'getError',
    ])
      wrap(proto, name)
  for (const size of ['width', 'height']) {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, size)!
    Object.defineProperty(HTMLCanvasElement.prototype, size, {
      ...descriptor,
      set(this: HTMLCanvasElement, value: number) {
        timed(() => descriptor.set!.call(this, value))
      },
    })
  }
}

/**
 * Loads `url` `runs` times in fresh phone-sized pages at full speed, waits until the still map (and, on a
 * stop's page, its poster) is drawn and the page has been quiet for a moment, and returns the median figures.
 */
export async function mainThreadMedian(
  browser: Browser,
  url: string,
  runs: number,
  linkedStop: boolean,
): Promise<{ median: MainThreadFigures; runs: MainThreadFigures[] }> {
  const all: MainThreadFigures[] = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      serviceWorkers: 'block',
    })
    try {
      await context.addInitScript({ content: NAME_SHIM })
      await context.addInitScript(recordInPage)
      const page = await context.newPage()
      await page.goto(url)
      // The first view's map is the still one: MapLibre starts on the visitor's first touch, not here.
      await page.waitForSelector('.still-map .still-map-stop', { timeout: 60_000 })
      // A linked stop's first view is its poster: the 3D view starts on the visitor's first touch.
      if (linkedStop)
        await page.waitForFunction(
          () => document.querySelector<HTMLImageElement>('img.scene-poster')?.complete,
        )
      await page.waitForTimeout(2000)
      const { tasks, waits } = await page.evaluate(() => {
        const w = window as unknown as { benchLongTasks: Interval[]; benchWaits: Interval[] }
        return { tasks: w.benchLongTasks, waits: w.benchWaits }
      })
      all.push(mainThreadFigures(tasks, waits))
    } finally {
      await context.close()
    }
  }
  const pick = (key: keyof MainThreadFigures) => median(all.map((r) => r[key]))
  return {
    median: {
      longTaskMs: pick('longTaskMs'),
      blockingMs: pick('blockingMs'),
      webglWaitMs: pick('webglWaitMs'),
    },
    runs: all,
  }
}
