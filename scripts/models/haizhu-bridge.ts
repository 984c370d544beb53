import { WATER_LEVEL } from '../../src/scene/site-layout'
import { IcosahedronGeometry } from 'three'

import { seeded } from '../seeded-random'
import { streetRow } from './city'
import { block, flat, hull, place, polyline, rod } from './geometry'
import { createModel, type Geoms, type Model, type Vec3 } from './model'
import { LAMP_LIGHT, TREE_CROWN, TREE_TRUNK } from './palette'
import { signText } from './sign'
import { lamp, tree } from './street'

/**
 * Haizhu Bridge: 183 m deck along X on three steel truss spans (67 + 49 + 67 m) with period lamps. Facts used
 * (LANDMARKS.md §7): two bow-shaped 67 m side spans and a 49 m centre span (冯沛祖); main bridge 182.9 m
 * (haizhu.gov.cn); riveted steel, 1930s-style lamps, Hu Hanmin's "海珠桥" restored on the truss (Life of
 * Guangzhou 2013-08-30; guangzhou.3158.cn); it runs from Haizhu Square on the north bank to Jiangnan Avenue
 * (en.wikipedia "Haizhu Bridge"), Yanjiang Road's 24 lit façades along the north bank (中新经纬 2021-09-29).
 */
export async function buildHaizhuBridge(): Promise<Model> {
  const { model, add } = createModel({
    steel: { color: 0xe6b864, metallic: 0.3, roughness: 0.5, flood: 0.85 },
    deck: { color: 0x5a5d62, roughness: 0.9, flood: 0.25 },
    pier: { color: 0x8a857c, roughness: 0.95, flood: 0.3 },
    ledGold: { color: 0x403010, emissive: 0xffc46a, strength: 2.5 },
    lampLight: LAMP_LIGHT,
    plaque: { color: 0x500000, emissive: 0xff3b2a, strength: 3 },
    board: { color: 0x20242c, roughness: 0.8, flood: 0.2 },
    facade: { color: 0xc8b48e, roughness: 0.9, flood: 0.42 },
    lit: { color: 0xfff0c8, emissive: 0xffd08a, strength: 1.3 },
    dark: { color: 0x1c222a, metallic: 0.3, roughness: 0.3 },
    lawn: { color: 0x2e5234, roughness: 1, flood: 0.22 },
    granite: { color: 0xd8d2c4, roughness: 0.85, flood: 0.5 },
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
  })
  const deckY = 10
  const halfW = 9.5
  const spans = [
    { x0: -91.45, x1: -24.5, rise: 9.5, panels: 8 },
    { x0: -24.5, x1: 24.5, rise: 5, panels: 6 },
    { x0: 24.5, x1: 91.45, rise: 9.5, panels: 8 },
  ]
  add('deck', block(182.9 + 30, 1.4, halfW * 2 + 3, 0, deckY - 1.4, 0))
  for (const { x0, x1, rise, panels } of spans) {
    const mid = (x0 + x1) / 2
    const half = (x1 - x0) / 2
    // Bow-shaped top chord: a low parabola springing from 3 m above the deck.
    const topAt = (x: number) => deckY + 3 + rise * (1 - ((x - mid) / half) ** 2)
    for (const side of [-1, 1]) {
      const z = side * halfW
      const top: Vec3[] = []
      const bottom: Vec3[] = []
      for (let k = 0; k <= panels; k++) {
        const x = x0 + ((x1 - x0) * k) / panels
        top.push([x, topAt(x), z])
        bottom.push([x, deckY, z])
      }
      add('steel', ...polyline(top, 0.8), ...polyline(bottom, 0.75))
      add(
        'ledGold',
        ...polyline(
          top.map(([x, y]) => [x, y + 0.6, z] as Vec3),
          0.22,
          false,
          4,
        ),
      )
      for (let k = 0; k <= panels; k++) {
        add('steel', rod(bottom[k]!, top[k]!, 0.45))
        if (k < panels)
          add(
            'steel',
            rod(k < panels / 2 ? top[k]! : bottom[k]!, k < panels / 2 ? bottom[k + 1]! : top[k + 1]!, 0.38),
          )
      }
      // Top lateral bracing where there is headroom.
      if (side === 1) {
        for (let k = 1; k < panels; k++) {
          const [x, y] = top[k]!
          if (y - deckY > 7) add('steel', rod([x, y, -halfW], [x, y, halfW], 0.3))
        }
      }
    }
  }
  // At night warm light runs along the deck's edges as well as the bows.
  for (const z of [-halfW - 1.55, halfW + 1.55]) add('ledGold', block(183, 0.35, 0.1, 0, deckY - 0.9, z))
  // Hu Hanmin's name for the bridge, 海珠桥, restored on the truss: red characters on both faces.
  // On a dark board, so that the red characters stand out from the gold-lit steel.
  const name = await signText('海珠桥', { height: 2.6, font: 'serif' })
  add(
    'board',
    block(10, 3.4, 0.2, 0, deckY + 5.8, halfW + 0.5),
    block(10, 3.4, 0.2, 0, deckY + 5.8, -halfW - 0.5),
  )
  add(
    'plaque',
    name.clone().translate(0, deckY + 7.5, halfW + 0.7),
    name
      .clone()
      .rotateY(Math.PI)
      .translate(0, deckY + 7.5, -halfW - 0.7),
  )
  for (const x of [-24.5, 24.5])
    add('pier', block(5, deckY - 1.4 - WATER_LEVEL, halfW * 2 + 2, x, WATER_LEVEL, 0))
  for (const x of [-95, 95]) add('pier', block(8, deckY - 1.4, halfW * 2 + 4, x, 0, 0))
  for (let x = -84; x <= 84; x += 14) {
    for (const z of [-halfW + 1.2, halfW - 1.2]) {
      const { post, light } = lamp(x, z, 5.5, deckY)
      add('deck', post)
      add('lampLight', light)
    }
  }
  // The approaches run down to the streets at either end.
  for (const sx of [-1, 1]) {
    const x0 = sx * 106.4
    const x1 = sx * 140
    add(
      'deck',
      hull([
        [x0, deckY, -halfW - 1.5],
        [x0, deckY, halfW + 1.5],
        [x0, deckY - 1.4, -halfW - 1.5],
        [x0, deckY - 1.4, halfW + 1.5],
        [x1, 0.05, -halfW - 1.5],
        [x1, 0.05, halfW + 1.5],
      ]),
    )
  }
  // The north bank (-X): Haizhu Square at the bridgehead, on its axis the Guangzhou Liberation Memorial (a soldier
  // on a tall granite pedestal, from photographs), and either side the arcaded façades of Yanjiang Road, floodlit.
  add('lawn', block(34, 0.2, 40, -158, 0, 0))
  add('granite', block(7, 3, 7, -158, 0.2, 0), block(4.6, 9, 4.6, -158, 3.2, 0))
  const figure = [
    block(1.6, 3.2, 1.1, -158, 12.2, 0),
    block(2, 2.6, 1.3, -158, 15.4, 0),
    place(flat(new IcosahedronGeometry(0.7, 0)), -158, 18.6, 0),
    rod([-157.6, 17.6, 0.9], [-157, 20.8, 1.8], 0.28),
  ]
  add('granite', ...figure)
  const rng = seeded(13)
  const street = { walls: [] as Geoms, lit: [] as Geoms, dark: [] as Geoms }
  for (const [z0, z1] of [
    [-90, -20],
    [20, 90],
  ] as const) {
    const row = { walls: [] as Geoms, lit: [] as Geoms, dark: [] as Geoms }
    // Built facing +Z along X, then turned to face the river (+X) and moved behind the promenade.
    streetRow({ x0: z0, x1: z1, z: 0, storeys: [5, 8], depth: 20, lit: 0.55, arcade: true }, rng, row)
    // Taller blocks behind, the old town rising from the square.
    streetRow({ x0: z0 - 10, x1: z1 + 10, z: -24, storeys: [8, 14], depth: 18, lit: 0.4 }, rng, row)
    for (const [key, list] of Object.entries(row) as [keyof typeof row, Geoms][])
      street[key].push(...list.map((g) => g.rotateY(Math.PI / 2).translate(-112, 0, 0)))
  }
  // The south bank (+X): the low blocks of Haizhu, upstream of the bridge.
  streetRow({ x0: 112, x1: 150, z: -26, storeys: [3, 5], depth: 16, lit: 0.45 }, rng, street)
  add('facade', ...street.walls)
  add('lit', ...street.lit)
  add('dark', ...street.dark)
  for (const z of [-16, 16]) {
    const t = tree(-150, z, 8, 4)
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  // The river runs under the bridge, between a bank at each end.
  model.riverBanks = [
    { x: spans[0]!.x0, z: 0, facing: 90 },
    { x: spans[2]!.x1, z: 0, facing: -90 },
  ]
  // Low from downstream, so that the lit trusses stand across the view between Haizhu Square and the façades
  // behind it on the north bank and the south bank's blocks.
  model.overview = {
    azimuth: 4,
    elevation: 5,
    fov: 30,
    focus: { min: [-175, 0, -30], max: [110, 30, 30] },
  }
  return model
}
