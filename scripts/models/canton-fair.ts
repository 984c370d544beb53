import { band, block, polyline, quads, surface } from './geometry'
import { createModel, type Model, type Vec3 } from './model'

/**
 * Canton Fair Complex (广交会展馆, Pazhou): a row of exhibition halls under one wavy roof, behind a long glass front
 * to the river. Facts used (LANDMARKS.md §16): on the south bank at Pazhou, about 1.1 million m² before Phase IV
 * (newsgd.com 2021-03-23). From photographs: the halls' roofs rise and fall one wave a hall, their crests lit; the
 * river front is one continuous lit glass wall leaning out under the roof's edge, entrance pavilions where the
 * halls meet. Hall width (about 90 m) and the count of ten along the river front (Area A's front is near 1 km
 * long) are estimated from photographs and the map.
 */
export function buildCantonFair(): Model {
  const { model, add } = createModel({
    roof: { color: 0xc8d0d8, metallic: 0.2, roughness: 0.5, flood: 0.42, doubleSided: true },
    glass: { color: 0x18283a, roughness: 0.1, emissive: 0xbfe2ff, strength: 1.3, doubleSided: true },
    crest: { color: 0xe8f4ff, emissive: 0xe8f4ff, strength: 2.2 },
    wall: { color: 0x5a6068, roughness: 0.8, flood: 0.25, doubleSided: true },
    mullion: { color: 0x303438, metallic: 0.6, roughness: 0.5 },
    led: { color: 0x102040, emissive: 0x40a0ff, strength: 4, doubleSided: true },
    plaza: { color: 0x5a5c5e, roughness: 0.95, flood: 0.2 },
  })
  // Ten halls of about 90 m: the river front of Area A, near a kilometre long.
  const halls = 10
  const hallW = 90
  const L = halls * hallW
  const x0 = -L / 2
  const front = 65
  const backZ = -65
  const roofY = (x: number) => 22 + 7 * Math.sin(((x - x0) / hallW) * 2 * Math.PI - Math.PI / 2) // one wave per hall
  add('plaza', block(L + 60, 0.4, 200, 0, -0.4, 5))
  add(
    'roof',
    surface(halls * 16, 2, (u, v) => {
      const x = x0 - 4 + u * (L + 8)
      return [x, roofY(x) + 2 - 2 * Math.abs(v - 0.5), backZ - 4 + v * (front - backZ + 12)]
    }),
  )
  const xs = Array.from({ length: halls * 16 + 1 }, (_, k) => x0 + (k * L) / (halls * 16))
  const wall = (z: number, facing: 1 | -1) =>
    quads(
      xs.slice(0, -1).map((x, k): [Vec3, Vec3, Vec3, Vec3] => {
        const x1 = xs[k + 1]!
        return facing === 1
          ? [
              [x, 0, z],
              [x1, 0, z],
              [x1, roofY(x1), z],
              [x, roofY(x), z],
            ]
          : [
              [x1, 0, z],
              [x, 0, z],
              [x, roofY(x), z],
              [x1, roofY(x1), z],
            ]
      }),
    )
  add('glass', wall(front, 1))
  add('wall', wall(backZ, -1))
  for (const x of [x0, -x0]) add('wall', block(0.5, roofY(x), front - backZ, x, 0, (front + backZ) / 2))
  // Hall dividers seen through the glass, mullions and a transom.
  for (let k = 1; k < halls; k++)
    add(
      'wall',
      block(1.2, roofY(x0 + k * hallW) - 0.5, front - backZ - 1, x0 + k * hallW, 0, (front + backZ) / 2),
    )
  for (let x = x0 + 6; x < -x0; x += 6) add('mullion', block(0.35, roofY(x), 0.4, x, 0, front + 0.2))
  add(
    'mullion',
    ...polyline(
      xs.map((x): Vec3 => [x, 6, front + 0.25]),
      0.2,
    ),
  )
  add(
    'led',
    band(
      xs.map((x): Vec3 => [x, roofY(x) + 0.1, front + 8.05]),
      1.8,
      false,
    ),
  )
  // Each hall's crest, lit from front to back: the row of halls reads at night.
  for (let k = 0; k < halls; k++) {
    const x = x0 + (k + 0.5) * hallW
    add('crest', block(1.6, 0.6, front - backZ + 8, x, roofY(x) + 2.2, (front + backZ) / 2 + 2))
  }
  // Glazed entrance pavilions where the halls meet, under the troughs of the roof.
  for (let k = 0; k <= halls; k++) {
    const x = Math.min(Math.max(x0 + k * hallW, x0 + 7), -x0 - 7)
    add('glass', block(14, 12, 8, x, 0, front + 4))
    add('roof', block(16, 1, 10, x, 12, front + 4))
  }
  // Low from the river and along the front, so that the row of waves recedes into the distance over the lit glass.
  model.overview = {
    azimuth: 38,
    elevation: 5,
    focus: { min: [60, 0, -65], max: [450, 30, 75] },
  }
  return model
}
