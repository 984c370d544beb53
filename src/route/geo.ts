/**
 * Small pure geometry helpers on WGS84 [longitude, latitude] points, shared by the basemap build, its tests and
 * the app. Distances use a local equirectangular projection (good to well under 0.1 % over a few kilometres) or
 * the haversine formula; neither needs a dependency.
 */

/** A WGS84 position in GeoJSON order: [longitude, latitude]. */
export type LngLat = readonly [number, number]

/** A closed or open ring of positions; the closing edge is implied either way. */
export type Ring = readonly LngLat[]

/** Mean Earth radius in metres (IUGG), as used by the haversine formula. */
export const EARTH_RADIUS_M = 6_371_008.8

const RAD = Math.PI / 180

/** Great-circle distance in metres between two lng/lat points (haversine). */
export function distanceMetres(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD
  const dLng = (b[0] - a[0]) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Projects `p` to metres east/north of `origin` (equirectangular; accurate for short distances). */
export function toLocalMetres(p: LngLat, origin: LngLat): [number, number] {
  const kx = EARTH_RADIUS_M * RAD * Math.cos(origin[1] * RAD)
  const ky = EARTH_RADIUS_M * RAD
  return [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * ky]
}

/** The inverse of `toLocalMetres`: the point `east` and `north` metres from `origin`. */
export function fromLocalMetres([east, north]: readonly [number, number], origin: LngLat): [number, number] {
  const kx = EARTH_RADIUS_M * RAD * Math.cos(origin[1] * RAD)
  const ky = EARTH_RADIUS_M * RAD
  return [origin[0] + east / kx, origin[1] + north / ky]
}

/**
 * A circle of `metres` around `center` as a closed GeoJSON ring (the last point is the first), in the same metres
 * as `distanceMetres`, so a trigger's circle on a map is the circle the triggers test.
 */
export function circleRing(center: LngLat, metres: number, steps = 64): [number, number][] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = (2 * Math.PI * (i % steps)) / steps
    return fromLocalMetres([metres * Math.cos(angle), metres * Math.sin(angle)], center)
  })
}

/** Distance in metres from point `p` to the segment `a`–`b`. */
export function distanceToSegmentMetres(p: LngLat, a: LngLat, b: LngLat): number {
  const [ax, ay] = toLocalMetres(a, p)
  const [bx, by] = toLocalMetres(b, p)
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  // Parameter of the foot of the perpendicular from p (the origin), clamped to the segment.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
  return Math.hypot(ax + t * dx, ay + t * dy)
}

/** Distance in metres from `p` to the nearest point of a polyline (Infinity for an empty line). */
export function distanceToLineMetres(p: LngLat, line: readonly LngLat[]): number {
  if (line.length === 1) return distanceMetres(p, line[0] as LngLat)
  let best = Infinity
  for (let i = 1; i < line.length; i++) {
    best = Math.min(best, distanceToSegmentMetres(p, line[i - 1] as LngLat, line[i] as LngLat))
  }
  return best
}

/** Whether `p` lies inside a ring (even-odd rule; points exactly on an edge may go either way). */
export function pointInRing(p: LngLat, ring: Ring): boolean {
  let inside = false
  const n = ring.length
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i] as LngLat
    const [xj, yj] = ring[j] as LngLat
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether `p` lies inside a GeoJSON polygon: inside the outer ring (first) and outside every hole. */
export function pointInPolygon(p: LngLat, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings
  if (!outer || !pointInRing(p, outer)) return false
  return !holes.some((hole) => pointInRing(p, hole))
}

/** Whether `p` lies inside any polygon of a GeoJSON MultiPolygon's coordinates. */
export function pointInMultiPolygon(p: LngLat, polygons: readonly (readonly Ring[])[]): boolean {
  return polygons.some((rings) => pointInPolygon(p, rings))
}

/** Signed area of a ring in square metres: positive when counter-clockwise (the GeoJSON outer-ring order). */
export function ringAreaSquareMetres(ring: Ring): number {
  const origin = ring[0]
  if (!origin) return 0
  let twice = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = toLocalMetres(ring[i] as LngLat, origin)
    const [x2, y2] = toLocalMetres(ring[(i + 1) % ring.length] as LngLat, origin)
    twice += x1 * y2 - x2 * y1
  }
  return twice / 2
}

/** Points every `stepMetres` (or closer) along a polyline, including every vertex and the last point. */
export function samplePolyline(line: readonly LngLat[], stepMetres: number): LngLat[] {
  const first = line[0]
  if (!first) return []
  const out: LngLat[] = [first]
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as LngLat
    const b = line[i] as LngLat
    const steps = Math.max(1, Math.ceil(distanceMetres(a, b) / stepMetres))
    for (let s = 1; s <= steps; s++) {
      const t = s / steps
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t])
    }
  }
  return out
}

/** Length of a polyline in metres. */
export function polylineLengthMetres(line: readonly LngLat[]): number {
  let total = 0
  for (let i = 1; i < line.length; i++) total += distanceMetres(line[i - 1] as LngLat, line[i] as LngLat)
  return total
}
