import { IcosahedronGeometry } from 'three'

import { arch, flat, place, prism, quads, rod } from './geometry'
import type { Geoms, MaterialSpec, Vec3 } from './model'

/**
 * The pagoda's floodlit materials. The lamps round its foot light its weathered brick warm; each of the eight faces takes the
 * light at its own angle, so the octagon reads: the faces toward the river and the north-east brightest.
 */
export const PAGODA_MATERIALS: Record<
  'lit' | 'side' | 'shade' | 'corner' | 'eave' | 'corbel' | 'opening' | 'finial',
  MaterialSpec
> = {
  lit: { color: 0xd09a62, roughness: 0.95, flood: 0.85 },
  side: { color: 0xa87650, roughness: 0.95, flood: 0.62 },
  shade: { color: 0x6e4c36, roughness: 0.95, flood: 0.42 },
  corner: { color: 0x7e3e2a, roughness: 0.9, flood: 0.5 },
  eave: { color: 0x3a3028, roughness: 0.95, flood: 0.3 },
  corbel: { color: 0x9a7050, roughness: 0.95, flood: 0.5 },
  opening: { color: 0x14100c, roughness: 1, emissive: 0x3a2410, strength: 1 },
  finial: { color: 0x6a6258, roughness: 0.9, flood: 0.5 },
}

/** Where the floodlights stand strongest: toward the river and the north-east (a unit vector in X, Z). */
const KEY: readonly [number, number] = [Math.sin(Math.PI / 4), Math.cos(Math.PI / 4)]

/**
 * The octagonal shaft from y0: nine storeys tapering from 11.4 m across at the foot (the documented base is 12.7 m; narrower here so that it
 * reads slender from afar) to about 6.3 m under the roof,
 * each wall leaning in, red posts at the corners, a shallow corbelled eave at each storey, an arched opening on
 * alternate faces (with `detail`), the roof and the finial. By material; `top` is the lightning rod's tip.
 */
export function pagodaShaft(
  y0: number,
  detail: boolean,
): Record<keyof typeof PAGODA_MATERIALS, Geoms> & { top: number } {
  const parts: Record<keyof typeof PAGODA_MATERIALS, Geoms> = {
    lit: [],
    side: [],
    shade: [],
    corner: [],
    eave: [],
    corbel: [],
    opening: [],
    finial: [],
  }
  const sides = 8
  const oct = { faceZ: true, flat: true }
  const half = Math.PI / sides
  const storeys = 9
  let y = y0
  for (let i = 0; i < storeys; i++) {
    // Apothems: the walls lean in within a storey and step in again at the next.
    const r0 = 5.7 - i * 0.3
    const r1 = r0 - 0.14
    const h = 6.1 - 0.25 * i
    const wallH = h - 1.5
    const at = (a: number, r: number, yy: number): Vec3 => {
      const R = r / Math.cos(half)
      return [R * Math.sin(a), yy, R * Math.cos(a)]
    }
    for (let k = 0; k < sides; k++) {
      const a = k * 2 * half
      const face = quads([
        [at(a - half, r0, y), at(a + half, r0, y), at(a + half, r1, y + wallH), at(a - half, r1, y + wallH)],
      ])
      const light = Math.sin(a) * KEY[0] + Math.cos(a) * KEY[1]
      parts[light > 0.6 ? 'lit' : light > -0.3 ? 'side' : 'shade'].push(face)
      parts.corner.push(rod(at(a - half, r0 + 0.08, y), at(a - half, r1 + 0.08, y + wallH), 0.28, 4))
      if (detail && (k + i) % 2 === 0) {
        const ap = (r0 + r1) / 2 + 0.12
        parts.opening.push(place(arch(1.3, 2.5), ap * Math.sin(a), y + 0.9, ap * Math.cos(a), a))
      }
    }
    // The corbelled eave: courses of brick stepping out, then a slab reaching 1.25 m past the wall.
    let cy = y + wallH
    for (let c = 0; c < 4; c++) {
      const rc = (r1 + 0.12 + c * 0.24) / Math.cos(half)
      parts.corbel.push(prism(rc, rc, 0.28, sides, 0, cy, 0, oct))
      cy += 0.28
    }
    const re = (r1 + 1.25) / Math.cos(half)
    parts.eave.push(prism(re, re - 0.2, 0.38, sides, 0, cy, 0, oct))
    y += h
  }
  parts.eave.push(prism(4.6, 0.5, 2.6, sides, 0, y - 0.2, 0, oct))
  // The recast iron finial: stacked basins on a mast that runs on up as a tall, thin lightning rod.
  parts.finial.push(prism(0.3, 0.2, 3, 6, 0, y + 1.5, 0), prism(0.12, 0.03, 6, 5, 0, y + 4.5, 0))
  parts.finial.push(
    place(flat(new IcosahedronGeometry(0.9, 0)).scale(1, 0.55, 1), 0, y + 2.7, 0),
    place(flat(new IcosahedronGeometry(0.7, 0)).scale(1, 0.55, 1), 0, y + 3.6, 0),
    place(flat(new IcosahedronGeometry(0.45, 0)), 0, y + 4.5, 0),
  )
  return { ...parts, top: y + 10.5 }
}
