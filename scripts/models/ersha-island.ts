import { seeded } from '../seeded-random'
import { block, polyline, quads, rod, surface } from './geometry'
import { createModel, type Model, type Vec3 } from './model'
import { LAMP_LIGHT, TREE_CROWN, TREE_TRUNK } from './palette'
import { lamp, tree } from './street'

/**
 * Ersha Island: Xinghai Concert Hall (星海音乐厅) on its waterfront. Facts used (LANDMARKS.md §10): a
 * hyperbolic-paraboloid concrete shell, likened to a swan taking off or a grand piano with its lid raised, the
 * Guangdong Museum of Art next door to the east, the main channel to the south. Its grey-green concrete and, from photographs: one smooth
 * saddle over glass walls, one corner soaring to a high tip toward the river at the south-east, the opposite corner
 * raised less and the other two low, the lower main building behind it, on a terrace among lawns and trees along the water, the lit foyer behind the glass. The size (about 110 × 88 m) is estimated from photographs.
 */
export function buildErshaIsland(): Model {
  const { model, add } = createModel({
    roof: { color: 0x8ea498, roughness: 0.5, flood: 0.6, doubleSided: true },
    ribs: { color: 0x3a4048, roughness: 0.6, flood: 0.2 },
    base: { color: 0xcfc9bd, roughness: 0.9, flood: 0.3 },
    glass: { color: 0x1a2838, roughness: 0.1, emissive: 0x8ab8e0, strength: 0.8, doubleSided: true },
    foyer: { color: 0x302818, emissive: 0xffd8a0, strength: 1.2 },
    promenade: { color: 0x8a867c, roughness: 0.95, flood: 0.25 },
    lampLight: LAMP_LIGHT,
    edge: { color: 0xe0f0ff, emissive: 0xd8ecff, strength: 2.5 },
    museum: { color: 0x7a766e, roughness: 0.9, flood: 0.25 },
    mass: { color: 0x8c8c84, roughness: 0.9, flood: 0.32 },
    lawn: { color: 0x24402a, roughness: 1, flood: 0.2 },
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
  })
  add('lawn', block(220, 0.3, 130, 15, -0.3, -5))
  const baseY = 3
  add('base', block(124, baseY, 100, 0, 0, 0))
  // The saddle, a hyperbolic paraboloid y = c + a·p·q over a squarish plan whose corners lie on the diagonals (p, q
  // the plan's coordinates over its half-axes): two opposite corners rise, the south-east one toward the river
  // soaring to a sharp tip (a steeper term there), the north-west one less; the other two come down low.
  const A = 56
  const B = 44
  const heightAt = (x: number, z: number) => {
    const p = x / A
    const q = z / B
    return 15 + 13 * p * q + 16 * Math.max(0, (p + q) / 2) ** 3
  }
  const plan = (r: number, theta: number): [number, number] => {
    const c = Math.cos(theta)
    const s = Math.sin(theta)
    return [A * r * Math.sign(c) * Math.abs(c) ** 0.6, B * r * Math.sign(s) * Math.abs(s) ** 0.6]
  }
  const roofAt = (u: number, v: number): Vec3 => {
    const [x, z] = plan(u, v * 2 * Math.PI)
    return [x, heightAt(x, z), z]
  }
  add('roof', surface(10, 64, roofAt))
  // The lit edge, and the glass walls hanging under it, set back, down to the terrace.
  const n = 64
  const rim = Array.from({ length: n }, (_, k) => roofAt(1, k / n))
  add('edge', ...polyline(rim, 0.4, true))
  const glass: Array<[Vec3, Vec3, Vec3, Vec3]> = []
  const inner = Array.from({ length: n }, (_, k): Vec3 => {
    const [x, z] = plan(0.9, (k / n) * 2 * Math.PI)
    return [x, heightAt(x, z) - 0.4, z]
  })
  for (let k = 0; k < n; k++) {
    const a = inner[k]!
    const b = inner[(k + 1) % n]!
    glass.push([[a[0], baseY, a[2]], [b[0], baseY, b[2]], b, a])
    if (k % 2 === 0) add('ribs', rod([a[0], baseY, a[2]], a, 0.18, 3))
  }
  add('glass', quads(glass))
  // The lit foyer seen through the glass, a band along the ground floor.
  add(
    'foyer',
    quads(
      inner.map((a, k): [Vec3, Vec3, Vec3, Vec3] => {
        const b = inner[(k + 1) % n]!
        const [ia, ib] = [a, b].map((p): Vec3 => [p[0] * 0.97, baseY, p[2] * 0.97])
        return [ia!, ib!, [ib![0], baseY + 5, ib![2]], [ia![0], baseY + 5, ia![2]]]
      }),
    ),
  )
  // The Ersha waterfront in front: a promenade with its lamps along the main channel.
  add('promenade', block(240, 0.2, 10, 15, 0, 62))
  for (let x = -100; x <= 130; x += 14) {
    const l = lamp(x, 66, 4.5)
    add('ribs', l.post)
    add('lampLight', l.light)
  }
  // The hall's lower main building behind the shell: the stage house and back-of-house in grey concrete, lit
  // windows in bands.
  add('mass', block(80, 16, 34, -12, 0, -58), block(44, 22, 26, 8, 0, -50))
  for (let f = 0; f < 3; f++) add('foyer', block(76, 1.2, 0.2, -12, 3 + f * 4.5, -40.9))
  // Guangdong Museum of Art next door, to the east: a low block.
  add('museum', block(34, 12, 30, 104, 0, -30))
  // The waterfront: a row of trees along the promenade, more on the lawns behind.
  const rng = seeded(23)
  for (let x = -92; x <= 116; x += 16) {
    const t = tree(x + (rng() - 0.5) * 4, 56 + (rng() - 0.5) * 3, 8 + rng() * 3, 3.5 + rng() * 1.2)
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  for (let k = 0; k < 10; k++) {
    const t = tree(-95 + k * 24 + (rng() - 0.5) * 8, -62 + (rng() - 0.5) * 8, 9 + rng() * 3, 4 + rng() * 1.5)
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  // Low over the main channel from the south-east, so that the shell rises against the sky, framed on the hall and
  // the waterfront trees before it rather than the whole island's lawns.
  model.overview = {
    azimuth: -8,
    elevation: 7,
    fov: 30,
    focus: { min: [-62, 0, -45], max: [62, 40, 60] },
  }
  return model
}
