import { circleRing } from '@/route/geo'
import type { Route } from '@/route/schema'
import { courseGeometry, pointAlong } from '@/route/course'
import type { PositionState } from '@/tour/position'
import { TRIGGER_RULES } from '@/route/trigger-zones'

/** The "you are here" dot: its map source, heading image and colour (a phone map's usual blue). */
export const YOU_ARE_HERE = {
  source: 'you-are-here',
  image: 'you-are-here-heading',
  colour: '#1e90ff',
} as const

/**
 * Where the boat is heading, in degrees clockwise from north: the device's own heading, else the course's
 * direction where the boat is (reversed when it is going back), once it is clearly moving; null when still.
 */
export function displayedHeading(route: Route, position: PositionState): number | null {
  const own = position.fix?.heading ?? null
  if (own !== null) return own
  const { along, speed, speedSigma } = position.tracking
  if (along === null || Math.abs(speed) - 2 * speedSigma < TRIGGER_RULES.moving) return null
  const { bearing } = pointAlong(courseGeometry(route.course), route.course, along)
  return speed < 0 ? (bearing + 180) % 360 : bearing
}

/** The GeoJSON of the "you are here" source: the accuracy circle and the dot (with its heading), or nothing. */
export function youAreHereData(route: Route, position: PositionState) {
  const fix = position.fix
  if (!fix) return { type: 'FeatureCollection' as const, features: [] }
  const heading = displayedHeading(route, position)
  return {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { kind: 'accuracy' },
        geometry: { type: 'Polygon' as const, coordinates: [circleRing(fix.position, fix.accuracy, 48)] },
      },
      {
        type: 'Feature' as const,
        properties: heading === null ? { kind: 'boat' } : { kind: 'boat', heading },
        geometry: { type: 'Point' as const, coordinates: fix.position },
      },
    ],
  }
}

/**
 * The heading marker: a wedge pointing up (north) just beyond the dot, as RGBA pixels for `map.addImage` (drawn
 * here, so the map needs no sprite file). Anti-aliased by 4×4 supersampling.
 */
export function headingImage(size = 96): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4)
  const c = size / 2
  // Tip, then the two back corners, in pixels from the top-left; the dot (radius ~10 of the map's pixels, 20 of
  // these at pixel ratio 2) sits in the middle and hides the wedge's base.
  const tip: [number, number] = [c, c - size * 0.48]
  const left: [number, number] = [c - size * 0.16, c - size * 0.12]
  const right: [number, number] = [c + size * 0.16, c - size * 0.12]
  const side = (p: [number, number], a: [number, number], b: [number, number]) =>
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
  const inside = (p: [number, number]) =>
    side(p, tip, right) >= 0 && side(p, right, left) >= 0 && side(p, left, tip) >= 0
  const [r, g, b] = [0x1e, 0x90, 0xff]
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inside([x + (sx + 0.5) / 4, y + (sy + 0.5) / 4])) hits++
      const i = (y * size + x) * 4
      data.set([r, g, b, Math.round((hits / 16) * 255)], i)
    }
  }
  return { width: size, height: size, data }
}
