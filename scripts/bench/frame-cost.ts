import type { BrowserContext, Page } from 'playwright-core'

import { referenceSceneHtml } from './reference-scene'

/**
 * tsx (esbuild) wraps named functions in `__name(...)` calls; functions sent to page.evaluate carry them into the
 * page, which must then know the helper.
 */
export const NAME_SHIM = 'globalThis.__name = (fn) => fn'

/**
 * Counts WebGL draw calls per canvas, so the bench can tell that each measured frame really drew. Runs in the
 * page before any app code (addInitScript); it only observes.
 */
export async function instrumentWebGl(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the canvas as `this`
    const original = HTMLCanvasElement.prototype.getContext
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- getContext's overloads cannot be restated
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: any[]) {
      const ctx = (original as (...a: unknown[]) => unknown).apply(this, args) as
        (WebGL2RenderingContext & { benchDraws?: number }) | null
      if (ctx && (args[0] === 'webgl2' || args[0] === 'webgl') && ctx.benchDraws === undefined) {
        ctx.benchDraws = 0
        for (const name of [
          'drawElements',
          'drawArrays',
          'drawElementsInstanced',
          'drawArraysInstanced',
        ] as const) {
          // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the context as `this`
          const draw = ctx[name] as (...a: unknown[]) => void
          ;(ctx as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
            ctx.benchDraws!++
            draw.apply(ctx, a)
          }
        }
        ;(this as HTMLCanvasElement & { benchGl?: WebGL2RenderingContext }).benchGl = ctx
      }
      return ctx
    } as typeof original
  })
}

/** Cost of one on-demand frame of the canvas matched by `selector`: wall time and draw calls per frame. */
export async function timeFrames(
  page: Page,
  selector: string,
  frames: number,
): Promise<{ ms: number; draws: number }> {
  return page.evaluate(
    async ({ selector, frames }) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement & {
        benchGl?: WebGL2RenderingContext & { benchDraws: number }
      }
      const gl = canvas.benchGl
      if (!gl) throw new Error(`no WebGL context seen on ${selector}`)
      const box = canvas.getBoundingClientRect()
      const raf = () => new Promise((resolve) => requestAnimationFrame(resolve))
      const pixel = new Uint8Array(4)
      // One "frame": a small orbit-control zoom (wheel) makes the scene draw once on the next animation frame;
      // reading one pixel after it waits until the GPU process has finished that frame's work.
      const step = async (i: number) => {
        canvas.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: i % 2 ? 30 : -30,
            clientX: box.x + box.width / 2,
            clientY: box.y + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        )
        await raf()
        await raf()
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel)
      }
      for (let i = 0; i < 10; i++) await step(i) // warm-up: shader compilation, buffer uploads
      const draws = gl.benchDraws
      const start = performance.now()
      for (let i = 0; i < frames; i++) await step(i)
      return { ms: (performance.now() - start) / frames, draws: (gl.benchDraws - draws) / frames }
    },
    { selector, frames },
  )
}

/**
 * Draws the reference scene at the given canvas size, on the bench server's origin (so the same init script
 * instruments it), and returns its cost per frame.
 */
export async function referenceFrameCost(
  page: Page,
  baseUrl: string,
  size: { width: number; height: number },
  frames: number,
): Promise<{ ms: number; draws: number }> {
  const url = new URL('__bench-reference.html', baseUrl).href
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: referenceSceneHtml(size.width, size.height) }),
  )
  await page.goto(url)
  return timeFrames(page, '#c', frames)
}
