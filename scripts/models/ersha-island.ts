import { seeded } from '../seeded-random'
import { block, polyline, quads, rod, surface } from './geometry'
import { createModel, type Model, type Vec3 } from './model'
import { TREE_CROWN, TREE_TRUNK } from './palette'
import { tree } from './street'

/** Ersha Island: Xinghai Concert Hall's hyperbolic-paraboloid roof over lit glass walls, on a low base among trees. */
export function buildErshaIsland(): Model {
  const { model, add } = createModel({
    roof: { color: 0xc4ccd2, roughness: 0.6, metallic: 0.2, flood: 0.35, doubleSided: true },
    base: { color: 0xcfc9bd, roughness: 0.9, flood: 0.3 },
    glass: { color: 0x302818, roughness: 0.1, emissive: 0xf0c890, strength: 0.85, doubleSided: true },
    edge: { color: 0xe0f0ff, emissive: 0xd8ecff, strength: 2.5 },
    lawn: { color: 0x24402a, roughness: 1, flood: 0.2 },
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
  })
  add('lawn', block(190, 0.3, 150, 0, -0.3, 0))
  add('base', block(100, 4, 84, 0, 0, 0))
  // A hypar is a bilinear patch through four corners that are not coplanar: two high, two low.
  const baseY = 4
  const c00: Vec3 = [-52, 26, 0] // west, raised
  const c10: Vec3 = [0, 10, 44] // south, low (river side)
  const c11: Vec3 = [58, 46, 0] // east, soaring like a raised piano lid
  const c01: Vec3 = [0, 10, -44] // north, low
  const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
    a[2] + (b[2] - a[2]) * t,
  ]
  const roofAt = (u: number, v: number): Vec3 => lerp3(lerp3(c00, c10, u), lerp3(c01, c11, u), v)
  add('roof', surface(18, 18, roofAt))
  // Glass walls hang under each roof edge, stepped in from it, down to the base.
  const n = 12
  const edges: Array<(t: number) => Vec3> = [
    (t) => roofAt(t, 0),
    (t) => roofAt(1, t),
    (t) => roofAt(1 - t, 1),
    (t) => roofAt(0, 1 - t),
  ]
  const glass: Array<[Vec3, Vec3, Vec3, Vec3]> = []
  for (const edge of edges) {
    const pts = Array.from({ length: n + 1 }, (_, k) => edge(k / n))
    add('edge', ...polyline(pts, 0.35))
    const inset = pts.map(([x, y, z]): Vec3 => [x * 0.86, y - 0.6, z * 0.86])
    for (let k = 0; k < n; k++) {
      const a = inset[k]!
      const b = inset[k + 1]!
      glass.push([[a[0], baseY, a[2]], [b[0], baseY, b[2]], b, a])
      add('edge', rod([a[0], baseY, a[2]], a, 0.15, 3))
    }
  }
  add('glass', quads(glass))
  add(
    'edge',
    ...polyline(
      [c00, c10, c11, c01]
        .map(([x, y, z]): Vec3 => [x * 0.86, y - 0.6, z * 0.86])
        .map(([x, , z]): Vec3 => [x, baseY + 0.2, z]),
      0.25,
      true,
    ),
  )
  const rng = seeded(23)
  for (let k = 0; k < 22; k++) {
    const a = (k / 22) * 2 * Math.PI + rng() * 0.1
    const t = tree(
      78 * Math.cos(a) + (rng() - 0.5) * 6,
      62 * Math.sin(a) + (rng() - 0.5) * 5,
      8 + rng() * 3,
      3.5 + rng() * 1.5,
    )
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  return model
}
