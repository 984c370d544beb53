import { courseGeometry, pointAlong, projectOnCourse } from '@/route/course'
import type { LngLat } from '@/route/geo'
import { routeExtent } from '@/route/geo-extent'
import type { Route } from '@/route/schema'

/**
 * The arithmetic of the still map: the same Web Mercator view MapLibre would show (512-pixel world at zoom 0,
 * north up, no pitch), so the live map opens exactly where the still one was. The choice of view is here too,
 * for both maps.
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

/** The longitude and latitude of a point on the Mercator world square (the inverse of `mercator`). */
export function fromMercator([x, y]: [number, number]): [number, number] {
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

/** Pixels around the whole course in the overview (the live map's `fitBounds` padding). */
export const OVERVIEW_PADDING = 24

/**
 * Pixels kept between the edge of the visible map and the stop or the river point framed with it: room for the
 * stop's circle above the attribution line, and for some water on both sides of the course.
 */
export const STOP_PADDING = 40

/**
 * The view of an open stop. `coveredTop` pixels at the top of the view are hidden under what is laid over the
 * map (a phone's position panel); the rest is the visible map.
 *
 * The stop's own centre and zoom when the stop and the boat's course are both in sight there (`STOP_PADDING`
 * clear of the visible map's edges). Otherwise (a stop far from the water would show only streets, and the
 * visitor would lose the river) the view frames the stop and the nearest point of the course in the visible map,
 * zoomed out no further than that needs.
 */
export function stopCamera(
  stop: { position: LngLat; zoom: number },
  course: readonly LngLat[],
  width: number,
  height: number,
  coveredTop = 0,
): MapCamera {
  const own = { center: stop.position, zoom: stop.zoom }
  const visibleHeight = height - coveredTop
  // A view not yet measured (or all covered) has no room to frame anything in.
  if (width <= 2 * STOP_PADDING || visibleHeight <= 2 * STOP_PADDING) return own
  const geometry = courseGeometry(course)
  const river = pointAlong(geometry, course, projectOnCourse(geometry, stop.position).along).position
  const project = projector(own, width, height)
  const inSight = ([x, y]: [number, number]) =>
    x >= STOP_PADDING &&
    x <= width - STOP_PADDING &&
    y >= coveredTop + STOP_PADDING &&
    y <= height - STOP_PADDING
  if (inSight(project(stop.position)) && inSight(project(river))) return own
  const [west, north] = mercator([Math.min(stop.position[0], river[0]), Math.max(stop.position[1], river[1])])
  const [east, south] = mercator([Math.max(stop.position[0], river[0]), Math.min(stop.position[1], river[1])])
  const scale = Math.min(
    (width - 2 * STOP_PADDING) / (TILE * Math.max(east - west, 1e-12)),
    (visibleHeight - 2 * STOP_PADDING) / (TILE * Math.max(south - north, 1e-12)),
  )
  const zoom = Math.min(stop.zoom, MAX_ZOOM, Math.log2(scale))
  // The pair is centred in the visible map, which is `coveredTop / 2` pixels below the middle of the view.
  const shift = coveredTop / 2 / (TILE * 2 ** zoom)
  return { center: fromMercator([(west + east) / 2, (north + south) / 2 - shift]), zoom }
}

/**
 * The view of the map: the open stop with the river in sight (`coveredTop`: see `stopCamera`), or the whole
 * course when none is open.
 */
export function mapCamera(
  route: Route,
  stopId: string | null,
  width: number,
  height: number,
  coveredTop = 0,
): MapCamera {
  const stop = route.stops.find((s) => s.id === stopId)
  return stop
    ? stopCamera(stop, route.course, width, height, coveredTop)
    : fitCamera(routeExtent(route), width, height, OVERVIEW_PADDING)
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

/** A box on screen in pixels: left, top, right, bottom. */
export type Box = readonly [number, number, number, number]

/** Where a label sits against its point: on it, or beside it (MapLibre's `text-variable-anchor`, inverted). */
export type LabelSide = 'center' | 'right' | 'left' | 'below' | 'above'

/**
 * A name to place: its point in pixels, text and size; earlier labels win (list them by rank). `sides`: where it
 * may go, tried in turn, `offset` pixels from the point (beside a stop's circle); by default on the point.
 */
export interface LabelCandidate {
  x: number
  y: number
  text: string
  size: number
  sides?: readonly LabelSide[]
  offset?: number
  /** Other points the label may be drawn at, tried in turn after (x, y): a line's name goes where it fits. */
  alternatives?: readonly (readonly [number, number])[]
}

/** Rough width of a text: Chinese characters are square, Latin letters about 0.6 of the size. */
function textWidth(text: string, size: number): number {
  let width = 0
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff]/.test(char) ? size : size * 0.6
  return width
}

const overlaps = (a: Box, b: Box) => !(a[2] <= b[0] || a[0] >= b[2] || a[3] <= b[1] || a[1] >= b[3])

/**
 * The labels that fit, each with the centre it is drawn at: dropped when every place allowed for it would overlap
 * a label already placed or an obstacle (a stop's circle), or leave the view, as MapLibre's
 * `text-allow-overlap: false` does.
 */
export function placeLabels<T extends LabelCandidate>(
  candidates: readonly T[],
  width: number,
  height: number,
  obstacles: readonly Box[] = [],
): (T & { cx: number; cy: number })[] {
  const taken: Box[] = [...obstacles]
  const placed: (T & { cx: number; cy: number })[] = []
  for (const label of candidates) {
    const half = textWidth(label.text, label.size) / 2 + 2
    const halfHeight = label.size / 2 + 2
    const offset = label.offset ?? 0
    const spot = (x: number, y: number) => {
      for (const side of label.sides ?? ['center']) {
        const cx = side === 'right' ? x + offset + half : side === 'left' ? x - offset - half : x
        const cy = side === 'below' ? y + offset + halfHeight : side === 'above' ? y - offset - halfHeight : y
        const box: Box = [cx - half, cy - halfHeight, cx + half, cy + halfHeight]
        const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height
        if (inside && taken.every((b) => !overlaps(box, b))) return { box, cx, cy }
      }
      return undefined
    }
    for (const [x, y] of [[label.x, label.y] as const, ...(label.alternatives ?? [])]) {
      const found = spot(x, y)
      if (!found) continue
      taken.push(found.box)
      placed.push({ ...label, cx: found.cx, cy: found.cy })
      break
    }
  }
  return placed
}

/**
 * The basemap history features drawn with a stop open, as the live map's `historyFilter`: those tied to no stop,
 * and those whose `stop` property names the open one.
 */
export function historyShown<T extends { properties: Record<string, unknown> | null }>(
  features: readonly T[],
  stopId: string | null,
): T[] {
  return features.filter((f) => {
    const stop = f.properties?.stop
    return stop === undefined || stop === stopId
  })
}

/**
 * Where along a drawn line (in pixels) its name may go, best first: points every `step` pixels along it, the
 * nearest the view's centre first (the live map follows the line itself).
 */
export function namePointsAlong(
  line: readonly (readonly [number, number])[],
  step: number,
  centre: readonly [number, number],
): [number, number][] {
  const points: [number, number][] = []
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1]!
    const [x1, y1] = line[i]!
    const length = Math.hypot(x1 - x0, y1 - y0)
    for (let along = 0; along < length; along += step) {
      const t = along / length
      points.push([x0 + (x1 - x0) * t, y0 + (y1 - y0) * t])
    }
  }
  const distance = ([x, y]: [number, number]) => Math.hypot(x - centre[0], y - centre[1])
  return points.sort((a, b) => distance(a) - distance(b))
}
