import { BufferGeometry, Float32BufferAttribute } from 'three'

import { seeded } from '../seeded-random'
import { block, hull, hullSeams } from './geometry'
import { twinTowers } from './haixinsha'
import { createModel, type Model, type Vec3 } from './model'

/**
 * Guangzhou Opera House (广州大剧院). Facts used (LANDMARKS.md §11): Zaha Hadid's "double pebble", two boulders of
 * steel shell clad in triangular panels; the large one in rough charcoal granite over the 1,800-seat hall, the small
 * one in lighter granite over the 400-seat hall; the rest triangulated glass. From photographs: smooth, low,
 * rounded boulders on a granite plaza, their triangulated skin folding down to the ground, the seams of the panels
 * lit at night and light glowing through the glazed cuts; the twin towers of the new town behind.
 */
export function buildOperaHouse(): Model {
  const { model, add } = createModel({
    darkShell: { color: 0x3a3c42, roughness: 0.75, metallic: 0.1, flood: 0.34 },
    lightShell: { color: 0xb4b7ba, roughness: 0.7, flood: 0.42 },
    glass: { color: 0x302818, metallic: 0.1, roughness: 0.1, emissive: 0xe09848, strength: 0.75 },
    seams: { color: 0xfff4e0, emissive: 0xfff0d8, strength: 2.2 },
    plaza: { color: 0x55575a, roughness: 0.95, flood: 0.2 },
    towerGlass: { color: 0x6a88b0, metallic: 0.1, roughness: 0.4, flood: 0.85 },
    diagrid: { color: 0xe8f0ff, emissive: 0xd8e8ff, strength: 2.4 },
    ctfLight: { color: 0xfff2d8, emissive: 0xffe2b0, strength: 2.4 },
  })
  const rng = seeded(11)
  // Rounded boulders of triangular panels, folded a little at their creases, their seams lit.
  const pebble = (
    cx: number,
    cz: number,
    ax: number,
    az: number,
    h: number,
    lean: number,
  ): BufferGeometry => {
    const pts: Vec3[] = []
    const ring = (n: number, y: number, s: number, shift: number, jitter: number) => {
      for (let i = 0; i < n; i++) {
        const a = ((i + (rng() - 0.5) * 0.7) / n) * 2 * Math.PI
        const j = 1 + (rng() - 0.5) * jitter
        pts.push([
          cx + shift + ax * s * j * Math.cos(a),
          y * (1 + (rng() - 0.5) * 0.2),
          cz + az * s * j * Math.sin(a),
        ])
      }
    }
    // The skin runs down to the ground in irregular folds: no upright band at its foot.
    ring(13, 0, 0.92, 0, 0.3)
    ring(12, h * 0.2, 1, lean * 0.2, 0.26)
    ring(12, h * 0.4, 0.94, lean * 0.35, 0.14)
    ring(10, h * 0.62, 0.8, lean * 0.6, 0.14)
    ring(7, h * 0.84, 0.52, lean * 0.85, 0.12)
    ring(4, h * 0.95, 0.26, lean * 0.95, 0.1)
    pts.push([cx + lean - ax * 0.15, h, cz], [cx + lean + ax * 0.12, h * 0.96, cz + az * 0.08])
    return hull(pts)
  }
  const shells = [
    { g: pebble(-35, -10, 72, 46, 43, -14), shell: 'darkShell' as const },
    { g: pebble(62, 30, 34, 26, 24, 6), shell: 'lightShell' as const },
  ]
  for (const { g, shell } of shells) {
    const pos = g.getAttribute('position')
    const nor = g.getAttribute('normal')
    let maxY = 0
    for (let i = 0; i < pos.count; i++) maxY = Math.max(maxY, pos.getY(i))
    const glassTris: number[] = []
    const shellTris: number[] = []
    for (let t = 0; t < pos.count; t += 3) {
      const cy = (pos.getY(t) + pos.getY(t + 1) + pos.getY(t + 2)) / 3
      // Glazed cuts between the granite panels, scattered over the faces toward the river, light glowing through.
      const isGlass = nor.getZ(t) > 0.3 && cy < maxY * 0.7 && rng() < 0.14
      const target = isGlass ? glassTris : shellTris
      for (let k = 0; k < 3; k++) target.push(pos.getX(t + k), pos.getY(t + k), pos.getZ(t + k))
    }
    const make = (arr: number[]) => {
      const out = new BufferGeometry()
      out.setAttribute('position', new Float32BufferAttribute(arr, 3))
      out.computeVertexNormals()
      return out
    }
    add(shell, make(shellTris))
    add('glass', make(glassTris))
    add('seams', ...hullSeams(g, 0.2))
  }
  add('plaza', block(240, 0.5, 160, 10, -0.5, 8))
  // Behind it to the north-east the new town's twin towers (LANDMARKS.md §11 and haixinsha.ts; OSM centres):
  // the IFC, about 80 m east and 277 m north, and the CTF Finance Centre, about 353 m east and 269 m north.
  const twins = twinTowers([81, -277], [353, -269])
  add('towerGlass', ...twins.towerGlass)
  add('diagrid', ...twins.diagrid)
  add('ctfLight', ...twins.ctfLight)
  // Low over the river, framed on the two boulders, the twin towers' feet rising behind them.
  model.overview = { azimuth: 12, elevation: 6, focus: { min: [-110, 0, -60], max: [110, 70, 60] } }
  return model
}
