/** Walls and window grids of a plan polygon. */

import { PlaneGeometry } from 'three'

import { place } from './geometry'
import { type Geoms, type XZ } from './model'

export interface Wall {
  a: XZ
  b: XZ
  /** Unit outward normal in the XZ plane. */
  out: XZ
}

/** Walls of a convex plan polygon, each with its outward normal. */
export function wallsOf(plan: readonly XZ[]): Wall[] {
  const cx = plan.reduce((s, p) => s + p[0], 0) / plan.length
  const cz = plan.reduce((s, p) => s + p[1], 0) / plan.length
  return plan.map((a, i) => {
    const b = plan[(i + 1) % plan.length]!
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    let out: XZ = [(b[1] - a[1]) / len, -(b[0] - a[0]) / len]
    const mx = (a[0] + b[0]) / 2 - cx
    const mz = (a[1] + b[1]) / 2 - cz
    if (out[0] * mx + out[1] * mz < 0) out = [-out[0], -out[1]]
    return { a, b, out }
  })
}

export interface WindowGrid {
  y: number
  storeys: number
  storeyH: number
  /** Target bay width along the wall. */
  bay: number
  paneW: number
  paneH: number
  sill: number
  /** Share of panes that are lit. */
  lit: number
  rng: () => number
  /** Keep this far from the wall ends. */
  margin?: number
}

/** Window panes, storey by storey, on one wall; lit and dark panes go to separate lists. */
export function windows(wall: Wall, grid: WindowGrid, lit: Geoms, dark: Geoms): void {
  const [ax, az] = wall.a
  const [bx, bz] = wall.b
  const len = Math.hypot(bx - ax, bz - az)
  const margin = grid.margin ?? 0
  const usable = len - 2 * margin
  const n = Math.max(1, Math.floor(usable / grid.bay))
  const rotY = Math.atan2(wall.out[0], wall.out[1])
  for (let s = 0; s < grid.storeys; s++) {
    for (let k = 0; k < n; k++) {
      const t = (margin + ((k + 0.5) * usable) / n) / len
      const pane = new PlaneGeometry(grid.paneW, grid.paneH)
      place(
        pane,
        ax + (bx - ax) * t + wall.out[0] * 0.08,
        grid.y + s * grid.storeyH + grid.sill + grid.paneH / 2,
        az + (bz - az) * t + wall.out[1] * 0.08,
        rotY,
      )
      ;(grid.rng() < grid.lit ? lit : dark).push(pane)
    }
  }
}
