import { ExtrudeGeometry, Shape } from 'three'

import { buildCantonTower } from './canton-tower'
import { band, block, extrudePlan, planFace, prism } from './geometry'
import { createModel, include, type Model, type Vec3, type XZ } from './model'

/**
 * Haixinsha (海心沙), seen from the north across the channel. Facts used (LANDMARKS.md §12): an olive-shaped island,
 * 987 × 239 m (lvcheng.com), with a 30 m grandstand for about 24,000 people; it faces Canton Tower across the main
 * channel; the island's centre 23.11415, 113.31943 and the tower's 23.10899, 113.31914 (OSM, sites.json), so
 * the tower stands 574 m south; the tower stands about 125 m from the river (LANDMARKS.md §13).
 */
export function buildHaixinsha(): Model {
  const { model, add } = createModel({
    embankment: { color: 0x7d7a72, roughness: 0.95, flood: 0.3 },
    lawn: { color: 0x2e5234, roughness: 1, flood: 0.25 },
    plaza: { color: 0x8c8a84, roughness: 0.9, flood: 0.3 },
    stand: { color: 0xc9ccd0, roughness: 0.7, flood: 0.45 },
    seats: { color: 0x2f4478, roughness: 0.7, flood: 0.45 },
    edgeLight: { color: 0x302818, emissive: 0xffd8a0, strength: 2.5, doubleSided: true },
    mast: { color: 0x8a9098, metallic: 0.7, roughness: 0.4 },
    floodlight: { color: 0xffffff, emissive: 0xf4f8ff, strength: 5 },
  })
  const a = 987 / 2
  const b = 239 / 2
  const outline: XZ[] = []
  const n = 40
  // Olive: an ellipse pinched toward pointed ends.
  for (let k = 0; k < 2 * n; k++) {
    const t = (k / (2 * n)) * 2 * Math.PI
    const c = Math.cos(t)
    const s = Math.sin(t)
    outline.push([a * c, b * Math.sign(s) * Math.abs(s) ** 1.25])
  }
  add('embankment', extrudePlan(outline, -3, 3))
  add(
    'lawn',
    planFace(
      outline.map(([x, z]) => [x * 0.985, z * 0.94] as XZ),
      0.05,
    ),
  )
  add(
    'plaza',
    planFace(
      outline.filter(([x]) => Math.abs(x) < 180).map(([x, z]) => [x, z * 0.8] as XZ),
      0.1,
    ),
  )
  add(
    'edgeLight',
    band(
      outline.map(([x, z]): Vec3 => [x * 1.001, 0, z * 1.004]),
      1.2,
    ),
  )
  // Lamp-lit promenade down the long axis.
  add('edgeLight', block(900, 0.3, 1.5, 0, 0.1, -55), block(900, 0.3, 1.5, 0, 0.1, 60))
  // Grandstand: a stepped section 30 m high, rising away from the river (-Z), 200 m long.
  const steps = 12
  const profile = new Shape()
  profile.moveTo(0, 0)
  for (let k = 0; k < steps; k++) {
    const z = (k * 50) / steps
    profile.lineTo(z, 4 + (k * 26) / steps)
    profile.lineTo(z + 50 / steps, 4 + (k * 26) / steps)
  }
  profile.lineTo(50, 30)
  profile.lineTo(54, 30)
  profile.lineTo(54, 0)
  profile.closePath()
  const stand = new ExtrudeGeometry(profile, { depth: 200, bevelEnabled: false })
  // Profile x becomes -Z (away from the river), extrusion runs along X.
  stand.rotateY(Math.PI / 2).translate(-100, 0.1, 30)
  add('stand', stand)
  for (let k = 0; k < steps; k += 2)
    add('seats', block(196, 0.6, 50 / steps - 0.8, 0, 4.2 + (k * 26) / steps, 30 - ((k + 0.5) * 50) / steps))
  for (const x of [-420, -300, -180, 180, 300, 420, -100, 100]) {
    for (const z of [-70, 70]) {
      const zz = z * (1 - (x / a) ** 2) ** 0.6
      if (Math.abs(x) === 100 && z > 0) continue
      add('mast', prism(0.7, 0.4, 40, 6, x, 0, zz))
      add('floodlight', block(7, 4, 1, x, 40, zz + Math.sign(-zz) * 0.8))
    }
  }
  // Canton Tower across the main channel, 574 m south and 30 m west of the island's centre (sites.json), 125 m
  // back from the south bank's edge: seen from the north, the island in front and the tower behind.
  include(model, buildCantonTower(), 'tower-', -30, -574)
  // An island in mid-river: its own embankment, and the south bank across the main channel behind it.
  model.riverBanks = [{ x: 0, z: -574 + 125, facing: 0 }]
  // Straight across the channel from the north, so that the tower stands behind the island.
  model.overview = { azimuth: 0, elevation: 9 }
  return model
}
