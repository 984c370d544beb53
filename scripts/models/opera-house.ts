import { BufferGeometry, Float32BufferAttribute } from 'three'

import { seeded } from '../seeded-random'
import { block, hull, hullSeams } from './geometry'
import { createModel, type Model, type Vec3 } from './model'

/**
 * Guangzhou Opera House (广州大剧院). Facts used (LANDMARKS.md §11): Zaha Hadid's "double pebble", two boulders of
 * steel shell clad in triangular panels; the large one in rough charcoal granite over the 1,800-seat hall, the small
 * one in lighter granite over the 400-seat hall; the rest triangulated glass. From photographs: smooth, low,
 * rounded boulders on a granite plaza, the seams of the panels lit at night, glass low on the river side.
 */
export function buildOperaHouse(): Model {
  const { model, add } = createModel({
    darkShell: { color: 0x4a4c52, roughness: 0.7, metallic: 0.1, flood: 0.38 },
    lightShell: { color: 0xc4c7ca, roughness: 0.7, flood: 0.45 },
    glass: { color: 0x302818, metallic: 0.1, roughness: 0.1, emissive: 0xffc078, strength: 1.0 },
    seams: { color: 0xfff4e0, emissive: 0xfff0d8, strength: 2.2 },
    plaza: { color: 0x55575a, roughness: 0.95, flood: 0.2 },
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
    ring(13, 0, 1, 0, 0.12)
    ring(12, h * 0.32, 0.96, lean * 0.3, 0.14)
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
      // Glazing where the shell faces the river, low down.
      const isGlass = nor.getZ(t) > 0.6 && cy < maxY * 0.3
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
  // Low over the river, framed on the two boulders rather than the whole plaza.
  model.overview = { azimuth: 20, elevation: 9, focus: { min: [-110, 0, -60], max: [100, 45, 60] } }
  return model
}
