import { toPointer } from './problem'
import type { DomainProblem, ValidationContext } from './validation-types'

type Path = (string | number)[]
type Pair = [number, number]
type Bounds = [Pair, Pair]

/** The geometry types each basemap layer draws: anything else is not drawn at all. */
const LAYER_GEOMETRIES: Record<string, readonly string[]> = {
  water: ['Polygon', 'MultiPolygon'],
  banks: ['LineString', 'MultiLineString'],
  bridges: ['LineString', 'MultiLineString'],
  history: ['LineString', 'MultiLineString'],
  labels: ['Point', 'MultiPoint'],
}
/** Problems listed per basemap file at most: one wrong export repeats the same mistake in every feature. */
const MAX_BASEMAP_PROBLEMS = 5

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
export const isPair = (value: unknown): value is Pair =>
  Array.isArray(value) && value.length === 2 && value.every(isNumber)
/** A GeoJSON position: longitude, latitude and an optional altitude. */
const isPosition = (value: unknown): value is Pair =>
  Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every(isNumber)
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

const inside = ([x, y]: Pair, [[west, south], [east, north]]: Bounds) =>
  x >= west && x <= east && y >= south && y <= north

/** The bounds grown by their own size (at least a degree) on every side: what counts as near the route. */
function nearby([[west, south], [east, north]]: Bounds): Bounds {
  const margin = Math.max(1, east - west, north - south)
  return [
    [west - margin, south - margin],
    [east + margin, north + margin],
  ]
}

/**
 * Whether a pair reads as [latitude, longitude]: its first number can be a latitude, and swapped it lands in the
 * bounds (or near them) while as written it does not.
 */
export function looksSwapped([x, y]: readonly number[], bounds: Bounds | null): boolean {
  if (x === undefined || y === undefined || Math.abs(x) > 90 || Math.abs(y) > 180) return false
  const pair: Pair = [x, y]
  const swapped: Pair = [y, x]
  if (!bounds) return Math.abs(y) > 90
  if (inside(swapped, bounds) && !inside(pair, bounds)) return true
  const near = nearby(bounds)
  return inside(swapped, near) && !inside(pair, near)
}

/** The hint a swapped pair gets, wherever it is reported. */
export const swapHint = ([x, y]: readonly number[]) =>
  `check [longitude, latitude] order: it looks swapped, did you mean [${y}, ${x}]?`

/** The route's bounds when they read as two [longitude, latitude] corners in the right order. */
export function readBounds(value: unknown): Bounds | null {
  const bounds = isRecord(value) ? value.bounds : undefined
  if (!Array.isArray(bounds) || bounds.length !== 2 || !bounds.every(isPair)) return null
  const [[west, south], [east, north]] = bounds as Bounds
  return west < east && south < north ? (bounds as Bounds) : null
}

/**
 * The checks of places and files, run on the parsed value as far as it can be read, so they are reported with
 * the schema's errors rather than after them: every coordinate within the bounds (with a hint when it looks
 * swapped), every file the route names present, and the basemap files' contents. Paths in `skip` (JSON
 * pointers) already have a schema error and are not checked again.
 */
export function packProblems(
  value: unknown,
  ctx: ValidationContext,
  skip: ReadonlySet<string> = new Set(),
): DomainProblem[] {
  const problems: DomainProblem[] = []
  const skipped = (path: Path) => {
    const pointer = toPointer(path)
    for (const s of skip) if (pointer === s || pointer.startsWith(`${s}/`)) return true
    return false
  }
  const add = (path: Path, message: string) => {
    if (!skipped(path)) problems.push({ severity: 'error', path, message })
  }
  if (!isRecord(value)) return problems
  const bounds = readBounds(value)
  const boundsText = bounds && `[[${bounds[0].join(', ')}], [${bounds[1].join(', ')}]]`

  const checkPlace = (place: unknown, path: Path, what: string) => {
    if (!bounds || !isPair(place) || inside(place, bounds)) return
    const fix = looksSwapped(place, bounds) ? swapHint(place) : 'move it inside them, or widen "bounds"'
    add(path, `${what} is outside the route's bounds ${boundsText}: ${fix}`)
  }
  const checkAsset = (file: unknown, path: Path) => {
    if (typeof file !== 'string' || !ctx.assetExists || skipped(path)) return false
    if (ctx.assetExists(file)) return true
    add(path, `file not found: "${file}" (paths are relative to the folder of route.json)`)
    return false
  }

  const map = isRecord(value.map) ? value.map : {}
  checkPlace(map.center, ['map', 'center'], 'the map centre')
  const basemap = isRecord(map.basemap) ? map.basemap : {}
  for (const [layer, file] of Object.entries(basemap)) {
    const path = ['map', 'basemap', layer]
    if (checkAsset(file, path) && typeof file === 'string' && ctx.readText) {
      const text = ctx.readText(file)
      if (text !== undefined)
        for (const message of basemapProblems(file, layer, text, bounds)) add(path, message)
    }
  }
  const intro = isRecord(value.introduction) ? value.introduction : {}
  asArray(intro.piers).forEach((pier, i) => {
    const id = isRecord(pier) && typeof pier.id === 'string' ? `"${pier.id}"` : `${i + 1}`
    checkPlace(isRecord(pier) && pier.position, ['introduction', 'piers', i, 'position'], `pier ${id}`)
  })
  asArray(value.course).forEach((point, i) => checkPlace(point, ['course', i], 'course point'))
  asArray(value.stops).forEach((stop, i) => {
    if (!isRecord(stop)) return
    const at = ['stops', i]
    const id = typeof stop.id === 'string' ? `"${stop.id}"` : `${i + 1}`
    checkPlace(stop.position, [...at, 'position'], `stop ${id}`)
    const model = isRecord(stop.model) ? stop.model : {}
    checkAsset(model.src, [...at, 'model', 'src'])
    checkAsset(model.poster, [...at, 'model', 'poster'])
    const narration = isRecord(stop.narration) ? stop.narration : {}
    for (const [lang, track] of Object.entries(narration)) {
      if (!isRecord(track)) continue
      asArray(track.audio).forEach((file, j) => checkAsset(file, [...at, 'narration', lang, 'audio', j]))
      checkAsset(track.captions, [...at, 'narration', lang, 'captions'])
    }
  })
  return problems
}

/** What is wrong with a basemap file's contents: not JSON, not a FeatureCollection, geometry it cannot draw. */
export function basemapProblems(file: string, layer: string, text: string, bounds: Bounds | null): string[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return [`${file} is not valid JSON (${(error as Error).message}): export the layer again as GeoJSON`]
  }
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return [
      `${file} is not a GeoJSON FeatureCollection: it must read {"type": "FeatureCollection", "features": [...]}`,
    ]
  }
  const allowed = LAYER_GEOMETRIES[layer]
  const problems: string[] = []
  for (const [i, feature] of json.features.entries()) {
    if (problems.length >= MAX_BASEMAP_PROBLEMS) break
    const geometry = isRecord(feature) && isRecord(feature.geometry) ? feature.geometry : null
    const type = typeof geometry?.type === 'string' ? geometry.type : 'no geometry'
    if (allowed && !allowed.includes(type)) {
      problems.push(
        `${file}, feature ${i}: a ${type}, but the "${layer}" layer draws ${allowed.join(' or ')}: ` +
          `move it to the right layer's file, or remove it`,
      )
      continue
    }
    const bad = positions(geometry?.coordinates).find(
      (p) => !isPosition(p) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90 || looksSwapped(p, bounds),
    )
    if (bad === undefined) continue
    problems.push(
      isPosition(bad) && looksSwapped(bad, bounds)
        ? `${file}, feature ${i}: [${bad.join(', ')}] is far from the route; GeoJSON is [longitude, latitude]: ${swapHint(bad)}`
        : `${file}, feature ${i}: ${JSON.stringify(bad)} is not a [longitude, latitude] position`,
    )
  }
  return problems
}

/** Every position in a GeoJSON coordinates array, at any depth (a position is an array of numbers). */
function positions(coordinates: unknown): unknown[] {
  if (!Array.isArray(coordinates)) return [coordinates]
  if (coordinates.length > 0 && coordinates.every((c) => !Array.isArray(c))) return [coordinates]
  return coordinates.flatMap(positions)
}

/** Every file the route names (basemap, models, posters, narration), as far as the value reads, in file order. */
export function namedFiles(value: unknown): string[] {
  const files = new Set<string>()
  packProblems(value, { assetExists: (path) => (files.add(path), true) })
  return [...files]
}
