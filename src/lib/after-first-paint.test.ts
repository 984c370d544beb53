import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { afterFirstPaint, LATE_PAINT_MS } from './after-first-paint'

interface Entry {
  entryType: string
  name: string
  startTime: number
}

/** A page where the test decides when paints are reported, frames are drawn and the tab is hidden. */
function fakePage({ types = ['paint', 'largest-contentful-paint'] } = {}) {
  const entries: Entry[] = []
  const observers: { type: string; notify: (list: Entry[]) => void }[] = []
  const frames: (() => void)[] = []
  const events = new EventTarget()
  const page = {
    visibilityState: 'visible' as 'visible' | 'hidden',
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  }
  let clock = 0
  class Observer {
    static supportedEntryTypes = types
    private type = ''
    constructor(private readonly callback: (list: { getEntries: () => Entry[] }) => void) {}
    observe({ type, buffered }: { type: string; buffered?: boolean }) {
      this.type = type
      const notify = (list: Entry[]) => this.callback({ getEntries: () => list })
      observers.push({ type, notify })
      const earlier = entries.filter((e) => e.entryType === type)
      if (buffered && earlier.length > 0) queueMicrotask(() => notify(earlier))
    }
    disconnect() {
      observers.splice(
        observers.findIndex((o) => o.type === this.type),
        1,
      )
    }
  }
  vi.stubGlobal('PerformanceObserver', Observer)
  vi.stubGlobal('performance', {
    now: () => clock,
    getEntriesByType: (type: string) => entries.filter((e) => e.entryType === type),
  })
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback))
  vi.stubGlobal('document', page)
  return {
    at(time: number) {
      clock = time
    },
    paint(entryType: string, name: string) {
      const entry = { entryType, name, startTime: clock }
      entries.push(entry)
      for (const o of observers.filter((o) => o.type === entryType)) o.notify([entry])
    },
    drawFrame() {
      for (const callback of frames.splice(0)) callback()
    },
    hide() {
      page.visibilityState = 'hidden'
      events.dispatchEvent(new Event('visibilitychange'))
    },
  }
}

/** Lets pending promise callbacks and the zero-delay timer run. */
const settle = () => vi.advanceTimersByTimeAsync(1)

/** Starts afterFirstPaint and reports whether it has resolved. */
function start() {
  const state = { started: false }
  void afterFirstPaint().then(() => (state.started = true))
  return state
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('afterFirstPaint', () => {
  it('on a page the visitor has used, waits for frames only: no more largest paints will be reported', async () => {
    const page = fakePage()
    page.at(100)
    page.paint('paint', 'first-contentful-paint')
    vi.stubGlobal('navigator', { userActivation: { hasBeenActive: true } })
    page.at(400)
    const state = start()
    await settle()
    page.drawFrame()
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(true)
  })

  it('waits for the first contentful paint, then two frames', async () => {
    const page = fakePage()
    const state = start()
    page.at(50)
    page.paint('paint', 'first-paint')
    for (let i = 0; i < 3; i++) {
      await settle()
      page.drawFrame()
    }
    await settle()
    expect(state.started).toBe(false)
    page.at(80)
    page.paint('paint', 'first-contentful-paint')
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(false)
    page.drawFrame()
    await settle()
    expect(state.started).toBe(true)
  })

  it('on a page that painted before (a loading message), waits for the next largest paint', async () => {
    const page = fakePage()
    page.at(100)
    page.paint('paint', 'first-contentful-paint')
    page.paint('largest-contentful-paint', '')
    page.at(400)
    const state = start()
    for (let i = 0; i < 5; i++) {
      page.drawFrame()
      await settle()
    }
    expect(state.started).toBe(false)
    page.at(700)
    page.paint('largest-contentful-paint', '')
    await settle()
    page.drawFrame()
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(true)
  })

  it('does not wait longer than LATE_PAINT_MS for a largest paint that does not come', async () => {
    const page = fakePage()
    page.paint('paint', 'first-contentful-paint')
    page.at(400)
    const state = start()
    await vi.advanceTimersByTimeAsync(LATE_PAINT_MS - 10)
    page.drawFrame()
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(false)
    await vi.advanceTimersByTimeAsync(10)
    page.drawFrame()
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(true)
  })

  it('goes by frames alone where the browser does not report paints', async () => {
    const page = fakePage({ types: ['longtask'] })
    const state = start()
    await settle()
    page.drawFrame()
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(true)
  })

  it('does not wait forever for a paint a page hidden before painting never reports', async () => {
    const page = fakePage()
    const state = start()
    page.hide()
    await settle()
    page.drawFrame()
    await settle()
    page.drawFrame()
    await settle()
    expect(state.started).toBe(true)
  })
})
