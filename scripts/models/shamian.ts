import { PlaneGeometry } from 'three'

import { WATER_LEVEL } from '../../src/scene/site-layout'
import { seeded } from '../seeded-random'
import { streetRow } from './city'
import { windows } from './facade'
import { block, gableRoof, hipRoof, lancet, place, prism } from './geometry'
import { createModel, type Geoms, type Model } from './model'
import { signText } from './sign'
import { LAMP_LIGHT, TREE_CROWN, TREE_TRUNK } from './palette'
import { banyan, lamp } from './street'

/**
 * Shamian (沙面). Facts used (LANDMARKS.md §1): an island of climate-adapted European detached houses with hipped
 * roofs and large verandas along tree-lined avenues; the canal dug on its north side in 1859 (沙基涌) that made it
 * an island; the Church of Our Lady of Lourdes (1890) in the French part, to the east (en.wikipedia "Shamian",
 * Lonely Planet). From photographs: old banyans along the avenues and the riverfront promenade, the chapel's cream
 * walls and front spire, a river row of three-storey consulates and banks with arcaded verandas (red brick or
 * stucco, one under a corner dome), warmly floodlit, the low Shaji waterfront across the canal; at the island's west
 * tip the White Swan Hotel (100 m, en.wikipedia "White Swan Hotel"), a long white slab of balcony bands with its
 * red name on the roof, rising far above the villas (its own model, white-swan-pool.ts, has the sources).
 */
export async function buildShamian(): Promise<Model> {
  const { model, add } = createModel({
    // The villas' façades are floodlit warm from the avenues.
    stuccoCream: { color: 0xf4d090, roughness: 0.9, flood: 0.62 },
    stuccoPink: { color: 0xf0bc9c, roughness: 0.9, flood: 0.6 },
    brick: { color: 0xb8623e, roughness: 0.9, flood: 0.55 },
    stuccoGrey: { color: 0xdcd0b0, roughness: 0.9, flood: 0.58 },
    dome: { color: 0x5f7f74, metallic: 0.3, roughness: 0.6, flood: 0.35 },
    white: { color: 0xf2efe8, roughness: 0.8, flood: 0.4 },
    roof: { color: 0x8a4430, roughness: 0.85, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffc468, strength: 1.3 },
    dark: { color: 0x1d232b, roughness: 0.4 },
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
    ground: { color: 0x3a3e3a, roughness: 1, flood: 0.2 },
    paving: { color: 0x8c8a84, roughness: 0.95, flood: 0.25 },
    lampLight: LAMP_LIGHT,
    chapel: { color: 0xe6d7a8, roughness: 0.9, flood: 0.45 },
    shaji: { color: 0x8d8476, roughness: 0.9, flood: 0.18 },
    swanBands: { color: 0xf2f2ee, roughness: 0.8, flood: 0.45 },
    swanGlass: { color: 0x1a2230, metallic: 0.3, roughness: 0.3, emissive: 0x202838, strength: 1 },
    swanSign: { color: 0x600000, emissive: 0xff0a00, strength: 1.6 },
  })
  const rng = seeded(5)
  // The island, its embankment down to the river, and the canal (沙基涌) along its north side.
  add('ground', block(170, 3, 110, 0, WATER_LEVEL, 0))
  add('paving', block(170, 0.05, 12, 0, 0, 0)) // the tree-lined avenue
  add('ground', block(200, 3, 40, 0, WATER_LEVEL, -107))
  const rng2 = seeded(47)
  const shaji = { walls: [] as Geoms, lit: [] as Geoms, dark: [] as Geoms }
  streetRow({ x0: -100, x1: 100, z: -90, storeys: [3, 6], depth: 20, lit: 0.5 }, rng2, shaji)
  add('shaji', ...shaji.walls)
  add('lit', ...shaji.lit)
  add('dark', ...shaji.dark)
  // Our Lady of Lourdes Chapel (1890), in the French part to the east: a nave and a front tower with a spire.
  const cx = 30
  const cz = 24
  add('chapel', block(12, 10, 24, cx, 0, cz - 4), block(6, 20, 6, cx, 0, cz + 10))
  add('roof', gableRoof(24, 13, 5, cx, 10, cz - 4, Math.PI / 2))
  add('white', prism(3.4, 0.2, 11, 8, cx, 20, cz + 10, { faceZ: true, flat: true }))
  add('lit', place(lancet(2.4, 5), cx, 1, cz + 13.06), place(lancet(1.4, 3.2), cx, 12, cz + 13.06))
  for (const sx of [-1, 1])
    for (let k = 0; k < 3; k++)
      add('lit', place(lancet(1.4, 4), cx + sx * 6.06, 3, cz - 12 + k * 7, (sx * Math.PI) / 2))
  // Two rows of consulates, banks and villas of three to four bays, the river row taller, one with a corner dome.
  const villas = [
    { x: -60, z: -24, stucco: 'stuccoCream' as const, storeys: 2 },
    { x: -20, z: -26, stucco: 'stuccoPink' as const, storeys: 2 },
    { x: 48, z: -24, stucco: 'stuccoGrey' as const, storeys: 2 },
    { x: -66, z: 28, stucco: 'brick' as const, storeys: 3 },
    { x: -38, z: 28, stucco: 'stuccoCream' as const, storeys: 3, dome: true },
    { x: -10, z: 28, stucco: 'stuccoPink' as const, storeys: 3 },
    { x: 62, z: 28, stucco: 'brick' as const, storeys: 3 },
  ]
  // Every veranda faces south, toward the river (+Z).
  for (const v of villas) {
    const w = 20
    const d = 14
    const H = v.storeys * 4.5
    const parts = {
      walls: [] as Geoms,
      white: [] as Geoms,
      roof: [] as Geoms,
      lit: [] as Geoms,
      dark: [] as Geoms,
      dome: [] as Geoms,
    }
    parts.walls.push(block(w, H, d, 0, 0, -1.5))
    windows(
      { a: [-w / 2, d / 2 - 1.5], b: [w / 2, d / 2 - 1.5], out: [0, 1] },
      {
        y: 0,
        storeys: v.storeys,
        storeyH: 4.5,
        bay: 3.4,
        paneW: 1.4,
        paneH: 2.6,
        sill: 0.8,
        lit: 0.8,
        rng,
        margin: 1,
      },
      parts.lit,
      parts.dark,
    )
    for (const sx of [-1, 1]) {
      windows(
        { a: [sx * (w / 2), -d / 2 - 1.5], b: [sx * (w / 2), d / 2 - 1.5], out: [sx, 0] },
        {
          y: 0,
          storeys: v.storeys,
          storeyH: 4.5,
          bay: 3.5,
          paneW: 1.2,
          paneH: 2.4,
          sill: 0.9,
          lit: 0.5,
          rng,
          margin: 1,
        },
        parts.lit,
        parts.dark,
      )
    }
    // Veranda on every storey: arcade columns, balcony slabs and balustrades.
    for (let k = 0; k <= 6; k++)
      parts.white.push(block(0.6, H, 0.6, -w / 2 + 0.3 + (k * (w - 0.6)) / 6, 0, d / 2 + 1.6))
    for (let f = 1; f < v.storeys; f++)
      parts.white.push(
        block(w, 0.4, 3.6, 0, f * 4.5 - 0.2, d / 2),
        block(w, 1.1, 0.25, 0, f * 4.5 + 0.2, d / 2 + 1.7),
      )
    parts.white.push(block(w + 0.4, 0.5, d + 3.6, 0, H, 0))
    parts.roof.push(hipRoof(w + 1.6, d + 5.2, 4.2, 0, H + 0.5, 0))
    if (v.dome) {
      parts.white.push(prism(3.2, 3.2, 4, 12, w / 2 - 3, H + 0.5, d / 2 - 1))
      parts.dome.push(prism(3.4, 0.3, 3.6, 12, w / 2 - 3, H + 4.5, d / 2 - 1))
    }
    for (const list of Object.values(parts)) for (const g of list) place(g, v.x, 0, v.z)
    add(v.stucco, ...parts.walls)
    add('white', ...parts.white)
    add('roof', ...parts.roof)
    add('lit', ...parts.lit)
    add('dark', ...parts.dark)
    if (parts.dome.length) add('dome', ...parts.dome)
  }
  for (let x = -70; x <= 70; x += 14) {
    for (const z of [-8.5, 8.5]) {
      const t = banyan(x + (rng() - 0.5) * 3, z + (rng() - 0.5) * 1.5, 9 + rng() * 3, 4.5 + rng() * 1.5)
      add('trunk', t.trunk)
      add('crown', t.crown)
    }
    // The old banyans of the riverfront promenade, broad and close, their crowns spreading in lobes over aerial
    // roots and hiding the river row's lower storeys.
    {
      const bx = x + 7 + (rng() - 0.5) * 3
      const r = banyan(bx, 46 + (rng() - 0.5) * 3, 7.5 + rng() * 1.5, 7 + rng() * 1.5)
      add('trunk', r.trunk)
      add('crown', r.crown)
      for (const dx of x % 28 === 0 ? [-1, 1] : []) {
        const lobe = banyan(bx + dx * 6.5, 47 + (rng() - 0.5) * 4, 7 + rng() * 2, 4.5 + rng())
        add('trunk', prism(0.3, 0.25, 7, 5, bx + dx * 6.5, 0, 47))
        add('crown', lobe.crown)
      }
    }
    const l = lamp(x + 7, x % 28 === 0 ? 5.5 : -5.5, 4.5)
    add('trunk', l.post)
    add('lampLight', l.light)
  }
  // The White Swan Hotel at the island's west tip: one long slab of white balcony bands over dark glass, its end
  // bays lower, the red name sign on the roof facing the river.
  const swanX = -175
  const swanZ = 0
  add('ground', block(190, 3, 90, swanX + 10, WATER_LEVEL, 0))
  add('swanGlass', block(156, 87, 20, swanX, 0, swanZ), block(132, 12, 20, swanX, 87, swanZ))
  for (let f = 1; f <= 33; f++)
    add('swanBands', block(f <= 29 ? 156.01 : 132.01, 1.1, 23, swanX, f * 3 - 1.1, swanZ))
  for (let f = 4; f < 33; f++)
    for (let cx = -66; cx < 66; cx += 6)
      if (rng() < 0.1)
        add('lit', place(new PlaneGeometry(5.6, 1.7), swanX + cx + 3, f * 3 + 0.95, swanZ + 11.55))
  add('swanBands', block(34, 5, 10, swanX, 100.8, swanZ))
  add('swanSign', (await signText('白天鹅宾馆', { height: 6.4 })).translate(swanX, 100.8 + 8.6, swanZ + 4.3))
  // An island: no bank of the scene's, the river all round, the canal behind.
  model.riverBanks = []
  // From the river to the east, low, along the river row, its banyans and the chapel toward the White Swan Hotel
  // towering at the west tip; the avenue and Shaji across the canal behind.
  model.overview = {
    azimuth: 34,
    elevation: 10,
    fov: 28,
    focus: { min: [-150, 0, -10], max: [80, 40, 52] },
  }
  return model
}
