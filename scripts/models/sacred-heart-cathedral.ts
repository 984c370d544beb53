import { BoxGeometry, CircleGeometry, ConeGeometry, CylinderGeometry, RingGeometry } from 'three'

import { block, gableRoof, lancet, place, prism } from './geometry'
import { seeded } from '../seeded-random'
import { streetRow } from './city'
import { createModel, type Geoms, type Model } from './model'

/**
 * Sacred Heart Cathedral (石室圣心大教堂), seen from the river across the old city. Facts used (LANDMARKS.md §5):
 * all-granite Gothic Revival, twin spires 58.5 m, a cross plan 78.69 × 35 m (cits.net; en-academic, from
 * en.wikipedia); at 56 Yide Road, 23.117393, 113.254733 (OSM), inland: about 500 m north of the front channel's
 * bank. The granite reads dark grey; the Yide Road streets of four- to seven-storey blocks lie between it and
 * Yanjiang Road on the water (from photographs and the map). Seen from a boat, as from the river.
 */
export function buildSacredHeartCathedral(): Model {
  const { model, add } = createModel({
    stone: { color: 0x606266, roughness: 0.9, flood: 0.55 },
    roof: { color: 0x4c535c, metallic: 0.3, roughness: 0.6, flood: 0.2 },
    glass: { color: 0x40301a, emissive: 0xffb65c, strength: 1.6 },
    rose: { color: 0x302040, emissive: 0xd070ff, strength: 2.2 },
    door: { color: 0x402810, emissive: 0xffa040, strength: 1.5 },
    gold: { color: 0xd9b35a, metallic: 0.8, roughness: 0.35, emissive: 0x806020, strength: 1 },
    block: { color: 0x6e675e, roughness: 0.95, flood: 0.16 },
    lit: { color: 0xfff0c8, emissive: 0xffc878, strength: 1.2 },
    dark: { color: 0x1c222a, metallic: 0.3, roughness: 0.3 },
  })
  const front = 39.3 // façade plane (+Z, facing the river)
  const back = -24 // east end of the straight nave, where the apse begins
  const nave = front - 9 - back
  const naveZ = back + nave / 2
  add('stone', block(24, 11, nave, 0, 0, naveZ), block(12, 22, nave, 0, 0, naveZ))
  add('roof', gableRoof(nave, 13, 8, 0, 22, naveZ, Math.PI / 2))
  add(
    'roof',
    gableRoof(nave, 6.5, 2.5, 9.2, 11, naveZ, Math.PI / 2),
    gableRoof(nave, 6.5, 2.5, -9.2, 11, naveZ, Math.PI / 2),
  )
  // Transept: 35 m across.
  add('stone', block(35, 22, 12, 0, 0, -12))
  add('roof', gableRoof(36, 13, 8, 0, 22, -12))
  // Apse: half a 16-gon toward -Z.
  add('stone', new CylinderGeometry(12, 12, 22, 16, 1, false, Math.PI / 2, Math.PI).translate(0, 11, back))
  add('roof', new ConeGeometry(12.5, 8, 16, 1, false, Math.PI / 2, Math.PI).translate(0, 26, back))
  // West front: a block between the towers, a gable, two towers with octagonal spires.
  add('stone', block(26, 26, 9, 0, 0, front - 4.5))
  add('stone', gableRoof(9, 8, 6, 0, 26, front - 4.5, Math.PI / 2))
  for (const sx of [-1, 1]) {
    const x = sx * 8.5
    add('stone', block(9, 36, 9, x, 0, front - 4.5), block(9.6, 0.8, 9.6, x, 36, front - 4.5))
    add('stone', prism(4.8, 0.25, 20.2, 8, x, 36.8, front - 4.5, { faceZ: true, flat: true }))
    for (const px of [-1, 1])
      for (const pz of [-1, 1])
        add('stone', prism(0.6, 0.05, 5, 4, x + px * 4.3, 36.8, front - 4.5 + pz * 4.3, { flat: true }))
    add('gold', block(0.3, 1.5, 0.3, x, 57, front - 4.5), block(0.9, 0.25, 0.3, x, 57.8, front - 4.5))
    // Belfry lancets on all four sides of each tower.
    for (const [nx, nz] of [
      [0, 1],
      [1, 0],
      [0, -1],
      [-1, 0],
    ] as const) {
      for (const dx of [-1.6, 1.6]) {
        const rotY = Math.atan2(nx, nz)
        add(
          'glass',
          place(
            lancet(1.6, 7),
            x + nx * 4.56 + Math.cos(rotY) * dx,
            27,
            front - 4.5 + nz * 4.56 - Math.sin(rotY) * dx,
            rotY,
          ),
        )
      }
    }
  }
  // Rose window with stone tracery, and the lit portal below it.
  add('rose', place(new CircleGeometry(4, 24), 0, 17.5, front + 0.06))
  add('stone', place(new RingGeometry(3.9, 4.6, 24), 0, 17.5, front + 0.1))
  for (let k = 0; k < 6; k++)
    add('stone', place(new BoxGeometry(0.3, 8, 0.1).rotateZ((k * Math.PI) / 6), 0, 17.5, front + 0.12))
  add('door', place(lancet(4.5, 8), 0, 0.5, front + 0.06))
  for (const sx of [-1, 1]) add('door', place(lancet(2.4, 5.5), sx * 8.5, 0.5, front + 0.06))
  // Lancets along aisles and clerestory, and in the transept ends.
  for (let z = back + 4; z < front - 11; z += 6) {
    if (z > -19 && z < -5) continue
    for (const sx of [-1, 1]) {
      add('glass', place(lancet(1.8, 6), sx * 12.06, 2.5, z, (sx * Math.PI) / 2))
      add('glass', place(lancet(1.6, 6), sx * 6.06, 13.5, z, (sx * Math.PI) / 2))
    }
  }
  for (const sx of [-1, 1]) add('glass', place(lancet(5, 12), sx * 17.56, 6, -12, (sx * Math.PI) / 2))
  // The old city between the cathedral and the river: rows of blocks along the streets down to Yanjiang Road.
  const rng = seeded(41)
  const city = { walls: [] as Geoms, lit: [] as Geoms, dark: [] as Geoms }
  for (const [z, lo, hi] of [
    [100, 3, 5],
    [170, 3, 5],
    [240, 2, 5],
    [310, 2, 4],
    [380, 2, 4],
    [450, 3, 5],
  ] as const) {
    for (const [x0, x1] of [
      [-66, -8],
      [8, 66],
    ] as const)
      streetRow({ x0, x1, z, storeys: [lo, hi], depth: 40, lit: 0.45 }, rng, city)
  }
  // Blocks on either side of the cathedral's forecourt.
  streetRow({ x0: -66, x1: -26, z: 30, storeys: [4, 6], depth: 50, lit: 0.4 }, rng, city)
  streetRow({ x0: 26, x1: 66, z: 30, storeys: [4, 6], depth: 50, lit: 0.4 }, rng, city)
  add('block', ...city.walls)
  add('lit', ...city.lit)
  add('dark', ...city.dark)
  // The river's bank: Yanjiang Road's edge, some 490 m south of the façade.
  model.riverBanks = [{ x: 0, z: 490, facing: 0 }]
  // From the water, as from a boat's upper deck, up the street over the roofs between: through a long lens, which
  // brings the spires 500 m off close, as a photograph from the river does.
  model.overview = {
    azimuth: 0,
    elevation: 8,
    fov: 12,
    focus: { min: [-30, 0, -40], max: [30, 58.5, 120] },
  }
  return model
}
