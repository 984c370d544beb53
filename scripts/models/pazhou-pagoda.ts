import { IcosahedronGeometry } from 'three'

import { seeded } from '../seeded-random'
import { arch, block, flat, hull, place, polyline, prism } from './geometry'
import { createModel, type Model, type Vec3 } from './model'
import { LAMP_LIGHT, TREE_CROWN, TREE_TRUNK } from './palette'
import { lamp, tree } from './street'

/**
 * Pazhou Pagoda (琶洲塔) on its knoll in Pazhou Pagoda Park. Facts used (LANDMARKS.md §17): octagonal brick pagoda,
 * 9 storeys outside, about 59 m (en.wikipedia "Pazhou Pagoda"); base 12.7 m across, walls 3.97 m thick, a
 * red-sandstone plinth, corbelled brick eaves (zh.wikipedia 琶洲塔); an octagonal pyramidal roof under an iron
 * finial recast in a repair (Haizhu District Culture Bureau 2021-04-26), and a lightning rod rising high over it
 * (lvwo.com). Its surface today reads a weathered grey-ochre (the white plaster of old descriptions is gone; a
 * visitor in 2016 called it "a yellow pagoda", bsky.spaces.ac.cn), each storey parted from the next by a thin stack
 * of corbelled courses, one arched opening on alternate faces, a paved terrace and steps up the knoll: from
 * photographs.
 */
export function buildPazhouPagoda(): Model {
  const { model, add } = createModel({
    brick: { color: 0x7c6c5a, roughness: 0.95, flood: 0.55 },
    brickLow: { color: 0x86745f, roughness: 0.95, flood: 0.64 },
    eave: { color: 0x5c5852, roughness: 0.95, flood: 0.4 },
    corbel: { color: 0x3a3834, roughness: 1, flood: 0.2 },
    moss: { color: 0x3e5a34, roughness: 1, flood: 0.3 },
    plinth: { color: 0x8f5a48, roughness: 0.95, flood: 0.35 },
    opening: { color: 0x14100c, roughness: 1, emissive: 0x3a2410, strength: 1 },
    finial: { color: 0x6a6258, roughness: 0.9, flood: 0.4 },
    knoll: { color: 0x243c26, roughness: 1, flood: 0.2 },
    paving: { color: 0x9a968c, roughness: 0.95, flood: 0.35 },
    lampLight: LAMP_LIGHT,
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
  })
  const sides = 8
  const oct = { faceZ: true, flat: true }
  // The knoll, a small hill rising from the bank, the pagoda on its top.
  const knollH = 7
  const rim: Vec3[] = []
  for (let k = 0; k < 14; k++) {
    const a = (k / 14) * 2 * Math.PI
    rim.push(
      [40 * Math.cos(a), 0, 32 * Math.sin(a)],
      [26 * Math.cos(a + 0.2), knollH * 0.7, 22 * Math.sin(a + 0.2)],
      [15 * Math.cos(a + 0.1), knollH, 14 * Math.sin(a + 0.1)],
    )
  }
  add('knoll', hull(rim))
  // A paved terrace round the foot of the pagoda with its stone railing, and steps down the knoll to the river
  // side, lamps either side: the park's approach.
  add('paving', prism(12, 12, 0.3, sides, 0, knollH, 0, oct))
  add(
    'paving',
    ...polyline(
      Array.from({ length: 8 }, (_, k): Vec3 => {
        const a = (k / 8) * 2 * Math.PI + Math.PI / 8
        return [11.6 * Math.sin(a), knollH + 1.1, 11.6 * Math.cos(a)]
      }),
      0.12,
      true,
    ),
  )
  for (let k = 0; k < 14; k++) add('paving', block(4, 0.4, 1.6, 0, knollH - 0.5 - k * 0.5, 13 + k * 1.8))
  for (const sx of [-1, 1])
    for (const z of [14, 24, 34]) {
      const l = lamp(sx * 3.2, z, 3.2, knollH - ((z - 13) / 1.8) * 0.5)
      add('trunk', l.post)
      add('lampLight', l.light)
    }
  add('plinth', prism(7.6, 7.4, 1.8, sides, 0, knollH, 0, oct))
  let y = knollH + 1.8
  const storeys = 9
  for (let i = 0; i < storeys; i++) {
    const r = 6.35 - (i * 2.3) / (storeys - 1)
    const h = 5.9 - 0.2 * i
    const wallH = h - 1.3
    // Floodlit from the knoll: the lower storeys read warmer and brighter than the upper ones.
    add(i < 3 ? 'brickLow' : 'brick', prism(r, r - 0.1, wallH, sides, 0, y, 0, oct))
    // Corbelled eave: courses of brick stepping out in shadow, then one thin slab, weeds on its top.
    let cy = y + wallH
    for (let c = 0; c < 3; c++) {
      add('corbel', prism(r + 0.12 + c * 0.25, r + 0.12 + c * 0.25, 0.25, sides, 0, cy, 0, oct))
      cy += 0.25
    }
    add('eave', prism(r + 1.05, r + 1.05, 0.2, sides, 0, cy, 0, oct))
    add('moss', prism(r + 0.95, r + 0.35, 0.18, sides, 0, cy + 0.2, 0, oct))
    // One arched opening on alternate faces, turning by a face each storey.
    for (let k = 0; k < sides; k++) {
      if ((k + i) % 2 !== 0) continue
      const a = (k * 2 * Math.PI) / sides
      const ap = r * Math.cos(Math.PI / sides) + 0.04
      add('opening', place(arch(1.3, 2.5), ap * Math.sin(a), y + 0.9, ap * Math.cos(a), a))
    }
    y += h
  }
  add('eave', prism(4.3, 0.5, 2.4, sides, 0, y - 0.1, 0, oct))
  // The recast iron finial: stacked basins on a mast that runs on up as a tall, thin lightning rod.
  add('finial', prism(0.3, 0.2, 3, 6, 0, y + 1.5, 0), prism(0.12, 0.03, 6, 5, 0, y + 4.5, 0))
  add(
    'finial',
    place(flat(new IcosahedronGeometry(0.9, 0)).scale(1, 0.55, 1), 0, y + 2.7, 0),
    place(flat(new IcosahedronGeometry(0.7, 0)).scale(1, 0.55, 1), 0, y + 3.6, 0),
    place(flat(new IcosahedronGeometry(0.45, 0)), 0, y + 4.5, 0),
  )
  // The park's trees on the hill all round, leaving open only the steps up from the river.
  const rng = seeded(29)
  for (let k = 0; k < 36; k++) {
    const a = Math.PI * (0.64 + (1.72 * k) / 35) + (rng() - 0.5) * 0.06
    const d = 15 + rng() * 20
    const ground = d < 24 ? knollH * 0.85 : knollH * 0.45
    const t = tree(d * Math.cos(a), d * Math.sin(a), 6.5 + rng() * 3, 4.2 + rng() * 1.8)
    t.trunk.translate(0, ground, 0)
    t.crown.translate(0, ground, 0)
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  // Low from the river, nearly straight on, through a longer lens, so that the pagoda on its wooded hill stands
  // large against the night sky.
  model.overview = {
    azimuth: 10,
    elevation: 1,
    fov: 22,
    focus: { min: [-30, 0, -20], max: [30, 65, 20] },
  }
  return model
}
