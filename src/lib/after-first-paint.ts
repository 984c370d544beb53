/**
 * Resolves once the caller's first view is on screen, and one more frame has been drawn: the moment to start
 * work that view does not need (the map engine, the service worker), so it neither delays that paint nor
 * competes with it for the network. "On screen" is what the browser reports, not a frame callback: a slow GPU
 * can present a committed frame hundreds of milliseconds later. That is the first contentful paint; when the
 * page had already painted before the call (a loading message, say), it is the next largest paint, which the
 * caller's view (the tour replacing the message) makes. Where the browser cannot report paints, or will not
 * (a hidden page, a page the visitor has already used, a later view that is not the largest), the frames are
 * the signal; frames wait while the page is hidden.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/PerformancePaintTiming
 * @see https://developer.mozilla.org/en-US/docs/Web/API/LargestContentfulPaint
 */
export async function afterFirstPaint(): Promise<void> {
  const since = performance.now()
  const painted = await firstContentfulPaint()
  if (painted !== undefined && painted < since) await nextLargestPaint(since)
  await nextFrame()
  await nextFrame()
  // A task after the frame callback, so the frame itself is not held up by what the caller does next.
  await new Promise<void>((resolve) => setTimeout(resolve, 0))
}

/** How long to wait for a largest paint that may never come (the caller's view is not larger than the rest). */
export const LATE_PAINT_MS = 1000

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

const observes = (type: string) =>
  typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes(type)

/** Waits for the first paint entry of `type` (and `name`) that `accept` takes, or for the page to be hidden. */
function paintEntry(
  type: string,
  accept: (entry: PerformanceEntry) => boolean,
  alsoStopOn: string[] = [],
  timeoutMs?: number,
): Promise<PerformanceEntry | undefined> {
  return new Promise((resolve) => {
    const stops = ['visibilitychange', ...alsoStopOn]
    let timer: ReturnType<typeof setTimeout> | undefined
    const done = (entry?: PerformanceEntry) => {
      observer.disconnect()
      for (const name of stops) document.removeEventListener(name, stop, true)
      clearTimeout(timer)
      resolve(entry)
    }
    const stop = () => done()
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntries().find(accept)
      if (entry) done(entry)
    })
    observer.observe({ type, buffered: true })
    for (const name of stops) document.addEventListener(name, stop, true)
    if (timeoutMs !== undefined) timer = setTimeout(stop, timeoutMs)
  })
}

/** The first contentful paint's time; undefined where it is not known (the frames are then the signal). */
async function firstContentfulPaint(): Promise<number | undefined> {
  if (!observes('paint') || document.visibilityState !== 'visible') return undefined
  const entry = await paintEntry('paint', (e) => e.name === 'first-contentful-paint')
  return entry?.startTime
}

/** A largest-contentful-paint candidate drawn after `since`, where the browser reports them. */
async function nextLargestPaint(since: number): Promise<void> {
  // After the visitor's first tap or key the browser reports no more candidates. `first-input` is recorded
  // only once that input's events have run; the user activation is known while they run (a tap opening a stop).
  const used =
    performance.getEntriesByType('first-input').length > 0 ||
    (typeof navigator !== 'undefined' && navigator.userActivation?.hasBeenActive === true)
  if (!observes('largest-contentful-paint') || used) return
  await paintEntry(
    'largest-contentful-paint',
    (e) => e.startTime >= since,
    ['pointerdown', 'keydown'],
    LATE_PAINT_MS,
  )
}
