/** Street furniture shared by several sites: trees and lamps along avenues and quays. */

import { BufferGeometry, IcosahedronGeometry } from 'three'

import { flat, place, prism } from './geometry'

/** Round tree: a trunk and a faceted crown. */
export function tree(
  x: number,
  z: number,
  h: number,
  r: number,
): { trunk: BufferGeometry; crown: BufferGeometry } {
  const crown = new IcosahedronGeometry(r, 1).scale(1, 0.85, 1)
  return { trunk: prism(0.3, 0.25, h - r * 0.6, 5, x, 0, z), crown: place(flat(crown), x, h, z) }
}

/** Street lamp: a post and a glowing globe. */
export function lamp(
  x: number,
  z: number,
  h: number,
  y = 0,
): { post: BufferGeometry; light: BufferGeometry } {
  return {
    post: prism(0.12, 0.09, h, 5, x, y, z),
    light: place(new IcosahedronGeometry(0.5, 1), x, y + h + 0.3, z),
  }
}

/** Banyan: a short thick trunk under a wide, low, spreading crown (the old trees of Shamian and the waterfront). */
export function banyan(
  x: number,
  z: number,
  h: number,
  r: number,
): { trunk: BufferGeometry; crown: BufferGeometry } {
  const crown = new IcosahedronGeometry(r, 1).scale(1.25, 0.55, 1.1)
  return { trunk: prism(0.9, 0.6, h - r * 0.3, 6, x, 0, z), crown: place(flat(crown), x, h, z) }
}
