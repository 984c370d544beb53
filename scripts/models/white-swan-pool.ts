import { IcosahedronGeometry, Matrix4 } from 'three'

import { WATER_LEVEL } from '../../src/scene/site-layout'
import { seeded } from '../seeded-random'
import { cruiseBoat, placeBoat } from './boats'
import { wallsOf, windows } from './facade'
import { block, hull, place, rod } from './geometry'
import { createModel, type Geoms, type Model, type XZ } from './model'

/** White Swan Pool: cruise boats and a dragon boat on the wide river, the White Swan Hotel slab on the bank. */
export function buildWhiteSwanPool(): Model {
  const { model, add } = createModel({
    hotel: { color: 0xd9dcdc, roughness: 0.8, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffd08a, strength: 1.3 },
    dark: { color: 0x1a2028, metallic: 0.3, roughness: 0.3 },
    boatHull: { color: 0xe8e8e4, roughness: 0.6, flood: 0.4 },
    cabin: { color: 0x2a3a4a, roughness: 0.6, flood: 0.3 },
    led: { color: 0x301040, emissive: 0xc050ff, strength: 3 },
    dragon: { color: 0xc02a1c, roughness: 0.6, flood: 0.45 },
    gold: { color: 0xe0b040, metallic: 0.7, roughness: 0.35, emissive: 0x806010, strength: 1.2 },
    lantern: { color: 0x602010, emissive: 0xff7a2a, strength: 3 },
  })
  const rng = seeded(17)
  // Hotel slab (illustrative height) on the bank behind the pool, its long face to the water.
  const hx = 30
  const hz = -108
  const hw = 110
  const hd = 17
  const storeys = 28
  add(
    'hotel',
    block(hw, 4 + storeys * 3.2 + 2, hd, hx, 0, hz),
    block(hw * 0.35, 6, hd * 0.8, hx, 4 + storeys * 3.2 + 2, hz),
  )
  const lit: Geoms = []
  const dark: Geoms = []
  const plan: XZ[] = [
    [hx - hw / 2, hz + hd / 2],
    [hx + hw / 2, hz + hd / 2],
    [hx + hw / 2, hz - hd / 2],
    [hx - hw / 2, hz - hd / 2],
  ]
  for (const wall of wallsOf(plan)) {
    windows(
      wall,
      { y: 4, storeys, storeyH: 3.2, bay: 3.6, paneW: 3, paneH: 1.9, sill: 0.7, lit: 0.7, rng, margin: 1 },
      lit,
      dark,
    )
  }
  add('lit', ...lit)
  add('dark', ...dark)
  add('lantern', block(30, 3, 0.4, hx, 4 + storeys * 3.2 + 3, hz + hd * 0.4 + 0.3)) // rooftop sign
  // Cruise boats.
  for (const [x, z, rot] of [
    [-45, -10, 0.15],
    [50, 30, Math.PI - 0.1],
  ] as const) {
    const b = placeBoat(cruiseBoat(38, 9, 2), x, WATER_LEVEL, z, rot)
    add('boatHull', ...b.hull)
    add('cabin', ...b.cabin)
    add('lit', ...b.glass)
    add('led', ...b.led)
  }
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
  const dm = new Matrix4().makeRotationY(-0.3).setPosition(-15, WATER_LEVEL, 55)
  for (const list of Object.values(dragon)) for (const g of list) g.applyMatrix4(dm)
  add('dragon', ...dragon.hull)
  add('gold', ...dragon.gold)
  add('cabin', ...dragon.crew)
  add('lantern', ...dragon.lanterns)
  // The hotel's bank: its front edge a promenade's width before the slab, the pool in front of it.
  model.riverBanks = [{ x: 0, z: hz + hd / 2 + 10, facing: 0 }]
  return model
}
