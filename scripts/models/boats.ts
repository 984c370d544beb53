/** River boats shared by several sites. */

import { Matrix4 } from 'three'

import { block, hull, polyline } from './geometry'
import { type Geoms, type Vec3 } from './model'

export interface BoatParts {
  hull: Geoms
  cabin: Geoms
  glass: Geoms
  led: Geoms
}

/** River cruise boat along X (bow toward +X) with lit window bands and an LED outline on the hull. */
export function cruiseBoat(length: number, beam: number, decks: number): BoatParts {
  const L = length / 2
  const B = beam / 2
  const h = 1.6
  const deckOutline: Vec3[] = [
    [-L, h, -B],
    [L - beam, h, -B],
    [L, h, 0],
    [L - beam, h, B],
    [-L, h, B],
  ]
  const parts: BoatParts = {
    hull: [
      hull([
        ...deckOutline,
        [-L + 1, -0.8, -B * 0.8],
        [L - beam - 1, -0.8, -B * 0.8],
        [L - 2, -0.8, 0],
        [L - beam - 1, -0.8, B * 0.8],
        [-L + 1, -0.8, B * 0.8],
      ]),
    ],
    cabin: [],
    glass: [],
    led: polyline(deckOutline, 0.12, true),
  }
  let y = h
  let cl = length * 0.7
  let cb = beam * 0.82
  for (let d = 0; d < decks; d++) {
    const cx = -L + 1.5 + cl / 2
    parts.cabin.push(block(cl, 2.6, cb, cx, y, 0))
    parts.glass.push(block(cl + 0.12, 1.3, cb + 0.12, cx, y + 0.8, 0))
    parts.cabin.push(block(cl + 0.6, 0.2, cb + 0.6, cx, y + 2.6, 0))
    y += 2.8
    cl *= 0.72
    cb *= 0.95
  }
  // Wheelhouse on top, toward the bow.
  parts.cabin.push(block(3, 2, beam * 0.5, -L + 1.5 + cl * 1.1, y, 0))
  parts.glass.push(block(3.1, 0.8, beam * 0.5 + 0.1, -L + 1.5 + cl * 1.1, y + 0.9, 0))
  return parts
}

/** Applies the same turn and move to every geometry of a boat. */
export function placeBoat(parts: BoatParts, x: number, y: number, z: number, rotY: number): BoatParts {
  const m = new Matrix4().makeRotationY(rotY).setPosition(x, y, z)
  for (const list of Object.values(parts) as Geoms[]) for (const g of list) g.applyMatrix4(m)
  return parts
}
