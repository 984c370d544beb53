import { afterEach, describe, expect, it, vi } from 'vitest'

import { fetchLimitedText, type FetchFailure } from './fetch-limited-text'

describe('fetchLimitedText', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('stops reading a body that grows past the limit', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024))
      },
    })
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(body))),
    )
    await expect(fetchLimitedText('https://x/route.json', 1_000_000, 5_000)).rejects.toThrow(
      'the file is more than the 1000000 bytes allowed',
    )
  })

  it('gives up on a server that does not answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        return new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        })
      }),
    )
    await expect(fetchLimitedText('https://x/route.json', 1_000, 50)).rejects.toThrow(
      'no answer within 0.05 s from https://x/route.json',
    )
  })

  it('reports an HTTP error with its status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('nope', { status: 404, statusText: 'Not Found' }))),
    )
    await expect(fetchLimitedText('https://x/route.json', 1_000, 1_000)).rejects.toThrow(
      '404 Not Found for https://x/route.json',
    )
  })

  it('tells no connection, a silent server, a server error and a file too large apart', async () => {
    const kindOf = (done: Promise<string>) =>
      done.then(
        () => 'read',
        (error: FetchFailure) => error.kind,
      )
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    expect(await kindOf(fetchLimitedText('https://x/a.json', 1_000, 1_000))).toBe('offline')
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 503 })))
    expect(await kindOf(fetchLimitedText('https://x/a.json', 1_000, 1_000))).toBe('server')
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('x'.repeat(2_000))))
    expect(await kindOf(fetchLimitedText('https://x/a.json', 1_000, 1_000))).toBe('invalid')
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    )
    expect(await kindOf(fetchLimitedText('https://x/a.json', 1_000, 20))).toBe('timeout')
  })
})
