import { ExtrudeGeometry, Shape } from 'three'

import { seeded } from '../seeded-random'
import { band, block, extrudePlan, hull, hullSeams, planFace, prism, rod } from './geometry'
import { createModel, type Geoms, type Model, type Vec3, type XZ } from './model'

/** Metres east and south of Haixinsha's centre (23.11415, 113.31943) of a WGS84 point, as the geodata's builder. */
function fromHaixinsha(lat: number, lon: number): XZ {
  return [(lon - 113.31943) * 102380.4217, (23.11415 - lat) * 110750]
}

/**
 * Haixinsha (海心沙), seen from the south across the main channel, as from Canton Tower: the island in front, the
 * new town's central axis behind. Facts used (LANDMARKS.md §12): an olive-shaped island, 987 × 239 m
 * (lvcheng.com), with a 30 m grandstand for about 24,000 people, at the new central axis facing Canton Tower
 * (weilinceramic.com). Behind it, placed from OSM feature centres (labels_landmarks.geojson, ODbL): the Opera
 * House (23.117768, 113.317111; two dark and light granite "boulders", LANDMARKS.md §11), the Guangdong Museum
 * (23.11749, 113.32115), the Guangzhou Library (23.11896, 113.32055), Huacheng Square (23.124, 113.3192), and
 * either side of the axis the twin towers: the West Tower, Guangzhou International Finance Center (23.120273,
 * 113.3179; 440 m, a rounded triangle in plan under a white diagonal grid: en.wikipedia "Guangzhou International
 * Finance Center") and the East Tower, CTF Finance Centre (23.120201, 113.320562; 530 m, square in plan,
 * stepping in toward its crown: en.wikipedia "Guangzhou CTF Finance Centre"). The lower towers round them are
 * generic, from photographs of the Zhujiang New Town skyline.
 */
export function buildHaixinsha(): Model {
  const { model, add } = createModel({
    embankment: { color: 0x7d7a72, roughness: 0.95, flood: 0.3 },
    lawn: { color: 0x3a6a40, roughness: 1, flood: 0.35 },
    plaza: { color: 0x8c8a84, roughness: 0.9, flood: 0.3 },
    stand: { color: 0xc9ccd0, roughness: 0.7, flood: 0.45 },
    seats: { color: 0x2f4478, roughness: 0.7, flood: 0.45 },
    edgeLight: { color: 0x302818, emissive: 0xffd8a0, strength: 2.5, doubleSided: true },
    mast: { color: 0x8a9098, metallic: 0.7, roughness: 0.4 },
    floodlight: { color: 0xffffff, emissive: 0xf4f8ff, strength: 5 },
    towerGlass: { color: 0x6a88b0, metallic: 0.1, roughness: 0.4, flood: 0.85 },
    diagrid: { color: 0xe8f0ff, emissive: 0xd8e8ff, strength: 2.4 },
    ctfLight: { color: 0xfff2d8, emissive: 0xffe2b0, strength: 2.4 },
    officeGlass: { color: 0x56647a, metallic: 0.1, roughness: 0.5, flood: 0.7 },
    officeLit: { color: 0xfff0c8, emissive: 0xffd8a0, strength: 1.2 },
    operaDark: { color: 0x3c3e44, roughness: 0.7, flood: 0.3 },
    operaLight: { color: 0xc4c7ca, roughness: 0.7, flood: 0.45 },
    operaSeams: { color: 0xfff4e0, emissive: 0xfff0d8, strength: 2 },
    museum: { color: 0x9a9ea4, roughness: 0.8, flood: 0.4 },
    square: { color: 0x2a4430, roughness: 1, flood: 0.22 },
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
  // Lamp-lit promenades down the long axis.
  add('edgeLight', block(900, 0.3, 1.5, 0, 0.1, -55), block(900, 0.3, 1.5, 0, 0.1, 60))
  // Grandstand on the island's north side, facing the river and Canton Tower (+Z): a stepped section 30 m high,
  // rising to the north (-Z), 200 m long.
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
  // Profile x becomes -Z (north), extrusion runs along X.
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

  // Huacheng Square: the axis's long lawn running north from the riverside to the towers and beyond.
  // Drawn as far as the twin towers: beyond them the fog takes it.
  const [sqX] = fromHaixinsha(23.124, 113.3192)
  const sqLength = 520
  add('square', block(80, 0.2, sqLength, sqX, 0, -200 - sqLength / 2))
  add(
    'edgeLight',
    block(1.2, 0.3, sqLength, sqX - 41, 0.2, -200 - sqLength / 2),
    block(1.2, 0.3, sqLength, sqX + 41, 0.2, -200 - sqLength / 2),
  )

  const twins = twinTowers(fromHaixinsha(23.120273, 113.3179), fromHaixinsha(23.120201, 113.320562))
  add('towerGlass', ...twins.towerGlass)
  add('diagrid', ...twins.diagrid)
  add('ctfLight', ...twins.ctfLight)

  // The Opera House's two boulders west of the axis, the Museum's box and the Library east of it.
  const [opX, opZ] = fromHaixinsha(23.117768, 113.317111)
  const boulder = (cx: number, cz: number, w: number, d: number, h: number): Vec3[] => [
    [cx - w / 2, 0, cz - d * 0.3],
    [cx - w * 0.35, 0, cz + d / 2],
    [cx + w / 2, 0, cz + d * 0.2],
    [cx + w * 0.3, 0, cz - d / 2],
    [cx - w * 0.25, h, cz],
    [cx + w * 0.1, h * 0.85, cz - d * 0.15],
    [cx - w * 0.4, h * 0.45, cz + d * 0.3],
    [cx + w * 0.35, h * 0.55, cz + d * 0.25],
  ]
  const big = hull(boulder(opX - 20, opZ, 130, 100, 43))
  const small = hull(boulder(opX + 75, opZ + 40, 60, 50, 22))
  add('operaDark', big)
  add('operaLight', small)
  add('operaSeams', ...hullSeams(big, 0.5), ...hullSeams(small, 0.4))
  const [muX, muZ] = fromHaixinsha(23.11749, 113.32115)
  add('museum', block(100, 34, 100, muX, 10, muZ), block(60, 10, 60, muX, 0, muZ))
  const [liX, liZ] = fromHaixinsha(23.11896, 113.32055)
  add('museum', block(70, 50, 110, liX + 30, 0, liZ))

  // The new town's lower towers round the twin towers, lit window bands on their river faces.
  const rng = seeded(61)
  for (let k = 0; k < 18; k++) {
    const side = k % 2 === 0 ? -1 : 1
    const x = side * (260 + rng() * 260)
    const z = -480 - rng() * 300
    const w = 34 + rng() * 22
    const h = 140 + rng() * 170
    add('officeGlass', block(w, h, w, x, 0, z))
    for (let y = 6; y < h - 4; y += 12 + Math.floor(rng() * 3) * 4)
      add('officeLit', block(w * 0.9, 1.2, 0.4, x, y, z + w / 2 + 0.2))
  }

  // An island in mid-river: its own embankment; the north bank (the new town) behind it, across the back channel.
  model.riverBanks = [{ x: 0, z: -200, facing: 0 }]
  // From above the main channel to the south, as from Canton Tower, low enough that the twin towers rise against
  // the sky over the island and its axis.
  model.overview = { azimuth: 0, elevation: 12 }
  return model
}

/**
 * The new town's twin towers at the given points (metres east and south of the model's origin): the West Tower
 * (IFC, 440 m) and the East Tower (CTF Finance Centre, 530 m), by material. Facts: see buildHaixinsha.
 */
export function twinTowers(
  [ifcX, ifcZ]: XZ,
  [ctfX, ctfZ]: XZ,
): { towerGlass: Geoms; diagrid: Geoms; ctfLight: Geoms } {
  const parts = { towerGlass: [] as Geoms, diagrid: [] as Geoms, ctfLight: [] as Geoms }
  // The West Tower (IFC): a rounded triangle swelling a little at mid-height, under a white diagonal grid.
  const ifcH = 440
  const ifcPlan = (y: number, t: number): Vec3 => {
    const swell = 1 + 0.1 * Math.sin((Math.PI * y) / ifcH) - 0.25 * Math.max(0, (y - ifcH * 0.85) / ifcH) * 4
    // A triangle with rounded corners: radius pulled in between the corners.
    const r = 34 * swell * (1 - 0.12 * Math.cos(3 * t))
    return [ifcX + r * Math.sin(t), y, ifcZ + r * Math.cos(t)]
  }
  const ifcRing: Vec3[] = []
  for (let i = 0; i <= 8; i++)
    for (let k = 0; k < 18; k++) ifcRing.push(ifcPlan((i * ifcH) / 8, (k / 18) * 2 * Math.PI))
  parts.towerGlass.push(hull(ifcRing))
  const grid: Geoms = []
  const turns = 10
  for (let k = 0; k < 12; k++) {
    for (const dir of [1, -1]) {
      for (let i = 0; i < turns; i++) {
        const t0 = (k / 12) * 2 * Math.PI + (dir * i * Math.PI) / 6
        const t1 = t0 + (dir * Math.PI) / 6
        const p0 = ifcPlan((i * ifcH) / turns, t0)
        const p1 = ifcPlan(((i + 1) * ifcH) / turns, t1)
        grid.push(rod([p0[0], p0[1], p0[2]], [p1[0], p1[1], p1[2]], 0.9, 3))
      }
    }
  }
  parts.diagrid.push(...grid)

  // The East Tower (CTF): square, stepping in three times toward its crown, lit up its corners.
  const tiers: [width: number, from: number, to: number][] = [
    [66, 0, 250],
    [60, 250, 370],
    [52, 370, 460],
    [42, 460, 530],
  ]
  for (const [w, from, to] of tiers) {
    parts.towerGlass.push(block(w, to - from, w, ctfX, from, ctfZ))
    for (const sx of [-1, 1])
      for (const sz of [-1, 1])
        parts.ctfLight.push(block(1.4, to - from, 1.4, ctfX + (sx * w) / 2, from, ctfZ + (sz * w) / 2))
    parts.ctfLight.push(block(w + 1, 1.5, w + 1, ctfX, to - 1.5, ctfZ))
  }
  return parts
}
