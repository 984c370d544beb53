import { seeded } from '../seeded-random'
import { FAIR_MATERIALS, fairHalls } from './canton-fair'
import { block, hull, polyline, prism } from './geometry'
import { createModel, type Model, type Vec3 } from './model'
import { PAGODA_MATERIALS, pagodaShaft } from './pagoda-shaft'
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
    ...PAGODA_MATERIALS,
    plinth: { color: 0x8f5a48, roughness: 0.95, flood: 0.5 },
    knoll: { color: 0x243c26, roughness: 1, flood: 0.2 },
    lawn: { color: 0x3a5a3c, roughness: 1, flood: 0.3 },
    paving: { color: 0x9a968c, roughness: 0.95, flood: 0.35 },
    lampLight: LAMP_LIGHT,
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
    // Seen from afar the roof is dark; the LED line along its edge and the glass front trace the halls.
    fairRoof: { ...FAIR_MATERIALS.roof, color: 0x4a525c, flood: 0.15 },
    fairLed: FAIR_MATERIALS.led,
    fairGlass: FAIR_MATERIALS.glass,
    fairCrest: FAIR_MATERIALS.crest,
  })
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
  // The park's lawn round the knoll, running on to the embankment, so that the hill stands in a park on the bank.
  add('lawn', block(260, 0.15, 100, -60, 0, -6))
  // A paved terrace round the foot of the pagoda with its stone railing, and steps down the knoll to the river
  // side, lamps either side: the park's approach.
  add('paving', prism(12, 12, 0.3, 8, 0, knollH, 0, oct))
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
  add('plinth', prism(7.6, 7.4, 1.8, 8, 0, knollH, 0, oct))
  const shaft = pagodaShaft(knollH + 1.8, true)
  for (const key of ['lit', 'side', 'shade', 'corner', 'eave', 'corbel', 'opening', 'finial'] as const)
    add(key, ...shaft[key])
  // The Canton Fair's halls along the same bank to the west (their east end some 400 m off), their waves lit: the pagoda's
  // neighbour, seen beyond the knoll.
  const fair = fairHalls(10, 90, 850, 30, -100)
  add('fairRoof', ...fair.roof)
  add('fairLed', ...fair.led)
  add('fairGlass', ...fair.glass)
  add('fairCrest', ...fair.crest)
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
    azimuth: -78,
    elevation: 2,
    fov: 22,
    focus: { min: [-30, 0, -20], max: [240, 65, 30] },
  }
  return model
}
