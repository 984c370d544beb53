import { BoxGeometry, CircleGeometry, LatheGeometry, RingGeometry, Vector2 } from 'three'

import { seeded } from '../seeded-random'
import { wallsOf, windows } from './facade'
import { block, place, prism } from './geometry'
import { createModel, type Geoms, type Model, type XZ } from './model'

/**
 * Guangzhou Customs House (粤海关大楼, "Big Clock Tower"). Facts used (LANDMARKS.md §3): 4 storeys, granite facing
 * on concrete, stone and brick, paired Tuscan columns (guangzhoutravelguide.com); 31.85 m with its clock tower
 * (jiaqingcollections); the domed clock tower 13 m high, four clock faces each 2.5 m across, lit at night
 * (chinawiki, guangzhoutravelguide). From photographs: a light granite ground floor, red brick above between
 * paired giant columns, and the old Post Office (now the Post Museum) beside it to the west.
 */
export function buildCustomsHouse(): Model {
  const { model, add } = createModel({
    granite: { color: 0xe4dece, roughness: 0.85, flood: 0.42 },
    column: { color: 0xfff8e8, roughness: 0.8, flood: 0.7 },
    post: { color: 0xb9b4a6, roughness: 0.9, flood: 0.3 },
    brick: { color: 0x9a4430, roughness: 0.9, flood: 0.24 },
    dome: { color: 0x7d8f84, metallic: 0.3, roughness: 0.6, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffcf7a, strength: 1.4 },
    dark: { color: 0x1d232b, metallic: 0.2, roughness: 0.3 },
    clock: { color: 0xfffbe8, emissive: 0xfff4d0, strength: 3 },
    iron: { color: 0x202020, roughness: 0.6 },
    // The clock tower under its own warm floodlights, brighter than the walls below.
    tower: { color: 0xf4dcaa, roughness: 0.8, flood: 0.78 },
  })
  const W = 48
  const D = 34
  const wallTop = 19
  const rng = seeded(3)
  add('granite', block(W, 5.5, D, 0, 0, 0)) // rusticated ground floor
  add('brick', block(W - 1, wallTop - 5.5, D - 1, 0, 5.5, 0))
  add('granite', block(W + 1.2, 1, D + 1.2, 0, wallTop, 0), block(W, 1.4, D, 0, wallTop + 1, 0))
  // Corner pavilions in granite.
  for (const sx of [-1, 1])
    for (const sz of [-1, 1])
      add('granite', block(7, wallTop - 5.5, 7, sx * (W / 2 - 3.4), 5.5, sz * (D / 2 - 3.4)))
  const plan: XZ[] = [
    [-W / 2, D / 2],
    [W / 2, D / 2],
    [W / 2, -D / 2],
    [-W / 2, -D / 2],
  ]
  const lit: Geoms = []
  const dark: Geoms = []
  for (const wall of wallsOf(plan)) {
    windows(
      wall,
      { y: 0, storeys: 1, storeyH: 5.5, bay: 4, paneW: 2, paneH: 3.4, sill: 0.9, lit: 0.9, rng, margin: 1 },
      lit,
      dark,
    )
    windows(
      wall,
      {
        y: 5.5,
        storeys: 3,
        storeyH: 4.5,
        bay: 3.4,
        paneW: 1.5,
        paneH: 2.6,
        sill: 1,
        lit: 0.7,
        rng,
        margin: 0.5,
      },
      lit,
      dark,
    )
  }
  add('lit', ...lit)
  add('dark', ...dark)
  // Paired columns (giant order through storeys 2-3) along the river front.
  const front = D / 2 + 1.2
  for (const x of [-14.5, -9, -3.5, 3.5, 9, 14.5]) {
    for (const dx of [-0.85, 0.85]) add('column', prism(0.6, 0.52, 12.4, 12, x + dx, 6.1, front))
    add('granite', block(3.2, 0.6, 1.6, x, 5.5, front))
  }
  add('granite', block(W - 12, 1.2, 2.6, 0, 18.5, front - 0.4), block(W - 12, 0.6, 2.6, 0, 5.2, front - 0.4))
  // Rustication: deep joints across the ground floor's granite.
  for (let k = 1; k < 5; k++) add('iron', block(W + 0.1, 0.24, D + 0.1, 0, k * 1.1, 0))
  // The old Post Office beside it to the west: three storeys behind a colonnade.
  add('post', block(40, 16, 30, -W / 2 - 24, 0, -2), block(41, 1.2, 31, -W / 2 - 24, 16, -2))
  for (let k = 0; k < 10; k++) add('post', prism(0.45, 0.4, 10, 10, -W / 2 - 42 + k * 4, 5, 13.6))
  const postLit: Geoms = []
  const postDark: Geoms = []
  windows(
    { a: [-W / 2 - 43, 13.05], b: [-W / 2 - 5, 13.05], out: [0, 1] },
    { y: 0, storeys: 3, storeyH: 5, bay: 4, paneW: 1.8, paneH: 2.8, sill: 1, lit: 0.7, rng, margin: 1 },
    postLit,
    postDark,
  )
  add('lit', ...postLit)
  add('dark', ...postDark)
  // Clock tower, about 14 m above the 19 m walls: plinth, a tall clock stage with paired corner columns and urns on
  // its cornice, drum, dome, lantern.
  const tz = D / 2 - 5
  add(
    'tower',
    block(8.6, 4.5, 8.6, 0, wallTop, tz),
    block(7.6, 5, 7.6, 0, wallTop + 4.5, tz),
    block(8.6, 0.6, 8.6, 0, wallTop + 9.5, tz),
  )
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      for (const [px, pz] of [
        [4.1, 3.1],
        [3.1, 4.1],
      ] as const)
        add('tower', prism(0.32, 0.28, 5, 8, sx * px, wallTop + 4.5, tz + sz * pz))
    }
  }
  for (const [nx, nz] of [
    [0, 1],
    [1, 0],
    [0, -1],
    [-1, 0],
  ] as const) {
    const rotY = Math.atan2(nx, nz)
    const c = (o: number) => [nx * o, wallTop + 7, tz + nz * o] as const
    add('clock', place(new CircleGeometry(1.25, 24), ...c(3.86), rotY))
    // A true face: a dark rim and twelve hour marks.
    add('iron', place(new RingGeometry(1.12, 1.3, 24), ...c(3.88), rotY))
    for (let h = 0; h < 12; h++)
      add(
        'iron',
        place(
          new BoxGeometry(0.09, 0.26, 0.04).translate(0, 0.95, 0).rotateZ((h * Math.PI) / 6),
          ...c(3.9),
          rotY,
        ),
      )
    add('iron', place(new BoxGeometry(0.12, 0.9, 0.05).translate(0, 0.4, 0), ...c(3.92), rotY))
    add('iron', place(new BoxGeometry(0.6, 0.1, 0.05).translate(0.28, 0, 0), ...c(3.92), rotY))
  }
  // Urns on the corners of the clock stage's cornice.
  for (const sx of [-1, 1])
    for (const sz of [-1, 1]) add('tower', prism(0.45, 0.25, 1.1, 8, sx * 3.8, wallTop + 10.1, tz + sz * 3.8))
  add('tower', prism(3.3, 3.3, 1.4, 16, 0, wallTop + 10.1, tz))
  const domeProfile = Array.from({ length: 9 }, (_, k) => {
    const a = (k / 8) * (Math.PI / 2)
    return new Vector2(Math.max(0.001, 3.2 * Math.cos(a)), 2.6 * Math.sin(a))
  })
  add('dome', place(new LatheGeometry(domeProfile, 16), 0, wallTop + 11.5, tz))
  add('tower', prism(0.6, 0.5, 0.9, 8, 0, wallTop + 13.9, tz))
  add('dome', prism(0.55, 0.02, 0.7, 8, 0, wallTop + 14.8, tz))
  // Low across the water from the east corner, so that the clock tower stands against the sky over two clock faces.
  model.overview = { azimuth: 42, elevation: 8 }
  return model
}
