import { IcosahedronGeometry } from 'three'

import { band, block, place, prism, rod } from './geometry'
import { createModel, type Model, type Vec3 } from './model'

/**
 * Canton Tower (广州塔). Facts used (LANDMARKS.md §13): 454 m tower and 146 m antenna, 600 m in all; two ellipses,
 * at the base and at 450 m, rotated against each other, twist the lattice into a dense waist that opens again at
 * the top (Arup); grey columns, darker rings, dark-grey core; 46 LED rings; 16 crystal cabins round the roof rim.
 * The ellipses' sizes (80 × 60 m at the base, 54 × 40.5 m at the top) are estimated from photographs; a quarter
 * turn of twist makes the straight columns between them pinch to a waist of about 28 × 17 m near 260 m, as slim
 * against the base as the photographs show.
 */
export function buildCantonTower(): Model {
  const { model, add } = createModel({
    steel: { color: 0x8a929c, metallic: 0.6, roughness: 0.45, emissive: 0x9088a8, strength: 0.15 },
    core: { color: 0x2a2d33, metallic: 0.2, roughness: 0.8 },
    ledMagenta: { color: 0x301028, emissive: 0xff2fb4, strength: 2.5, doubleSided: true },
    ledBlue: { color: 0x101830, emissive: 0x3a78ff, strength: 2.5, doubleSided: true },
    glass: { color: 0x202830, metallic: 0.1, roughness: 0.2, emissive: 0xcfe4ff, strength: 1.6 },
    beacon: { color: 0x400000, emissive: 0xff2a1a, strength: 6 },
  })
  const columns = 24
  const topY = 450
  const twist = Math.PI / 2 // columns lean this far round: a waist of about 28 × 17 m near 260 m
  const turn = Math.PI / 4 // top ellipse rotated 45° against the base ellipse
  const bottom = (i: number): Vec3 => {
    const a = (2 * Math.PI * i) / columns
    return [40 * Math.cos(a), 0, 30 * Math.sin(a)]
  }
  const top = (i: number): Vec3 => {
    const a = (2 * Math.PI * i) / columns + twist
    const x = 27 * Math.cos(a)
    const z = 20.25 * Math.sin(a)
    return [x * Math.cos(turn) - z * Math.sin(turn), topY, x * Math.sin(turn) + z * Math.cos(turn)]
  }
  const at = (i: number, y: number): Vec3 => {
    const a = bottom(i)
    const b = top(i)
    const t = y / topY
    return [a[0] + (b[0] - a[0]) * t, y, a[2] + (b[2] - a[2]) * t]
  }
  for (let i = 0; i < columns; i++) add('steel', rod(bottom(i), top(i), 1.3, 6))
  // 46 LED rings, as on the real tower.
  for (let r = 0; r < 46; r++) {
    const y = 6 + (r * (topY - 12)) / 45
    // Just outside the columns, so the ring reads as one line rather than dashes between them.
    const ring = Array.from({ length: columns }, (_, i): Vec3 => {
      const [x, , z] = at(i, y)
      const k = 1 + 1.6 / Math.hypot(x, z)
      return [x * k, y, z * k]
    })
    add(r % 2 === 0 ? 'ledMagenta' : 'ledBlue', band(ring, 4))
  }
  // Elliptical core, 14 × 17 m.
  add('core', prism(1, 1, topY + 4, 20, 0, 0, 0, { open: false }).scale(7, 1, 8.5))
  // Top: deck ring with lit glass, crystal cars, mast and beacon.
  const deck = (r: number, h: number, y: number) =>
    prism(1, 1, h, 24, 0, 0, 0)
      .scale(27 * r, 1, 20.25 * r)
      .rotateY(-turn)
      .translate(0, y, 0)
  add('core', deck(1.02, 2, topY - 2), deck(0.9, 1, topY + 8))
  add('glass', deck(0.96, 8, topY))
  for (let k = 0; k < 16; k++) {
    const a = (2 * Math.PI * k) / 16
    const x = 28.5 * Math.cos(a)
    const z = 21.75 * Math.sin(a)
    add(
      'glass',
      block(
        2.6,
        2.6,
        2.6,
        x * Math.cos(turn) - z * Math.sin(turn),
        topY + 10,
        x * Math.sin(turn) + z * Math.cos(turn),
      ),
    )
  }
  add('steel', prism(4.5, 0.7, 146, 8, 0, 454, 0))
  for (let k = 0; k < 5; k++) add('ledBlue', prism(3.9 - k * 0.7, 3.8 - k * 0.7, 1.5, 8, 0, 470 + k * 25, 0))
  add(
    'beacon',
    place(new IcosahedronGeometry(1.2, 1), 0, 599, 0),
    place(new IcosahedronGeometry(1, 0), 0, 455, 0),
  )
  return model
}
