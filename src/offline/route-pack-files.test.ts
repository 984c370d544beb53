import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { validateRouteText } from '@/route/validate'

import { routePackFiles } from './route-pack-files'

const text = readFileSync('routes-data/pearl-river-night/route.json', 'utf8')
const { route } = validateRouteText(text)
if (!route) throw new Error('the default route does not validate')
const urls = {
  routesUrl: 'https://tour.example/routes-data/',
  packUrl: 'https://tour.example/routes-data/pearl-river-night/',
}
const webm = (path: string) => path.endsWith('.webm')
const pack = (path: string) => `${urls.packUrl}${path}`

describe('routePackFiles', () => {
  it('lists the index, route.json, every map layer and every stop model once', () => {
    const files = routePackFiles(route, urls, { langs: ['zh-Hans'], canPlay: webm })
    expect(files.slice(0, 2).map((f) => f.url)).toEqual([
      'https://tour.example/routes-data/index.json',
      pack('route.json'),
    ])
    expect(files.filter((f) => f.kind === 'map').map((f) => f.url)).toEqual(
      ['water', 'banks', 'bridges', 'labels', 'history'].map((layer) => pack(`basemap/${layer}.geojson`)),
    )
    const models = files.filter((f) => f.kind === 'model')
    // Interludes have no model.
    const sites = route.stops.filter((s) => s.model)
    expect(sites.length).toBeLessThan(route.stops.length)
    expect(models.map((f) => f.url)).toEqual(sites.map((s) => pack(s.model!.src)))
    expect(models.map((f) => f.stopId)).toEqual(sites.map((s) => s.id))
    expect(new Set(files.map((f) => f.url)).size).toBe(files.length)
  })

  it('takes narration only in the chosen languages, one playable encoding per track, with its captions', () => {
    const zh = routePackFiles(route, urls, { langs: ['zh-Hans'], canPlay: webm })
    const audio = zh.filter((f) => f.kind === 'audio')
    expect(audio).toHaveLength(route.stops.length)
    expect(audio.every((f) => f.url.endsWith('.zh-Hans.webm') && f.lang === 'zh-Hans')).toBe(true)
    expect(zh.filter((f) => f.kind === 'captions').map((f) => f.url)).toEqual(
      route.stops.map((s) => pack(s.narration['zh-Hans']!.captions)),
    )
    const both = routePackFiles(route, urls, { langs: ['zh-Hans', 'en'], canPlay: webm })
    expect(both.filter((f) => f.kind === 'audio')).toHaveLength(route.stops.length * 2)
    expect(both.some((f) => f.url.endsWith('.en.vtt'))).toBe(true)
  })

  it('falls back to the next encoding the browser can play, or the first when it can play none', () => {
    const mp3 = routePackFiles(route, urls, { langs: ['en'], canPlay: (p) => p.endsWith('.mp3') })
    expect(mp3.filter((f) => f.kind === 'audio').every((f) => f.url.endsWith('.en.mp3'))).toBe(true)
    const none = routePackFiles(route, urls, { langs: ['en'], canPlay: () => false })
    expect(none.filter((f) => f.kind === 'audio').map((f) => f.url)).toEqual(
      route.stops.map((s) => pack(s.narration.en!.audio[0]!)),
    )
  })

  it('skips languages a stop has no narration in, and never lists web links or story text', () => {
    const stop = route.stops[0]!
    const edited = {
      ...route,
      map: { ...route.map, style: 'https://tiles.example/style.json' },
      stops: [
        {
          ...stop,
          title: { ...stop.title, en: 'St.Paul' },
          narration: {
            en: {
              ...stop.narration.en!,
              cues: [
                {
                  type: 'show-image' as const,
                  at: 3,
                  src: 'images/factories.webp',
                  alt: { en: 'x' },
                  credit: 'y',
                },
              ],
            },
          },
          sources: [{ title: 'A page', url: 'https://example.org/page.png' }],
          images: [{ src: 'images/pier.webp' }],
        },
      ],
    }
    const files = routePackFiles(edited, urls, { langs: ['zh-Hans', 'en'], canPlay: webm })
    expect(files.filter((f) => f.kind === 'audio').map((f) => f.lang)).toEqual(['en'])
    // An image a narration cue shows belongs to that language's download.
    expect(files.find((f) => f.url === pack('images/factories.webp'))).toEqual({
      url: pack('images/factories.webp'),
      kind: 'image',
      stopId: stop.id,
      lang: 'en',
    })
    expect(files.some((f) => !f.url.startsWith('https://tour.example/routes-data/'))).toBe(false)
    expect(files.some((f) => f.url.includes('St.Paul'))).toBe(false)
    // A field the schema may gain (images) is found by walking the stop, and counted for that stop.
    expect(files.find((f) => f.url === pack('images/pier.webp'))).toEqual({
      url: pack('images/pier.webp'),
      kind: 'image',
      stopId: stop.id,
    })
  })
})
