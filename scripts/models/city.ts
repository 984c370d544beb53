/** A city street behind or around a landmark: rows of plain blocks with lit windows, the neighbours it stands among. */

import { PlaneGeometry } from 'three'

import { block, place } from './geometry'
import type { Geoms } from './model'

/** Where a row of blocks goes and how tall they are. */
export interface StreetRow {
  /** From west to east along X. */
  x0: number
  x1: number
  /** The row's front line; its blocks face +Z (or -Z when `facing` is -1). */
  z: number
  facing?: 1 | -1
  storeys: [min: number, max: number]
  depth?: number
  /** Share of windows lit. */
  lit?: number
  /** An arcade (骑楼) over the pavement: the upper storeys carried on piers, lit shopfronts set back under them. */
  arcade?: boolean
}

/** The geometries of a street row, by the material each belongs to. */
export interface StreetParts {
  walls: Geoms
  lit: Geoms
  dark: Geoms
}

/**
 * A row of blocks of 12–26 m frontage and the given storeys (3.4 m each), windows on the street face in bays of
 * 3.2 m, over an arcade when `arcade`: the low-rise city of arcaded streets and later blocks along the old waterfront.
 */
export function streetRow(row: StreetRow, rng: () => number, parts: StreetParts): void {
  const facing = row.facing ?? 1
  const depth = row.depth ?? 16
  const storeyH = 3.4
  let x = row.x0
  while (x < row.x1 - 6) {
    const w = Math.min(row.x1 - x, 12 + rng() * 14)
    const storeys = Math.round(row.storeys[0] + rng() * (row.storeys[1] - row.storeys[0]))
    const h = storeys * storeyH
    const cx = x + w / 2
    const bays = Math.max(1, Math.floor((w - 2) / 3.2))
    if (row.arcade) {
      const back = 3
      parts.walls.push(
        block(w - 0.6, h - storeyH, depth, cx, storeyH, row.z - (facing * depth) / 2),
        block(w - 0.6, storeyH, depth - back, cx, 0, row.z - facing * (back + (depth - back) / 2)),
      )
      for (let k = 0; k <= bays; k++)
        parts.walls.push(block(0.7, storeyH, 0.7, x + 0.6 + (k * (w - 1.8)) / bays, 0, row.z - facing * 0.35))
      parts.lit.push(
        place(
          new PlaneGeometry(w - 1.2, storeyH - 1),
          cx,
          (storeyH - 1) / 2,
          row.z - facing * (back - 0.05),
          facing === 1 ? 0 : Math.PI,
        ),
      )
    } else {
      parts.walls.push(block(w - 0.6, h, depth, cx, 0, row.z - (facing * depth) / 2))
    }
    for (let s = row.arcade ? 1 : 0; s < storeys; s++) {
      for (let k = 0; k < bays; k++) {
        const px = x + 1 + ((k + 0.5) * (w - 2)) / bays
        const pane = place(
          new PlaneGeometry(1.6, 2),
          px,
          s * storeyH + 1.6,
          row.z + facing * 0.05,
          facing === 1 ? 0 : Math.PI,
        )
        ;(rng() < (row.lit ?? 0.55) ? parts.lit : parts.dark).push(pane)
      }
    }
    x += w
  }
}
