// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { LoadedRoute } from './load-route'
import { loadRouteOffThread, WORKER_ANSWER_MS } from './load-route-off-thread'

/** A stand-in for the browser's Worker: records what it is sent, and answers or fails as the test says. */
class FakeWorker {
  static made: FakeWorker[] = []
  static answer: ((worker: FakeWorker) => void) | undefined
  onmessage: ((event: { data: LoadedRoute }) => void) | null = null
  onerror: ((event: { preventDefault: () => void }) => void) | null = null
  sent: unknown[] = []
  terminated = false
  constructor(readonly url: URL) {
    FakeWorker.made.push(this)
  }
  postMessage(message: unknown) {
    this.sent.push(message)
    queueMicrotask(() => FakeWorker.answer?.(this))
  }
  terminate() {
    this.terminated = true
  }
}

/** A `<link rel="preload" as="fetch">` such as index.html has for the route files. */
function addPreload(href: string): HTMLLinkElement {
  const link = document.head.appendChild(document.createElement('link'))
  link.setAttribute('rel', 'preload')
  link.setAttribute('as', 'fetch')
  link.setAttribute('href', href)
  return link
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeWorker.made = []
})

describe('loadRouteOffThread', () => {
  it('asks a worker for the route, with the preloaded files, and hands back its answer, then ends it', async () => {
    const preload = addPreload('https://app.example/routes-data/index.json')
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => Promise.resolve(new Response(`text of ${url}`))),
    )
    const answer: LoadedRoute = {
      ok: false,
      failure: 'invalid',
      file: 'routes-data/index.json',
      problems: [],
      message: 'from the worker',
    }
    FakeWorker.answer = (worker) => worker.onmessage?.({ data: answer })
    vi.stubGlobal('Worker', FakeWorker)
    const result = await loadRouteOffThread('https://app.example/routes-data/', 'pearl-river-night')
    expect(result).toEqual(answer)
    const [worker] = FakeWorker.made
    expect(worker?.url.pathname).toMatch(/load-route-worker/)
    expect(worker?.sent).toEqual([
      {
        routesUrl: 'https://app.example/routes-data/',
        routeParam: 'pearl-river-night',
        // Read where the preload is, so the worker does not ask the network again.
        read: {
          'https://app.example/routes-data/index.json': {
            text: 'text of https://app.example/routes-data/index.json',
          },
        },
      },
    ])
    expect(worker?.terminated).toBe(true)
    preload.remove()
  })

  it('hands over a preloaded file that failed, so the worker does not wait for it again', async () => {
    const preload = addPreload('https://app.example/routes-data/index.json')
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' }))),
    )
    FakeWorker.answer = (worker) =>
      worker.onmessage?.({ data: { ok: false, failure: 'server', file: 'x', problems: [] } })
    vi.stubGlobal('Worker', FakeWorker)
    await loadRouteOffThread('https://app.example/routes-data/', null)
    expect(FakeWorker.made[0]?.sent).toEqual([
      expect.objectContaining({
        read: {
          'https://app.example/routes-data/index.json': {
            error: '404 Not Found for https://app.example/routes-data/index.json',
            kind: 'server',
          },
        },
      }),
    ])
    preload.remove()
  })

  it('gives up with a message when the worker never answers (its code never arrived)', async () => {
    vi.useFakeTimers()
    try {
      FakeWorker.answer = undefined
      vi.stubGlobal('Worker', FakeWorker)
      const loading = loadRouteOffThread('https://app.example/routes-data/', null)
      await vi.advanceTimersByTimeAsync(WORKER_ANSWER_MS + 1)
      expect(await loading).toMatchObject({
        ok: false,
        message: `no answer within ${WORKER_ANSWER_MS / 1000} s while loading the route`,
      })
      expect(FakeWorker.made[0]?.terminated).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('loads the route on the main thread when the worker cannot start', async () => {
    FakeWorker.answer = (worker) => worker.onerror?.({ preventDefault: () => {} })
    vi.stubGlobal('Worker', FakeWorker)
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    )
    const result = await loadRouteOffThread('https://app.example/routes-data/', null)
    // The main thread's own attempt: the index could not be fetched, and says so, naming the file.
    expect(result).toMatchObject({
      ok: false,
      failure: 'offline',
      file: 'routes-data/index.json',
      message: 'TypeError: offline (https://app.example/routes-data/index.json)',
    })
    expect(FakeWorker.made[0]?.terminated).toBe(true)
    expect(fetch).toHaveBeenCalled()
  })
})
