import { describe, expect, it } from 'vitest'

import { planForLanguages, type DownloadPlan } from './route-pack-cache'

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
