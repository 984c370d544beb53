import { band, block, polyline, quads, rod, surface } from './geometry'
import { createModel, type Geoms, type MaterialSpec, type Model, type Vec3 } from './model'
import { PAGODA_MATERIALS, pagodaShaft } from './pagoda-shaft'
import { LAMP_LIGHT, TREE_CROWN, TREE_TRUNK } from './palette'
import { lamp, tree } from './street'

/** The halls' look, shared with the pagoda's view of them along the bank. */
export const FAIR_MATERIALS: Record<'roof' | 'glass' | 'crest' | 'led', MaterialSpec> = {
  roof: { color: 0xc8d0d8, metallic: 0.2, roughness: 0.5, flood: 0.42, doubleSided: true },
  glass: { color: 0x18283a, roughness: 0.1, emissive: 0xbfe2ff, strength: 1.3, doubleSided: true },
  crest: { color: 0xe8f4ff, emissive: 0xe8f4ff, strength: 2.2 },
  led: { color: 0x102040, emissive: 0x40a0ff, strength: 4, doubleSided: true },
}

/** Height of the wave roof at x: one wave a hall, from 15 m in the troughs to 29 m on the crests. */
function waveY(x: number, x0: number, hallW: number): number {
  return 22 + 7 * Math.sin(((x - x0) / hallW) * 2 * Math.PI - Math.PI / 2)
}

/**
 * A row of `halls` halls of hallW centred on cx, the glass front at z `front` and the back at `back`: the wave roof
 * reaching `overhang` past the glass with a fascia along its edge and the blue LED line under it that traces the
 * waves at night, the lit glass front and each hall's lit crest. By material.
 */
export function fairHalls(
  halls: number,
  hallW: number,
  cx: number,
  front: number,
  back: number,
  overhang = 8,
): { roof: Geoms; glass: Geoms; crest: Geoms; led: Geoms } {
  const L = halls * hallW
  const x0 = cx - L / 2
  const roofY = (x: number) => waveY(x, x0, hallW)
  const roof: Geoms = []
  roof.push(
    surface(halls * 12, 2, (u, v) => {
      const x = x0 - 4 + u * (L + 8)
      // Highest over the halls' middle, falling a little to the back and more to the overhanging front edge.
      const fall = v < 0.5 ? 2 * (0.5 - v) * 2 : 2 * (v - 0.5) * 3
      return [x, roofY(x) + 2 - fall, back - 4 + v * (front + overhang - back + 4)]
    }),
  )
  const xs = Array.from({ length: halls * 12 + 1 }, (_, k) => x0 + (k * L) / (halls * 12))
  const edge = xs.map((x): Vec3 => [x, roofY(x) - 4, front + overhang])
  roof.push(band(edge, 3, false))
  const led = [
    band(
      edge.map(([x, y, z]): Vec3 => [x, y - 0.1, z + 0.05]),
      1.2,
      false,
    ),
  ]
  const glass = [
    quads(
      xs.slice(0, -1).map((x, k): [Vec3, Vec3, Vec3, Vec3] => {
        const x1 = xs[k + 1]!
        return [
          [x, 0, front],
          [x1, 0, front],
          [x1, roofY(x1) - 1, front],
          [x, roofY(x) - 1, front],
        ]
      }),
    ),
  ]
  const crest: Geoms = []
  for (let k = 0; k < halls; k++) {
    const x = x0 + (k + 0.5) * hallW
    crest.push(block(1.6, 0.6, front + overhang - back, x, roofY(x) + 2.1, (front + overhang + back) / 2))
  }
  return { roof, glass, crest, led }
}

/**
 * Canton Fair Complex (广交会展馆, Pazhou): a row of exhibition halls under one wavy roof, behind a long glass front
 * to the river. Facts used (LANDMARKS.md §16): on the south bank at Pazhou, about 1.1 million m² before Phase IV
 * (newsgd.com 2021-03-23); Pazhou Pagoda (§17) stands about 1.1 km east of the complex's label point on the same
 * bank (sites.json). From photographs: the halls' roofs rise and fall one wave a hall, their crests lit, the roof
 * reaching far out over the river front on slender raking struts; the front is one continuous lit glass wall, a
 * taller glazed atrium and a paved entrance plaza with flagpoles in its middle. Hall width (about 90 m) and the
 * count of fourteen along the front (about 1.26 km, Areas A to C) are estimated from photographs and the map.
 */
export function buildCantonFair(): Model {
  const { model, add } = createModel({
    ...FAIR_MATERIALS,
    wall: { color: 0x5a6068, roughness: 0.8, flood: 0.25, doubleSided: true },
    mullion: { color: 0x303438, metallic: 0.6, roughness: 0.5 },
    plaza: { color: 0x6a6c6e, roughness: 0.95, flood: 0.25 },
    lampLight: LAMP_LIGHT,
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
    ...PAGODA_MATERIALS,
  })
  const halls = 14
  const hallW = 90
  const L = halls * hallW
  const x0 = -L / 2
  const front = 50
  const backZ = -80
  const overhang = 22
  const roofY = (x: number) => waveY(x, x0, hallW)
  const hallsParts = fairHalls(halls, hallW, 0, front, backZ, overhang)
  add('roof', ...hallsParts.roof)
  add('glass', ...hallsParts.glass)
  add('crest', ...hallsParts.crest)
  add('led', ...hallsParts.led)
  add('plaza', block(L + 60, 0.4, 170, 0, -0.4, 0))
  // The roof's deep front edge on raking struts from the ground.
  for (let x = x0 + 15; x < -x0; x += 30)
    add('mullion', rod([x, 0, front + 4], [x + 4, roofY(x + 4) - 4, front + overhang - 1], 0.45, 4))
  add(
    'wall',
    quads([
      [
        [x0, 0, backZ],
        [x0, 0, front],
        [x0, roofY(x0), front],
        [x0, roofY(x0), backZ],
      ],
    ]),
  )
  add(
    'wall',
    quads([
      [
        [-x0, 0, front],
        [-x0, 0, backZ],
        [-x0, roofY(-x0), backZ],
        [-x0, roofY(-x0), front],
      ],
    ]),
  )
  for (let x = x0 + 6; x < -x0; x += 6) add('mullion', block(0.35, roofY(x) - 1, 0.4, x, 0, front + 0.2))
  add(
    'mullion',
    ...polyline(
      Array.from({ length: halls * 12 + 1 }, (_, k): Vec3 => [x0 + (k * L) / (halls * 12), 6, front + 0.25]),
      0.2,
    ),
  )
  // The glazed atrium in the middle of the front, taller than the halls, and its entrance plaza to the river with
  // flagpoles, lamps and trees.
  const ax = hallW / 2
  add('glass', block(70, 34, 30, ax, 0, front + 6))
  add('roof', block(78, 2, 38, ax, 34, front + 6))
  for (let x = ax - 33; x <= ax + 33; x += 6) add('mullion', block(0.4, 34, 0.4, x, 0, front + 21.2))
  add('plaza', block(120, 0.3, 40, ax, 0, front + overhang + 20))
  for (let k = 0; k < 9; k++)
    add('mullion', block(0.25, 14, 0.25, ax - 40 + k * 10, 0, front + overhang + 34))
  for (const sx of [-1, 1])
    for (let k = 0; k < 4; k++) {
      const l = lamp(ax + sx * (12 + k * 14), front + overhang + 6, 6)
      add('trunk', l.post)
      add('lampLight', l.light)
      const t = tree(ax + sx * (66 + k * 14), front + overhang + 14, 7, 4)
      add('trunk', t.trunk)
      add('crown', t.crown)
    }
  // Pazhou Pagoda, gold on its knoll along the same bank to the east: the Fair's known neighbour.
  const px = -1100
  const pagoda = pagodaShaft(8.8, false)
  for (const key of Object.keys(PAGODA_MATERIALS) as (keyof typeof PAGODA_MATERIALS)[])
    add(key, ...pagoda[key].map((g) => g.translate(px, 0, 0)))
  add(
    'crown',
    ...[-1, 1].flatMap((s) => [tree(px + s * 18, 4, 9, 6).crown, tree(px + s * 26, -14, 8, 6).crown]),
  )
  // Low from the river at the west end, looking east along the front, so that the row of waves recedes under its
  // deep roof edge toward the gold pagoda.
  model.overview = {
    azimuth: 70,
    elevation: 5,
    fov: 18,
    focus: { min: [-1110, 0, -80], max: [50, 60, 95] },
  }
  return model
}
