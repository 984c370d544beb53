import { IcosahedronGeometry, PlaneGeometry } from 'three'

import { seeded } from '../seeded-random'
import { streetRow } from './city'
import { wallsOf, windows } from './facade'
import { block, extrudePlan, place, prism } from './geometry'
import { createModel, type Geoms, type Model, type XZ } from './model'
import { signText } from './sign'

/**
 * Oi Kwan Building (爱群大厦). Facts used (LANDMARKS.md §6): 64 m, 15 storeys, on a triangular plot on the Changdi
 * riverfront (Yangcheng Evening News 2021-07-27; 65 m in 梁绵昌), a "slim and elegant art deco-ish" tower (SCMP).
 * From photographs: vertical ribs running up every face, an arcade (骑楼) over the pavement at street level, the
 * wedge of the plot ending in a narrow rounded corner toward the river, the top stepping back in tiers to a slim
 * crown and a flagpole, the hotel's red neon name 爱群大酒店 on the roof; the four- to six-storey blocks of the old
 * waterfront either side.
 */
export async function buildOiKwanBuilding(): Promise<Model> {
  const { model, add } = createModel({
    stone: { color: 0xc4c4be, roughness: 0.85, flood: 0.34 },
    lit: { color: 0xfff0c8, emissive: 0xffc870, strength: 1.4 },
    dark: { color: 0x1c222a, metallic: 0.3, roughness: 0.25 },
    rib: { color: 0xf0f0ea, roughness: 0.85, flood: 0.5 },
    crown: { color: 0xfff6e0, emissive: 0xfff0d0, strength: 2.2 },
    flag: { color: 0xc01010, roughness: 0.8, flood: 0.6, doubleSided: true },
    mast: { color: 0x9aa0a6, metallic: 0.8, roughness: 0.4 },
    beacon: { color: 0x400000, emissive: 0xff2a1a, strength: 4 },
    sign: { color: 0x600000, emissive: 0xff3a24, strength: 3.4, doubleSided: true },
    neighbour: { color: 0xb8a88a, roughness: 0.9, flood: 0.32 },
  })
  const rng = seeded(7)
  // Triangular plot between two roads meeting at an acute angle toward the river: its narrow corner rounded and
  // turned toward the water and the viewer, the two long faces running back from it, a short back wall.
  const corner = Array.from({ length: 7 }, (_, k): XZ => {
    // A quadratic curve from one long face to the other, its control point where the faces would meet.
    const t = k / 6
    const [a, c, b] = [
      [9.2, 12.8],
      [6.47, 19.54],
      [1.4, 15.6],
    ] as const
    const u = 1 - t
    return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]
  })
  const plot: XZ[] = [[-16, -14], [16, -14], [16, -4], ...corner, [-16, 2]]
  const cx = 0
  const cz = -2
  const scaled = (s: number): XZ[] => plot.map(([x, z]) => [cx + (x - cx) * s, cz + (z - cz) * s])
  const tiers = [
    { plan: scaled(1), y: 5.4, storeys: 9, first: 3.6 },
    { plan: scaled(0.64), y: 37.8, storeys: 3, first: 3.6 },
    { plan: scaled(0.42), y: 48.6, storeys: 2, first: 3.6 },
  ]
  const lit: Geoms = []
  const dark: Geoms = []
  for (const { plan, y, storeys, first } of tiers) {
    const h = first + (storeys - 1) * 3.6
    add(
      'stone',
      extrudePlan(plan, y, h),
      extrudePlan(
        plan.map(([x, z]) => [cx + (x - cx) * 1.02, cz + (z - cz) * 1.02] as XZ),
        y + h,
        0.9,
      ),
    )
    for (const wall of wallsOf(plan)) {
      if (Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1]) < 3) continue
      windows(
        wall,
        {
          y: y + first - 3.6,
          storeys: storeys,
          storeyH: 3.6,
          bay: 2.6,
          paneW: 1.5,
          paneH: 3,
          sill: 0.3,
          lit: 0.45,
          rng,
          margin: 0.6,
        },
        lit,
        dark,
      )
      // Art-deco ribs: piers running the full tier height between bays, standing well proud of the wall.
      const len = Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1])
      const n = Math.max(1, Math.floor((len - 1.2) / 2.6))
      const rotY = Math.atan2(wall.out[0], wall.out[1])
      for (let k = 0; k <= n; k++) {
        const t = (0.6 + (k * (len - 1.2)) / n) / len
        const px = wall.a[0] + (wall.b[0] - wall.a[0]) * t + wall.out[0] * 0.4
        const pz = wall.a[1] + (wall.b[1] - wall.a[1]) * t + wall.out[1] * 0.4
        add('rib', block(0.8, h + 0.9, 0.8, px, y, pz, rotY))
      }
    }
  }
  // Arcade (骑楼) at street level: the upper floors stand on columns over a covered walk, lit shops behind.
  const shops = plot.map(([x, z]) => [cx + (x - cx) * 0.84, cz + (z - cz) * 0.84] as XZ)
  add('lit', extrudePlan(shops, 0, 5.4))
  add('rib', extrudePlan(scaled(1.01), 4.6, 0.8))
  for (const wall of wallsOf(plot)) {
    const len = Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1])
    if (len < 3) continue
    const n = Math.max(1, Math.round(len / 4))
    for (let k = 0; k <= n; k++) {
      const t = (0.4 + (k * (len - 0.8)) / n) / len
      const px = wall.a[0] + (wall.b[0] - wall.a[0]) * t - wall.out[0] * 0.4
      const pz = wall.a[1] + (wall.b[1] - wall.a[1]) * t - wall.out[1] * 0.4
      add('rib', block(0.9, 4.6, 0.9, px, 0, pz))
    }
  }
  add('lit', ...lit)
  add('dark', ...dark)
  // The slim crown, set well back: a lantern storey ringed with light and a stepped cap.
  add('stone', extrudePlan(scaled(0.24), 56.1, 3.2))
  add('crown', extrudePlan(scaled(0.26), 57.2, 0.6))
  add('stone', prism(1.4, 0.5, 1.8, 8, cx, 59.3, cz))
  // The red neon name, 爱群大酒店, standing on the main block's roof in front of the upper tiers, facing the river
  // across the rounded corner.
  const face = Math.atan2(6.47 - cx, 19.54 - cz)
  const signAt = 16.5
  add(
    'sign',
    place(
      (await signText('爱群大酒店', { height: 3.8, pixels: 64 })).rotateY(face),
      cx + signAt * Math.sin(face),
      40.2,
      cz + signAt * Math.cos(face),
    ),
  )
  // The rooftop flagpole and its flag.
  add('mast', prism(0.16, 0.08, 8, 6, cx, 61.1, cz))
  add('flag', place(new PlaneGeometry(2.6, 1.7), cx + 1.35, 67.9, cz, 0.5))
  add('beacon', place(new IcosahedronGeometry(0.25, 0), cx, 69.1, cz))
  // Its arcaded neighbours on the old waterfront, four to six storeys: it still stands head and shoulders above them.
  const street = { walls: [] as Geoms, lit: [] as Geoms, dark: [] as Geoms }
  const rowRng = seeded(71)
  streetRow({ x0: -62, x1: -18, z: 12, storeys: [4, 6], depth: 22, lit: 0.5, arcade: true }, rowRng, street)
  streetRow({ x0: 22, x1: 62, z: 8, storeys: [4, 6], depth: 22, lit: 0.5, arcade: true }, rowRng, street)
  add('neighbour', ...street.walls)
  add('lit', ...street.lit)
  add('dark', ...street.dark)
  // From the river toward its narrow corner, the two ribbed faces either side of it, over the arcade.
  model.overview = { azimuth: 18, elevation: 10, focus: { min: [-34, 0, -20], max: [34, 70, 20] } }
  return model
}
