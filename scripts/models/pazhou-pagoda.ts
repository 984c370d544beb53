import { IcosahedronGeometry } from 'three'

import { seeded } from '../seeded-random'
import { FAIR_MATERIALS, fairHalls } from './canton-fair'
import { arch, block, flat, hull, place, polyline, prism, quads, rod } from './geometry'
import { createModel, type Geoms, type MaterialSpec, type Model, type Vec3 } from './model'
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

/**
 * The pagoda's floodlit materials. The lamps round its foot light it warm gold; each of the eight faces takes the
 * light at its own angle, so the octagon reads: the faces toward the river and the north-east brightest.
 */
export const PAGODA_MATERIALS: Record<
  'lit' | 'side' | 'shade' | 'corner' | 'eave' | 'corbel' | 'opening' | 'finial',
  MaterialSpec
> = {
  lit: { color: 0xf0b850, roughness: 0.9, flood: 0.95 },
  side: { color: 0xc88c38, roughness: 0.9, flood: 0.7 },
  shade: { color: 0x8a5e2a, roughness: 0.95, flood: 0.45 },
  corner: { color: 0x9a3a22, roughness: 0.9, flood: 0.6 },
  eave: { color: 0x3a3028, roughness: 0.95, flood: 0.3 },
  corbel: { color: 0xa87838, roughness: 0.95, flood: 0.55 },
  opening: { color: 0x14100c, roughness: 1, emissive: 0x3a2410, strength: 1 },
  finial: { color: 0x6a6258, roughness: 0.9, flood: 0.5 },
}

/** Where the floodlights stand strongest: toward the river and the north-east (a unit vector in X, Z). */
const KEY: readonly [number, number] = [Math.sin(Math.PI / 4), Math.cos(Math.PI / 4)]

/**
 * The octagonal shaft from y0: nine storeys tapering from 12.7 m across at the foot to about 7.4 m under the roof,
 * each wall leaning in, red posts at the corners, a deep corbelled eave at each storey, an arched opening on
 * alternate faces (with `detail`), the roof and the finial. By material; `top` is the lightning rod's tip.
 */
export function pagodaShaft(
  y0: number,
  detail: boolean,
): Record<keyof typeof PAGODA_MATERIALS, Geoms> & { top: number } {
  const parts: Record<keyof typeof PAGODA_MATERIALS, Geoms> = {
    lit: [],
    side: [],
    shade: [],
    corner: [],
    eave: [],
    corbel: [],
    opening: [],
    finial: [],
  }
  const sides = 8
  const oct = { faceZ: true, flat: true }
  const half = Math.PI / sides
  const storeys = 9
  let y = y0
  for (let i = 0; i < storeys; i++) {
    // Apothems: the walls lean in within a storey and step in again at the next.
    const r0 = 6.35 - i * 0.33
    const r1 = r0 - 0.14
    const h = 6.1 - 0.25 * i
    const wallH = h - 1.5
    const at = (a: number, r: number, yy: number): Vec3 => {
      const R = r / Math.cos(half)
      return [R * Math.sin(a), yy, R * Math.cos(a)]
    }
    for (let k = 0; k < sides; k++) {
      const a = k * 2 * half
      const face = quads([
        [at(a - half, r0, y), at(a + half, r0, y), at(a + half, r1, y + wallH), at(a - half, r1, y + wallH)],
      ])
      const light = Math.sin(a) * KEY[0] + Math.cos(a) * KEY[1]
      parts[light > 0.6 ? 'lit' : light > -0.3 ? 'side' : 'shade'].push(face)
      parts.corner.push(rod(at(a - half, r0 + 0.08, y), at(a - half, r1 + 0.08, y + wallH), 0.28, 4))
      if (detail && (k + i) % 2 === 0) {
        const ap = (r0 + r1) / 2 + 0.12
        parts.opening.push(place(arch(1.3, 2.5), ap * Math.sin(a), y + 0.9, ap * Math.cos(a), a))
      }
    }
    // The corbelled eave: courses of brick stepping out, then a deep slab throwing the storey below into shadow.
    let cy = y + wallH
    for (let c = 0; c < 4; c++) {
      const rc = (r1 + 0.15 + c * 0.4) / Math.cos(half)
      parts.corbel.push(prism(rc, rc, 0.28, sides, 0, cy, 0, oct))
      cy += 0.28
    }
    const re = (r1 + 2) / Math.cos(half)
    parts.eave.push(prism(re, re - 0.2, 0.38, sides, 0, cy, 0, oct))
    y += h
  }
  parts.eave.push(prism(4.6, 0.5, 2.6, sides, 0, y - 0.2, 0, oct))
  // The recast iron finial: stacked basins on a mast that runs on up as a tall, thin lightning rod.
  parts.finial.push(prism(0.3, 0.2, 3, 6, 0, y + 1.5, 0), prism(0.12, 0.03, 6, 5, 0, y + 4.5, 0))
  parts.finial.push(
    place(flat(new IcosahedronGeometry(0.9, 0)).scale(1, 0.55, 1), 0, y + 2.7, 0),
    place(flat(new IcosahedronGeometry(0.7, 0)).scale(1, 0.55, 1), 0, y + 3.6, 0),
    place(flat(new IcosahedronGeometry(0.45, 0)), 0, y + 4.5, 0),
  )
  return { ...parts, top: y + 10.5 }
}
