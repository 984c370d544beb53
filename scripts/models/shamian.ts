import { seeded } from '../seeded-random'
import { windows } from './facade'
import { block, hipRoof, place } from './geometry'
import { createModel, type Geoms, type Model } from './model'
import { LAMP_LIGHT, TREE_CROWN, TREE_TRUNK } from './palette'
import { lamp, tree } from './street'

/** Shamian: colonial two-storey villas with hipped roofs and verandas along a tree-lined avenue, street lamps. */
export function buildShamian(): Model {
  const { model, add } = createModel({
    stuccoCream: { color: 0xecd59a, roughness: 0.9, flood: 0.4 },
    stuccoPink: { color: 0xeac4b4, roughness: 0.9, flood: 0.4 },
    white: { color: 0xf2efe8, roughness: 0.8, flood: 0.4 },
    roof: { color: 0x8a4430, roughness: 0.85, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffc468, strength: 1.3 },
    dark: { color: 0x1d232b, roughness: 0.4 },
    crown: TREE_CROWN,
    trunk: TREE_TRUNK,
    ground: { color: 0x3a3e3a, roughness: 1, flood: 0.2 },
    paving: { color: 0x8c8a84, roughness: 0.95, flood: 0.25 },
    lampLight: LAMP_LIGHT,
  })
  const rng = seeded(5)
  add('ground', block(150, 0.3, 100, 0, -0.3, 0))
  add('paving', block(150, 0.05, 12, 0, 0, 0)) // the tree-lined avenue
  const villas = [
    { x: -48, z: -24, stucco: 'stuccoCream' as const },
    { x: 0, z: -26, stucco: 'stuccoPink' as const },
    { x: 48, z: -24, stucco: 'stuccoCream' as const },
    { x: -25, z: 22, stucco: 'stuccoPink' as const },
    { x: 27, z: 23, stucco: 'stuccoCream' as const },
  ]
  // Every veranda faces south, toward the river (+Z).
  for (const v of villas) {
    const w = 20
    const d = 14
    const parts = {
      walls: [] as Geoms,
      white: [] as Geoms,
      roof: [] as Geoms,
      lit: [] as Geoms,
      dark: [] as Geoms,
    }
    parts.walls.push(block(w, 9, d, 0, 0, -1.5))
    windows(
      { a: [-w / 2, d / 2 - 1.5], b: [w / 2, d / 2 - 1.5], out: [0, 1] },
      {
        y: 0,
        storeys: 2,
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
          storeys: 2,
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
    // Two-storey veranda: arcade columns, balcony slab and balustrade.
    for (let k = 0; k <= 6; k++)
      parts.white.push(block(0.6, 9, 0.6, -w / 2 + 0.3 + (k * (w - 0.6)) / 6, 0, d / 2 + 1.6))
    parts.white.push(
      block(w, 0.4, 3.6, 0, 4.3, d / 2),
      block(w, 1.1, 0.25, 0, 4.7, d / 2 + 1.7),
      block(w + 0.4, 0.5, d + 3.6, 0, 9, 0),
    )
    parts.roof.push(hipRoof(w + 1.6, d + 5.2, 4.2, 0, 9.5, 0))
    for (const list of Object.values(parts)) for (const g of list) place(g, v.x, 0, v.z)
    add(v.stucco, ...parts.walls)
    add('white', ...parts.white)
    add('roof', ...parts.roof)
    add('lit', ...parts.lit)
    add('dark', ...parts.dark)
  }
  for (let x = -70; x <= 70; x += 14) {
    for (const z of [-8.5, 8.5]) {
      const t = tree(x + (rng() - 0.5) * 3, z + (rng() - 0.5) * 1.5, 9 + rng() * 3, 3.5 + rng() * 1.2)
      add('trunk', t.trunk)
      add('crown', t.crown)
    }
    const l = lamp(x + 7, x % 28 === 0 ? 5.5 : -5.5, 4.5)
    add('trunk', l.post)
    add('lampLight', l.light)
  }
  return model
}
