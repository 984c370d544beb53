import { BufferGeometry, IcosahedronGeometry, Matrix4, PlaneGeometry } from 'three'

import { WATER_LEVEL } from '../../src/scene/site-layout'
import { seeded } from '../seeded-random'
import { cruiseBoat, placeBoat } from './boats'
import { block, hipRoof, hull, place, rod } from './geometry'
import { createModel, type Geoms, type Model } from './model'
import { TREE_CROWN, TREE_TRUNK } from './palette'
import { signText } from './sign'
import { banyan } from './street'

/**
 * White Swan Pool and the White Swan Hotel (白天鹅宾馆) at the south-west tip of Shamian, seen from the pool.
 * Facts used: the hotel is 100 m high, opened 6 Feb 1983, on Shamian Island overlooking the Pearl River and facing
 * White Swan Pool (en.wikipedia "White Swan Hotel", read 2026-12-07; its text says 28 storeys, its infobox 33,
 * SCMP 2015-07-26 says 34); it "sits against neat rows of European-style houses at the tip of Shamian Island"
 * (SCMP, 2015-07-26). The pool is where the river splits into the front and back channels (LANDMARKS.md §2).
 * From photographs: a long white slab whose every floor is a continuous white balcony band over dark glass,
 * its end bays a few floors lower, on a low podium along the water, with its name in red on the roof. The length
 * (about 120 m) is estimated from photographs against the 100 m height.
 */
export async function buildWhiteSwanPool(): Promise<Model> {
  const { model, add } = createModel({
    bands: { color: 0xf2f2ee, roughness: 0.8, flood: 0.45 },
    glass: { color: 0x1a2230, metallic: 0.3, roughness: 0.3, emissive: 0x202838, strength: 1 },
    lit: { color: 0xfff0c8, emissive: 0xffd08a, strength: 1.3 },
    podium: { color: 0xe4e2da, roughness: 0.85, flood: 0.35 },
    sign: { color: 0x600000, emissive: 0xff0a00, strength: 1.6 },
    stucco: { color: 0xecd59a, roughness: 0.9, flood: 0.4 },
    roof: { color: 0x8a4430, roughness: 0.85, flood: 0.3 },
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
    boatHull: { color: 0xe8e8e4, roughness: 0.6, flood: 0.4 },
    cabin: { color: 0x2a3a4a, roughness: 0.6, flood: 0.3 },
    led: { color: 0x301040, emissive: 0xc050ff, strength: 3 },
    dragon: { color: 0xc02a1c, roughness: 0.6, flood: 0.45 },
    gold: { color: 0xe0b040, metallic: 0.7, roughness: 0.35, emissive: 0x806010, strength: 1.2 },
    lantern: { color: 0x602010, emissive: 0xff7a2a, strength: 3 },
  })
  const rng = seeded(17)
  const floorH = 3
  const depth = 20
  const zc = -42 // the slab's centre line
  // The slab turns its long face a little toward the pool's east side, as at the island's tip.
  const turn = (g: BufferGeometry) => g.translate(0, 0, -zc).rotateY(0.3).translate(0, 0, zc)
  const tower = (key: 'bands' | 'glass' | 'lit' | 'sign', ...gs: BufferGeometry[]) =>
    add(key, ...gs.map(turn))
  // The slab in bays from west to east: full height nearly to its ends, only the end bays a few floors lower, so
  // that it reads as one long, flat-topped slab.
  const bays = [
    { x0: -78, x1: -66, floors: 29 },
    { x0: -66, x1: 66, floors: 33 },
    { x0: 66, x1: 78, floors: 29 },
  ]
  for (const { x0, x1, floors } of bays) {
    const len = x1 - x0
    const x = (x0 + x1) / 2
    const h = floors * floorH
    tower('glass', block(len, h, depth, x, 0, zc))
    // A continuous white balcony band at every floor, wrapping the slab.
    for (let f = 1; f <= floors; f++)
      tower('bands', block(len + 0.01, 1.1, depth + 3, x, f * floorH - 1.1, zc))
    tower('bands', block(len, 1.8, depth + 3, x, h, zc))
    // Lit rooms in long runs between the bands, on both long faces.
    for (let f = 4; f < floors; f++) {
      for (const side of [1, -1]) {
        for (let cx = x0; cx < x1 - 0.1; cx += 6) {
          if (rng() < 0.78) continue
          tower(
            'lit',
            place(
              new PlaneGeometry(5.6, floorH - 1.3),
              cx + 3,
              f * floorH + (floorH - 1.1) / 2,
              zc + side * (depth / 2 + 0.05),
              side === 1 ? 0 : Math.PI,
            ),
          )
        }
      }
    }
  }
  // Roof: plant room and the red name sign (five characters, 白天鹅宾馆) facing the river.
  const roofY = 33 * floorH + 1.8
  tower('bands', block(34, 5, 10, 0, roofY, zc))
  tower('sign', (await signText('白天鹅宾馆', { height: 6.4 })).translate(0, roofY + 8.6, zc + 4.3))
  tower('bands', block(36, 0.6, 1, 0, roofY + 5, zc + 4))
  // Podium along the water: three floors of lit glass under a white roof terrace.
  const podiumFront = zc + depth / 2 + 26
  add('podium', block(180, 1.2, 36, 0, 12, podiumFront - 18), block(180, 1, 36, 0, 0, podiumFront - 18))
  add('lit', block(178, 10.8, 35, 0, 1, podiumFront - 18.2))
  for (let x = -88; x <= 88; x += 8) add('podium', block(0.8, 10.8, 0.8, x, 1, podiumFront))
  // Shamian behind it to the east: verandaed villas with hipped roofs under banyans.
  for (const [vx, vz] of [
    [110, -18],
    [136, -36],
    [112, -60],
  ] as const) {
    add('stucco', block(20, 9, 14, vx, 0, vz))
    add('roof', hipRoof(21.6, 15.6, 4.2, vx, 9, vz))
    for (let k = 0; k < 4; k++)
      add('lit', place(new PlaneGeometry(1.6, 2.4), vx - 7 + k * 4.6, 5.6, vz + 7.05))
  }
  for (const [bx, bz, h, r] of [
    [-88, podiumFront + 3, 10, 7],
    [95, podiumFront + 2, 11, 8],
    [102, podiumFront - 8, 12, 8],
    [126, -2, 12, 9],
    [152, -20, 11, 8],
    [94, -44, 13, 9],
  ] as const) {
    const t = banyan(bx, bz, h, r)
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  // On the pool: a cruise boat and a dragon boat.
  const b = placeBoat(cruiseBoat(38, 9, 2), 40, WATER_LEVEL, podiumFront + 40, Math.PI - 0.12)
  add('boatHull', ...b.hull)
  add('cabin', ...b.cabin)
  add('lit', ...b.glass)
  add('led', ...b.led)
  // Dragon boat: long narrow red hull, dragon head and tail, paddlers, lanterns.
  const dragon = { hull: [] as Geoms, gold: [] as Geoms, crew: [] as Geoms, lanterns: [] as Geoms }
  dragon.hull.push(
    hull([
      [-9, 0.7, -0.8],
      [8, 0.7, -0.8],
      [9.5, 0.9, 0],
      [8, 0.7, 0.8],
      [-9, 0.7, 0.8],
      [-8, -0.3, 0],
      [7, -0.3, 0],
    ]),
  )
  dragon.gold.push(
    rod([9.2, 0.8, 0], [10.4, 2.4, 0], 0.25),
    hull([
      [10.1, 2.1, -0.35],
      [10.1, 2.1, 0.35],
      [11.6, 2.3, 0],
      [10.3, 2.9, 0],
      [10.2, 2.4, 0],
    ]),
  )
  dragon.gold.push(rod([-8.8, 0.8, 0], [-10, 2, 0], 0.15))
  for (let k = 0; k < 10; k++) {
    for (const s of [-0.45, 0.45]) dragon.crew.push(block(0.4, 0.8, 0.35, -6.5 + k * 1.4, 0.7, s))
  }
  for (let k = 0; k < 5; k++)
    dragon.lanterns.push(place(new IcosahedronGeometry(0.45, 0), -7 + k * 3.5, 2.4, 0))
  for (let k = 0; k < 5; k++) dragon.gold.push(rod([-7 + k * 3.5, 0.7, 0], [-7 + k * 3.5, 2.1, 0], 0.05, 3))
  const dm = new Matrix4().makeRotationY(-0.3).setPosition(-35, WATER_LEVEL, podiumFront + 26)
  for (const list of Object.values(dragon)) for (const g of list) g.applyMatrix4(dm)
  add('dragon', ...dragon.hull)
  add('gold', ...dragon.gold)
  add('cabin', ...dragon.crew)
  add('lantern', ...dragon.lanterns)
  // The bank's edge a promenade's width before the podium, the pool in front of it.
  model.riverBanks = [{ x: 0, z: podiumFront + 10, facing: 0 }]
  // Low over the pool, nearly square to the long face, so that the run of balcony bands and the roof sign read,
  // Shamian's villas and banyans beside it.
  model.overview = { azimuth: 22, elevation: 8 }
  return model
}
