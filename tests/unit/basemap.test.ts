import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import {
  distanceToLineMetres,
  type LngLat,
  pointInPolygon,
  ringAreaSquareMetres,
  samplePolyline,
} from '@/route/geo'

// Asserts on the built files in the route pack (run `npx tsx scripts/build-basemap.ts` after editing assets/geodata).
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PACK = join(ROOT, 'routes-data/pearl-river-night')
const BASEMAP = join(PACK, 'basemap')
const GEODATA = join(ROOT, 'assets/geodata')

interface Fc<G> {
  type: string
  attribution?: string
  features: { properties: Record<string, unknown>; geometry: G }[]
}
const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

const water = read<Fc<{ type: 'Polygon'; coordinates: LngLat[][] }>>(join(BASEMAP, 'water.geojson'))
const banks = read<Fc<{ type: 'LineString'; coordinates: LngLat[] }>>(join(BASEMAP, 'banks.geojson'))
const bridges = read<Fc<{ type: 'LineString'; coordinates: LngLat[] }>>(join(BASEMAP, 'bridges.geojson'))
const labels = read<Fc<{ type: 'Point'; coordinates: LngLat }>>(join(BASEMAP, 'labels.geojson'))
const course = read<Fc<{ type: 'LineString'; coordinates: LngLat[] }>>(join(GEODATA, 'course.geojson'))
  .features[0]!.geometry.coordinates

const rings = water.features[0]!.geometry.coordinates
const isWater = (p: LngLat): boolean => water.features.some((f) => pointInPolygon(p, f.geometry.coordinates))
const bankLines = banks.features.map((f) => f.geometry.coordinates)
const toBank = (p: LngLat): number => Math.min(...bankLines.map((l) => distanceToLineMetres(p, l)))

/** The route's bounds, [[west, south], [east, north]]. */
const BOUNDS: [LngLat, LngLat] = [
  [113.22, 23.09],
  [113.39, 23.13],
]

describe('basemap files', () => {
  it('are small feature collections that carry an attribution', () => {
    for (const name of ['water', 'banks', 'bridges', 'labels']) {
      const file = join(BASEMAP, `${name}.geojson`)
      const fc = read<Fc<unknown>>(file)
      expect(fc.type).toBe('FeatureCollection')
      expect(fc.attribution, name).toMatch(/OpenStreetMap/)
      expect(fc.features.length, name).toBeGreaterThan(0)
      expect(statSync(file).size, name).toBeLessThan(60 * 1024)
    }
  })

  it('round every coordinate to 6 decimals', () => {
    const text = ['water', 'banks', 'bridges', 'labels']
      .map((n) => readFileSync(join(BASEMAP, `${n}.geojson`), 'utf8'))
      .join('')
    expect(text).not.toMatch(/\d\.\d{7,}/)
  })
})

describe('water', () => {
  it('is one polygon: a counter-clockwise outer ring and three clockwise islands', () => {
    expect(water.features).toHaveLength(1)
    expect(rings).toHaveLength(4)
    expect(ringAreaSquareMetres(rings[0]!)).toBeGreaterThan(0)
    for (const hole of rings.slice(1)) expect(ringAreaSquareMetres(hole)).toBeLessThan(0)
  })

  it('keeps every vertex of the real OSM stretch as it is', () => {
    const osm = read<Fc<{ coordinates: LngLat[][] }>>(
      join(GEODATA, 'pearl_river_water_oldtown_partial.geojson'),
    )
    const outer = new Set(rings[0]!.map((p) => p.join(',')))
    for (const p of osm.features[0]!.geometry.coordinates[0]!)
      expect(outer.has(p.join(',')), p.join(',')).toBe(true)
  })

  it('makes Ersha Island and Haixinsha islands, and keeps Canton Tower and Shamian on land', () => {
    expect(isWater([113.3, 23.1128]), 'Ersha Island centre').toBe(false)
    expect(isWater([113.31943, 23.11415]), 'Haixinsha centre').toBe(false)
    expect(isWater([113.31914, 23.10899]), 'Canton Tower').toBe(false)
    expect(isWater([113.2412, 23.1093]), 'Shamian').toBe(false)
    expect(isWater([113.30021, 23.1105]), 'Xinghai Concert Hall').toBe(false)
    expect(isWater([113.317111, 23.117768]), 'Guangzhou Opera House').toBe(false)
    expect(isWater([113.370278, 23.101751]), 'Pazhou Pagoda').toBe(false)
  })

  it('is water mid-channel at Haizhu Bridge, south of Haixinsha, north of Ersha and in White Swan Pool', () => {
    expect(isWater([113.2617, 23.1153]), 'Haizhu Bridge').toBe(true)
    expect(isWater([113.3194, 23.1115]), 'south of Haixinsha').toBe(true)
    expect(isWater([113.3, 23.1152]), 'north channel of Ersha').toBe(true)
    expect(isWater([113.2338, 23.103]), 'White Swan Pool').toBe(true)
  })

  it('has islands of about the documented size', () => {
    const areas = rings.slice(1).map((r) => -ringAreaSquareMetres(r) / 1e6)
    // Ersha Island ~1.26 km², Haixinsha ~0.176 km² (987 × 239 m), Shamian ~0.3 km² with its reclaimed edge.
    expect(areas.some((a) => Math.abs(a - 1.26) < 0.15)).toBe(true)
    expect(areas.some((a) => Math.abs(a - 0.176) < 0.03)).toBe(true)
    expect(areas.some((a) => a > 0.18 && a < 0.32)).toBe(true)
  })

  it('covers the river across the route bounds', () => {
    const all = rings[0]!
    const lngs = all.map((p) => p[0])
    const lats = all.map((p) => p[1])
    expect(Math.min(...lngs)).toBeLessThanOrEqual(BOUNDS[0][0])
    expect(Math.max(...lngs)).toBeGreaterThanOrEqual(BOUNDS[1][0])
    expect(Math.min(...lats)).toBeLessThanOrEqual(BOUNDS[0][1])
    expect(Math.max(...lats)).toBeGreaterThanOrEqual(BOUNDS[1][1])
  })

  it('keeps the front channel a plausible width (narrow at Haizhu Bridge, wide at Liede)', () => {
    // Count water along a north–south line through each crossing.
    const widthAt = (lng: number, south: number, north: number): number => {
      let wet = 0
      for (let lat = south; lat <= north; lat += 0.00001) if (isWater([lng, lat])) wet++
      return wet * 0.00001 * 110_750
    }
    expect(widthAt(113.2617, 23.112, 23.119)).toBeGreaterThan(150)
    expect(widthAt(113.2617, 23.112, 23.119)).toBeLessThan(260)
    expect(widthAt(113.3285, 23.105, 23.12)).toBeGreaterThan(450)
    expect(widthAt(113.3285, 23.105, 23.12)).toBeLessThan(600)
  })
})

describe('banks', () => {
  it('are line strings along the water edge only (no cut lines at the map edge)', () => {
    for (const f of banks.features) expect(f.geometry.type).toBe('LineString')
    // The straight cut across the east end is not a bank.
    expect(toBank([113.392, 23.105])).toBeGreaterThan(100)
  })
})

describe('bridges', () => {
  it('has each span end within 60 m of a bank line', () => {
    for (const f of bridges.features) {
      const c = f.geometry.coordinates
      for (const end of [c[0]!, c[c.length - 1]!])
        expect(toBank(end), String(f.properties.name_zh)).toBeLessThan(60)
    }
  })

  it('names the river bridges in Chinese and English', () => {
    const names = new Map(bridges.features.map((f) => [f.properties.name_zh, f.properties.name_en]))
    expect(names.get('海珠桥')).toBe('Haizhu Bridge')
    expect(names.get('解放大桥')).toBe('Jiefang Bridge')
    expect(names.get('人民桥')).toBe('Renmin Bridge')
    expect(names.get('江湾大桥')).toBe('Jiangwan Bridge')
    expect(names.get('海印大桥')).toBe('Haiyin Bridge')
    expect(names.get('广州大桥')).toBe('Guangzhou Bridge')
    expect(names.get('猎德大桥')).toBe('Liede Bridge')
    expect(names.get('海心桥')).toBe('Haixin Bridge')
    expect(names.get('华南大桥')).toBe('Huanan Bridge')
    expect(names.get('琶洲大桥')).toBe('Pazhou Bridge')
  })

  it('crosses the water at each span’s middle', () => {
    for (const f of bridges.features) {
      const c = f.geometry.coordinates
      const mid: LngLat = [(c[0]![0] + c[c.length - 1]![0]) / 2, (c[0]![1] + c[c.length - 1]![1]) / 2]
      expect(isWater(mid), String(f.properties.name_zh)).toBe(true)
    }
  })
})

describe('labels', () => {
  it('are a dozen ranked, bilingual points; water labels on the water, the rest on land', () => {
    expect(labels.features.length).toBeGreaterThanOrEqual(10)
    for (const f of labels.features) {
      const p = f.properties
      expect(f.geometry.type).toBe('Point')
      expect(p.name_zh).toEqual(expect.any(String))
      expect(p.name_en).toEqual(expect.any(String))
      expect([1, 2, 3]).toContain(p.rank)
      expect(isWater(f.geometry.coordinates), String(p.name_zh)).toBe(p.kind === 'water')
    }
    const zh = labels.features.map((f) => f.properties.name_zh)
    for (const name of ['珠江', '沙面', '二沙岛', '海心沙', '海珠区', '越秀区', '天河区', '琶洲', '白鹅潭']) {
      expect(zh).toContain(name)
    }
  })
})

describe('course', () => {
  it('runs west → east from White Swan Pool to just past Pazhou Pagoda', () => {
    const first = course[0]!
    const last = course[course.length - 1]!
    expect(first[0]).toBeCloseTo(113.2338, 3)
    expect(first[1]).toBeCloseTo(23.103, 3)
    expect(last[0]).toBeGreaterThan(113.370278)
    expect(last[0]).toBeLessThan(113.38)
  })

  it('stays on the water, at least 30 m from the banks, at every vertex and every 20 m', () => {
    const samples = samplePolyline(course, 20)
    expect(samples.length).toBeGreaterThan(course.length)
    for (const p of [...course, ...samples]) {
      expect(isWater(p), p.join(',')).toBe(true)
      expect(toBank(p), p.join(',')).toBeGreaterThanOrEqual(30)
    }
  })

  it('has a vertex at least every 300 m', () => {
    for (let i = 1; i < course.length; i++) {
      expect(samplePolyline([course[i - 1]!, course[i]!], 300).length, `segment ${i}`).toBe(2)
    }
  })

  it('passes south of Ersha Island and between Haixinsha and Canton Tower', () => {
    const latAt = (lng: number): number => {
      const i = course.findIndex((p) => p[0] >= lng)
      const a = course[i - 1]!
      const b = course[i]!
      return a[1] + ((b[1] - a[1]) * (lng - a[0])) / (b[0] - a[0])
    }
    expect(latAt(113.3)).toBeLessThan(23.11)
    expect(latAt(113.31943)).toBeGreaterThan(23.10899)
    expect(latAt(113.31943)).toBeLessThan(23.11415)
  })

  it('is the course in route.json (rerun the basemap build after editing course.geojson)', () => {
    const file = join(PACK, 'route.json')
    if (!existsSync(file)) return
    const route = read<{ course?: LngLat[] }>(file)
    expect(route.course).toEqual(course.map((p) => p.map((v) => Math.round(v * 1e6) / 1e6)))
  })
})
