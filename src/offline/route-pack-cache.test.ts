import { afterEach, describe, expect, it, vi } from 'vitest'

import { downloadPack, planForLanguages, type DownloadPlan } from './route-pack-cache'

const plan: DownloadPlan = {
  missing: [
    { url: 'https://x/route.json', kind: 'route', bytes: 100 },
    { url: 'https://x/water.geojson', kind: 'map', bytes: 1_000 },
    { url: 'https://x/a.glb', kind: 'model', stopId: 'a', bytes: 50_000 },
    { url: 'https://x/a.zh-Hans.webm', kind: 'audio', stopId: 'a', lang: 'zh-Hans', bytes: 200_000 },
    { url: 'https://x/a.zh-Hans.vtt', kind: 'captions', stopId: 'a', lang: 'zh-Hans', bytes: 1_500 },
    { url: 'https://x/a.en.webm', kind: 'audio', stopId: 'a', lang: 'en', bytes: 180_000 },
    { url: 'https://x/a.en.vtt', kind: 'captions', stopId: 'a', lang: 'en', bytes: 1_200 },
    { url: 'https://x/a.yue.webm', kind: 'audio', stopId: 'a', lang: 'yue', bytes: null },
  ],
  totalBytes: 433_800,
  approximate: true,
}

describe('planForLanguages', () => {
  it('keeps the shared files and the narration of the chosen language only', () => {
    const en = planForLanguages(plan, ['en'])
    expect(en.missing.map((f) => f.url.split('/').pop())).toEqual([
      'route.json',
      'water.geojson',
      'a.glb',
      'a.en.webm',
      'a.en.vtt',
    ])
    expect(en.totalBytes).toBe(100 + 1_000 + 50_000 + 180_000 + 1_200)
    expect(en.approximate).toBe(false)
  })

  it('adds up several languages, and says so when a size is unknown', () => {
    const two = planForLanguages(plan, ['zh-Hans', 'yue'])
    expect(two.totalBytes).toBe(100 + 1_000 + 50_000 + 200_000 + 1_500)
    expect(two.approximate).toBe(true)
    expect(planForLanguages(plan, ['zh-Hans', 'en', 'yue']).totalBytes).toBe(plan.totalBytes)
  })
})

describe('downloadPack on a connection that drops', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('fails with the dropped download, and leaves no rejection unhandled', async () => {
    const dropped = new TypeError('network error')
    // A file whose first bytes arrive, then the connection drops.
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              controller.enqueue(new Uint8Array(1000))
              controller.error(dropped)
            },
          }),
        ),
      ),
    )
    // Cache Storage reads what it stores to the end, so the stored half fails with the download.
    const cache = { put: (_url: string, response: Response) => response.arrayBuffer().then(() => undefined) }
    vi.stubGlobal('caches', { open: () => Promise.resolve(cache) })
    vi.stubGlobal('navigator', {})
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    const file = {
      url: 'https://x/a.webm',
      kind: 'audio' as const,
      stopId: 'a',
      lang: 'en' as const,
      bytes: 2000,
    }
    const download = downloadPack(
      'r',
      'https://x/',
      { missing: [file], totalBytes: 2000, approximate: false },
      ['en'],
      () => {},
    )
    await expect(download).rejects.toThrow('network error')
    await new Promise((resolve) => setTimeout(resolve, 10))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
  })
})
