import type { LngLat } from '@/route/geo'

/**
 * The arithmetic of the still map: the same Web Mercator view MapLibre would show (512-pixel world at zoom 0,
 * north up, no pitch), so the live map opens exactly where the still one was.
 */

/** A map view: its centre and zoom, as MapLibre's `jumpTo` takes them. */
export interface MapCamera {
  center: LngLat
  zoom: number
}

/** MapLibre's world is 512 pixels wide at zoom 0. */
const TILE = 512
const MAX_ZOOM = 22

/** Where a point lies on the Mercator world square, 0…1 from west and from north. */
export function mercator([lng, lat]: LngLat): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180)
  return [(lng + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)]
}

function fromMercator([x, y]: [number, number]): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI
  return [x * 360 - 180, lat]
}

/** The camera `fitBounds` with this padding picks for a box in a viewport of `width` × `height` pixels. */
export function fitCamera(
  [southWest, northEast]: readonly [LngLat, LngLat],
  width: number,
  height: number,
  padding: number,
): MapCamera {
  const [west, south] = mercator(southWest)
  const [east, north] = mercator(northEast)
  const scale = Math.min(
    Math.max(width - 2 * padding, 1) / (TILE * Math.max(east - west, 1e-12)),
    Math.max(height - 2 * padding, 1) / (TILE * Math.max(south - north, 1e-12)),
  )
  return {
    center: fromMercator([(west + east) / 2, (north + south) / 2]),
    zoom: Math.min(MAX_ZOOM, Math.max(0, Math.log2(scale))),
  }
}

/** A function from longitude/latitude to pixels of a `width` × `height` view of `camera`. */
export function projector(camera: MapCamera, width: number, height: number): (p: LngLat) => [number, number] {
  const size = TILE * 2 ** camera.zoom
  const [cx, cy] = mercator(camera.center)
  return (p) => {
    const [x, y] = mercator(p)
    return [(x - cx) * size + width / 2, (y - cy) * size + height / 2]
  }
}

/** An SVG path through the points (one decimal of a pixel is finer than any screen shows). */
export function pathOf(points: readonly LngLat[], project: (p: LngLat) => [number, number], close = false) {
  const d = points
    .map((p, i) => {
      const [x, y] = project(p)
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`
    })
    .join('')
  return close ? `${d}Z` : d
}

/** A place name to place: its anchor in pixels, text and size; earlier labels win (list them by rank). */
export interface LabelCandidate {
  x: number
  y: number
  text: string
  size: number
}

/** Rough width of a text: Chinese characters are square, Latin letters about 0.6 of the size. */
function textWidth(text: string, size: number): number {
  let width = 0
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff]/.test(char) ? size : size * 0.6
  return width
}

/**
 * The labels that fit: each centred on its point, dropped when its box would overlap one already placed or
 * leave the view, as MapLibre's `text-allow-overlap: false` does.
 */
export function placeLabels<T extends LabelCandidate>(
  candidates: readonly T[],
  width: number,
  height: number,
): T[] {
  const placed: { box: [number, number, number, number]; label: T }[] = []
  for (const label of candidates) {
    const half = textWidth(label.text, label.size) / 2 + 2
    const box: [number, number, number, number] = [
      label.x - half,
      label.y - label.size / 2 - 2,
      label.x + half,
      label.y + label.size / 2 + 2,
    ]
    const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height
    const clear = placed.every(
      ({ box: b }) => box[2] <= b[0] || box[0] >= b[2] || box[3] <= b[1] || box[1] >= b[3],
    )
    if (inside && clear) placed.push({ box, label })
  }
  return placed.map((p) => p.label)
}
