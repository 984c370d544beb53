/**
 * Builds the embedded night basemap of the Pearl River route pack from the curated geodata in assets/geodata/:
 * water (one polygon with the islands as holes), banks (the water's edge as lines), bridges, labels, and the
 * boat's course in route.json. Run: `npx tsx scripts/build-basemap.ts`. Deterministic: same inputs, same bytes.
 * How each stretch of bank was drawn is documented in assets/geodata/SOURCES.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { format, resolveConfig } from 'prettier'

import {
  distanceToLineMetres,
  distanceToSegmentMetres,
  type LngLat,
  pointInPolygon,
  polylineLengthMetres,
  ringAreaSquareMetres,
  samplePolyline,
  toLocalMetres,
} from '../src/route/geo'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const GEODATA = join(ROOT, 'assets/geodata')
const PACK = join(ROOT, 'routes-data/pearl-river-night')
const OUT = join(PACK, 'basemap')

/** The course must keep at least this far off the banks, all along. */
export const COURSE_MARGIN_M = 30
/** A bridge span's ends must lie this close to a bank line (the OSM spans run ~14 m past the water). */
export const BRIDGE_END_TOLERANCE_M = 60

const ATTRIBUTION_OSM = '© OpenStreetMap contributors (ODbL)'
const ATTRIBUTION_WATER = `${ATTRIBUTION_OSM}; GSHHG, Wessel & Smith (LGPL-3.0); banks between OSM points drawn by the route's curators`

/** The cut lines of the real OSM stretch (way 9763438): its west cut and OSM's own section line at Jiangwan Bridge. */
const OSM_WEST_CUT: [LngLat, LngLat] = [
  [113.244379, 23.109034], // node 335938528, north bank at the Shaji Chong mouth
  [113.243832, 23.106981], // node 76145044, Haizhu side
]
const OSM_EAST_CUT: [LngLat, LngLat] = [
  [113.27327, 23.114109], // south bank at Jiangwan Bridge
  [113.274072, 23.117111], // north bank at Jiangwan Bridge
]

/**
 * The outer ring, water on the left (counter-clockwise): authored pieces by id, and the OSM stretch's two banks.
 * A piece whose `cutBefore` is true is joined to the previous one by a straight cut across the water (map edge),
 * which is not a bank.
 */
const OUTER_ORDER = [
  'west-bank',
  'back-channel-east',
  'osm:south',
  'south-bank-east',
  'north-bank-east',
  'osm:north',
  'north-bank-west',
] as const

/** Names for the islands' bank lines. */
const ISLAND_NAMES: Record<string, { name_zh: string; name_en: string }> = {
  shamian: { name_zh: '沙面', name_en: 'Shamian' },
  ersha: { name_zh: '二沙岛', name_en: 'Ersha Island' },
  haixinsha: { name_zh: '海心沙', name_en: 'Haixinsha' },
}

/** English names of the bridges we are sure of; OSM name → display names. */
const BRIDGE_NAMES: Record<string, { name_zh: string; name_en: string | null }> = {
  海珠桥: { name_zh: '海珠桥', name_en: 'Haizhu Bridge' },
  解放大桥: { name_zh: '解放大桥', name_en: 'Jiefang Bridge' },
  人民桥: { name_zh: '人民桥', name_en: 'Renmin Bridge' },
  江湾大桥: { name_zh: '江湾大桥', name_en: 'Jiangwan Bridge' },
  海印大桥: { name_zh: '海印大桥', name_en: 'Haiyin Bridge' },
  广州大桥: { name_zh: '广州大桥', name_en: 'Guangzhou Bridge' },
  // OSM's name for the widened deck of the same bridge over the main channel.
  广州大桥新桥: { name_zh: '广州大桥', name_en: 'Guangzhou Bridge' },
  猎德大桥: { name_zh: '猎德大桥', name_en: 'Liede Bridge' },
  海心桥: { name_zh: '海心桥', name_en: 'Haixin Bridge' },
  华南大桥: { name_zh: '华南大桥', name_en: 'Huanan Bridge' },
  琶洲大桥: { name_zh: '琶洲大桥', name_en: 'Pazhou Bridge' },
  二沙二桥: { name_zh: '二沙二桥', name_en: null },
  珠江大桥东桥: { name_zh: '珠江大桥东桥', name_en: null },
}

/** Bridges the route's stories name: the build fails if the drawn banks lose any of them. */
const REQUIRED_BRIDGES = [
  '海珠桥',
  '解放大桥',
  '人民桥',
  '江湾大桥',
  '海印大桥',
  '广州大桥',
  '猎德大桥',
  '海心桥',
  '华南大桥',
  '琶洲大桥',
]

type Json = Record<string, unknown>
interface Feature<G> {
  type: 'Feature'
  properties: Record<string, unknown>
  geometry: G
}
interface LineGeom {
  type: 'LineString'
  coordinates: LngLat[]
}
interface PolygonGeom {
  type: 'Polygon'
  coordinates: LngLat[][]
}
interface PointGeom {
  type: 'Point'
  coordinates: LngLat
}
interface Collection<G> {
  type: 'FeatureCollection'
  features: Feature<G>[]
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

const same = (a: LngLat, b: LngLat): boolean => a[0] === b[0] && a[1] === b[1]
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6
const roundPoint = (p: LngLat): LngLat => [round6(p[0]), round6(p[1])]
/** Drops the repeated closing vertex of a ring, if present. */
const open = (ring: LngLat[]): LngLat[] =>
  ring.length > 1 && same(ring[0] as LngLat, ring[ring.length - 1] as LngLat) ? ring.slice(0, -1) : ring
const close = (ring: LngLat[]): LngLat[] => [...ring, ring[0] as LngLat]

/** The OSM stretch's south bank (west → east) and north bank (east → west), without its two cut lines. */
export function osmBanks(ring: LngLat[]): { south: LngLat[]; north: LngLat[] } {
  const r = open(ring)
  const at = (p: LngLat): number => {
    const i = r.findIndex((q) => same(q, p))
    if (i < 0) throw new Error(`OSM stretch: cut vertex ${p.join(',')} not found`)
    return i
  }
  const westN = at(OSM_WEST_CUT[0])
  const westS = at(OSM_WEST_CUT[1])
  const eastS = at(OSM_EAST_CUT[0])
  const eastN = at(OSM_EAST_CUT[1])
  // Walk the ring forwards (it is counter-clockwise: south bank eastwards, then north bank westwards).
  const walk = (from: number, to: number): LngLat[] => {
    const out: LngLat[] = []
    for (let i = from; ; i = (i + 1) % r.length) {
      out.push(r[i] as LngLat)
      if (i === to) return out
    }
  }
  if ((westN + 1) % r.length !== westS || (eastS + 1) % r.length !== eastN)
    throw new Error('OSM stretch: cut vertices are not adjacent in ring order')
  return { south: walk(westS, eastS), north: walk(eastN, westN) }
}

function segmentsIntersect(a: LngLat, b: LngLat, c: LngLat, d: LngLat): boolean {
  const o = (p: LngLat, q: LngLat, r: LngLat): number =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
  const d1 = o(c, d, a)
  const d2 = o(c, d, b)
  const d3 = o(a, b, c)
  const d4 = o(a, b, d)
  return d1 * d2 < 0 && d3 * d4 < 0
}

/** Throws if any two non-adjacent edges of the given closed rings cross. */
export function assertSimple(rings: { id: string; ring: LngLat[] }[]): void {
  const edges: { id: string; i: number; n: number; a: LngLat; b: LngLat }[] = []
  for (const { id, ring } of rings) {
    const r = open(ring)
    r.forEach((a, i) => edges.push({ id, i, n: r.length, a, b: r[(i + 1) % r.length] as LngLat }))
  }
  for (let x = 0; x < edges.length; x++) {
    for (let y = x + 1; y < edges.length; y++) {
      const e = edges[x]!
      const f = edges[y]!
      if (e.id === f.id && (Math.abs(e.i - f.i) <= 1 || Math.abs(e.i - f.i) === e.n - 1)) continue
      if (segmentsIntersect(e.a, e.b, f.a, f.b))
        throw new Error(
          `bank edges cross: ${e.id}#${e.i} (${e.a.join(',')}) and ${f.id}#${f.i} (${f.a.join(',')})`,
        )
    }
  }
}

/** Angle in degrees (0–90) between two segments' directions, in local metres. */
function angleBetween(a: LngLat, b: LngLat, c: LngLat, d: LngLat): number {
  const [ux, uy] = toLocalMetres(b, a)
  const [vx, vy] = toLocalMetres(d, c)
  const cos = Math.abs(ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy))
  return (Math.acos(Math.min(1, cos)) * 180) / Math.PI
}

/** The nearest bank segment to `p`, over all bank lines. */
function nearestBankSegment(p: LngLat, banks: LngLat[][]): { a: LngLat; b: LngLat; d: number } {
  let best = { a: p, b: p, d: Infinity }
  for (const line of banks) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as LngLat
      const b = line[i] as LngLat
      const d = distanceToSegmentMetres(p, a, b)
      if (d < best.d) best = { a, b, d }
    }
  }
  return best
}

function collection<G>(name: string, attribution: string, features: Feature<G>[]): Json {
  return { type: 'FeatureCollection', name, attribution, features }
}

/** Serialises a collection with one feature per line: small, stable, and readable in a diff. */
function serialise(fc: Json): string {
  const { features, ...head } = fc as { features: unknown[] }
  const top = JSON.stringify(head).slice(0, -1)
  return `${top},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
}

function roundGeometry(g: LineGeom | PolygonGeom | PointGeom): LineGeom | PolygonGeom | PointGeom {
  if (g.type === 'Point') return { type: 'Point', coordinates: roundPoint(g.coordinates) }
  if (g.type === 'LineString') return { type: 'LineString', coordinates: g.coordinates.map(roundPoint) }
  return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(roundPoint)) }
}

export interface BasemapBuild {
  water: Json
  banks: Json
  bridges: Json
  labels: Json
  course: LngLat[] | null
  report: string[]
}

/** Builds every layer in memory from assets/geodata (no writes). */
export function buildBasemap(geodata = GEODATA): BasemapBuild {
  const report: string[] = []
  const authored = readJson<Collection<LineGeom | PolygonGeom>>(
    join(geodata, 'pearl_river_banks_authored.geojson'),
  )
  const osm = readJson<Collection<PolygonGeom>>(join(geodata, 'pearl_river_water_oldtown_partial.geojson'))
  const osmRing = osm.features[0]?.geometry.coordinates[0]
  if (!osmRing) throw new Error('pearl_river_water_oldtown_partial.geojson: no polygon')
  const osmChains = osmBanks(osmRing)

  // Outer ring, remembering which edges are cut lines rather than banks.
  const outer: LngLat[] = []
  const cutAt = new Set<number>() // edge (i-1 → i), with index 0 meaning the closing edge
  for (const id of OUTER_ORDER) {
    let pts: LngLat[]
    let cutBefore = false
    if (id === 'osm:south' || id === 'osm:north') {
      pts = id === 'osm:south' ? osmChains.south : osmChains.north
    } else {
      const f = authored.features.find((x) => x.properties.id === id)
      if (!f || f.geometry.type !== 'LineString') throw new Error(`authored banks: no LineString "${id}"`)
      pts = f.geometry.coordinates
      cutBefore = f.properties.cutBefore === true
    }
    if (cutBefore) cutAt.add(outer.length)
    outer.push(...pts)
  }
  if (ringAreaSquareMetres(outer) <= 0)
    throw new Error('outer ring must run counter-clockwise (water on the left)')

  const islands = authored.features.filter((f) => f.properties.role === 'island')
  const holes = islands.map((f) => {
    if (f.geometry.type !== 'Polygon') throw new Error(`island ${String(f.properties.id)}: not a Polygon`)
    const ring = open(f.geometry.coordinates[0] as LngLat[])
    // RFC 7946: holes run clockwise.
    return { id: String(f.properties.id), ring: ringAreaSquareMetres(ring) > 0 ? [...ring].reverse() : ring }
  })
  assertSimple([{ id: 'outer', ring: outer }, ...holes])
  const waterRings = [close(outer), ...holes.map((h) => close(h.ring))].map((r) => r.map(roundPoint))
  for (const h of holes) {
    if (!h.ring.every((p) => pointInPolygon(p, [outer])))
      throw new Error(`island ${h.id} is not inside the water`)
    report.push(
      `island ${h.id}: ${(-ringAreaSquareMetres(h.ring) / 1e6).toFixed(3)} km², ${h.ring.length} vertices`,
    )
  }
  report.push(
    `water outer ring: ${outer.length} vertices, ${(ringAreaSquareMetres(outer) / 1e6).toFixed(2)} km²`,
  )

  const water = collection('pearl_river_water', ATTRIBUTION_WATER, [
    {
      type: 'Feature',
      properties: { name_zh: '珠江', name_en: 'Pearl River', kind: 'river' },
      geometry: { type: 'Polygon', coordinates: waterRings },
    },
  ])

  // Banks: the outer ring split at the cut lines, then each island's shore as a closed line.
  const bankLines: { line: LngLat[]; props: Record<string, unknown> }[] = []
  const n = outer.length
  const firstCut = [...cutAt].sort((a, b) => a - b)[0] ?? 0
  let run: LngLat[] = [outer[firstCut] as LngLat]
  for (let k = 1; k <= n; k++) {
    const i = (firstCut + k) % n
    if (cutAt.has(i)) {
      if (run.length > 1) bankLines.push({ line: run, props: { kind: 'bank' } })
      run = [outer[i] as LngLat]
    } else {
      run.push(outer[i] as LngLat)
    }
  }
  if (run.length > 1) bankLines.push({ line: run, props: { kind: 'bank' } })
  for (const h of holes) {
    bankLines.push({ line: close(h.ring), props: { kind: 'island', id: h.id, ...ISLAND_NAMES[h.id] } })
  }
  const banks = collection(
    'pearl_river_banks',
    ATTRIBUTION_WATER,
    bankLines.map(({ line, props }) => ({
      type: 'Feature' as const,
      properties: props,
      geometry: { type: 'LineString' as const, coordinates: line.map(roundPoint) },
    })),
  )
  const bankGeoms = bankLines.map((b) => b.line)
  report.push(`banks: ${bankLines.length} lines, ${bankGeoms.reduce((s, l) => s + l.length, 0)} vertices`)

  // Bridges: spans that cross the drawn water (midpoint on water, both ends at a bank, crossing it, not along it).
  const spans = readJson<Collection<LineGeom>>(join(geodata, 'bridge_spans.geojson'))
  const bridgeFeatures: Feature<LineGeom>[] = []
  for (const span of spans.features) {
    const c = span.geometry.coordinates
    const a = c[0] as LngLat
    const b = c[c.length - 1] as LngLat
    const mid: LngLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
    const osmName = (span.properties.name_zh as string | null) ?? null
    const label = osmName ?? `(unnamed, ${a.join(',')} → ${b.join(',')})`
    if (!pointInPolygon(mid, waterRings)) continue // creeks and channels outside the drawn river
    const ends = [a, b].map((p) => nearestBankSegment(p, bankGeoms))
    const far = ends.find((e) => e.d > BRIDGE_END_TOLERANCE_M)
    if (far) {
      report.push(`bridge ${label}: skipped, an end is ${far.d.toFixed(0)} m from the banks (a partial span)`)
      continue
    }
    const angles = ends.map((e) => angleBetween(a, b, e.a, e.b))
    if (Math.min(...angles) < 30) {
      report.push(
        `bridge ${label}: skipped, it runs along the bank (${Math.min(...angles).toFixed(0)}°), not across`,
      )
      continue
    }
    const names = osmName ? BRIDGE_NAMES[osmName] : undefined
    if (osmName && !names) throw new Error(`bridge ${osmName}: add it to BRIDGE_NAMES`)
    bridgeFeatures.push({
      type: 'Feature',
      properties: {
        name_zh: names?.name_zh ?? null,
        name_en: names?.name_en ?? null,
        osm_name: osmName,
        structure: span.properties.structure ?? null,
        span_m: Math.round(polylineLengthMetres(c)),
      },
      geometry: { type: 'LineString', coordinates: c.map(roundPoint) },
    })
  }
  const missing = REQUIRED_BRIDGES.filter((z) => !bridgeFeatures.some((f) => f.properties.name_zh === z))
  if (missing.length) throw new Error(`bridges lost by the drawn banks: ${missing.join(', ')}`)
  report.push(`bridges: ${bridgeFeatures.length} spans`)
  const bridges = collection(
    'pearl_river_bridges',
    `${ATTRIBUTION_OSM}, bridge spans via Tsdsj/guangzhou-3d`,
    bridgeFeatures,
  )

  // Labels: water labels must sit on the water, the others on land.
  const labelsIn = readJson<Collection<PointGeom> & { attribution: string }>(
    join(geodata, 'basemap_labels.geojson'),
  )
  for (const f of labelsIn.features) {
    const wet = pointInPolygon(f.geometry.coordinates, waterRings)
    if (wet !== (f.properties.kind === 'water'))
      throw new Error(
        `label ${String(f.properties.name_zh)}: ${wet ? 'on the water' : 'on land'}, kind ${String(f.properties.kind)}`,
      )
    const rank = f.properties.rank
    if (rank !== 1 && rank !== 2 && rank !== 3)
      throw new Error(`label ${String(f.properties.name_zh)}: rank 1–3`)
  }
  const labels = collection(
    'pearl_river_labels',
    labelsIn.attribution,
    labelsIn.features.map((f) => ({ ...f, geometry: roundGeometry(f.geometry) as PointGeom })),
  )
  report.push(`labels: ${labelsIn.features.length} points`)

  // Course: on the water, with a margin, all along.
  let course: LngLat[] | null = null
  const courseFile = join(geodata, 'course.geojson')
  if (existsSync(courseFile)) {
    const fc = readJson<Collection<LineGeom>>(courseFile)
    const line = fc.features[0]?.geometry
    if (!line || line.type !== 'LineString' || line.coordinates.length < 2)
      throw new Error('course.geojson: expected one LineString')
    for (const p of samplePolyline(line.coordinates, 20)) {
      if (!pointInPolygon(p, waterRings)) throw new Error(`course leaves the water at ${p.join(',')}`)
      const d = Math.min(...bankGeoms.map((l) => distanceToLineMetres(p, l)))
      if (d < COURSE_MARGIN_M) throw new Error(`course is ${d.toFixed(0)} m from a bank at ${p.join(',')}`)
    }
    course = line.coordinates.map(roundPoint)
    report.push(`course: ${course.length} vertices, ${(polylineLengthMetres(course) / 1000).toFixed(2)} km`)
  }

  return { water, banks, bridges, labels, course, report }
}

/** Replaces only the "course" key of route.json, keeping key order, formatted as the repository's Prettier does. */
async function rewriteCourse(course: LngLat[]): Promise<string> {
  const file = join(PACK, 'route.json')
  if (!existsSync(file)) return 'route.json not found: course not written (run again once it exists)'
  const route = readJson<Json>(file)
  let next: Json
  if ('course' in route) {
    next = { ...route, course }
  } else {
    // Put a missing course after "map", where the format puts it.
    next = {}
    for (const [k, v] of Object.entries(route)) {
      next[k] = v
      if (k === 'map') next.course = course
    }
    if (!('course' in next)) next.course = course
  }
  const options = (await resolveConfig(file)) ?? {}
  writeFileSync(file, await format(JSON.stringify(next, null, 2), { ...options, parser: 'json' }))
  return `route.json: course rewritten (${course.length} points)`
}

async function main(): Promise<void> {
  const built = buildBasemap()
  mkdirSync(OUT, { recursive: true })
  const files: [string, Json][] = [
    ['water.geojson', built.water],
    ['banks.geojson', built.banks],
    ['bridges.geojson', built.bridges],
    ['labels.geojson', built.labels],
  ]
  for (const [name, fc] of files) {
    const text = serialise(fc)
    writeFileSync(join(OUT, name), text)
    built.report.push(`wrote basemap/${name} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`)
  }
  if (built.course) built.report.push(await rewriteCourse(built.course))
  else built.report.push('assets/geodata/course.geojson not found: course not written')
  console.log(built.report.join('\n'))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
