/**
 * Procedurally builds one low-poly night model per stop of the pearl-river-night route.
 * Real metres, Y up, origin at the ground centre of the site, river side toward +Z. The scene draws the river
 * (at WATER_LEVEL) and the bank around each model; a model that is not simply on a bank with the river in front
 * says where its banks are in its scene extras (`riverBanks`, see src/scene/site-layout.ts).
 * Run: npx tsx scripts/build-models.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { Document, Logger, NodeIO } from '@gltf-transform/core'
import {
  ALL_EXTENSIONS,
  EXTMeshoptCompression,
  KHRMaterialsEmissiveStrength,
  KHRMeshQuantization,
} from '@gltf-transform/extensions'
import { dedup, meshopt, prune, weld } from '@gltf-transform/functions'
import draco3d from 'draco3dgltf'
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer'
import {
  BoxGeometry,
  BufferGeometry,
  CircleGeometry,
  ConeGeometry,
  CylinderGeometry,
  ExtrudeGeometry,
  Float32BufferAttribute,
  IcosahedronGeometry,
  LatheGeometry,
  Matrix4,
  PlaneGeometry,
  Quaternion,
  RingGeometry,
  Shape,
  ShapeGeometry,
  Vector2,
  Vector3,
} from 'three'
import { ConvexGeometry } from 'three/addons/geometries/ConvexGeometry.js'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'

import { WATER_LEVEL, type BankEdge } from '../src/scene/site-layout'
import { seeded } from './seeded-random'

/** Stop ids of the pearl-river-night route, west to east. */
export const STOP_IDS = [
  'white-swan-pool',
  'shamian',
  'customs-house',
  'oi-kwan-building',
  'sacred-heart-cathedral',
  'haizhu-bridge',
  'tianzi-pier',
  'ersha-island',
  'opera-house',
  'haixinsha',
  'canton-tower',
  'canton-fair',
  'pazhou-pagoda',
] as const

/** A stop id of the pearl-river-night route. */
export type StopId = (typeof STOP_IDS)[number]

/** Budget every model must fit, checked by the build and by the test. */
export const MODEL_BUDGET = { bytes: 150 * 1024, triangles: 30_000 } as const

/** Credit written into every model's scene extras. */
export const MODEL_CREDIT = 'Reading Guangzhou by Water contributors, CC BY 4.0'

const OUT_DIR = fileURLToPath(new URL('../routes-data/pearl-river-night/models/', import.meta.url))

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

type Vec3 = readonly [number, number, number]
type XZ = readonly [number, number]
type Geoms = BufferGeometry[]

interface MaterialSpec {
  /** sRGB hex; converted to linear for glTF factors. */
  color: number
  metallic?: number
  roughness?: number
  emissive?: number
  /** KHR_materials_emissive_strength, for LEDs brighter than 1. */
  strength?: number
  /** Self-illumination in the base colour, so that floodlit masonry still reads on a dark night. */
  flood?: number
  doubleSided?: boolean
}

interface Model {
  materials: Record<string, MaterialSpec>
  parts: Map<string, Geoms>
  /** Where the river banks are, when not one bank with the river in front (+Z). */
  riverBanks?: BankEdge[]
}

/** One model under construction: geometries collected per material, merged into one primitive each. */
function createModel<K extends string>(materials: Record<K, MaterialSpec>) {
  const model: Model = { materials, parts: new Map() }
  const add = (key: K, ...geometries: Geoms): void => {
    const list = model.parts.get(key) ?? []
    list.push(...geometries)
    model.parts.set(key, list)
  }
  return { model, add }
}

const srgbToLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)

function linearRgb(hex: number): [number, number, number] {
  return [
    srgbToLinear(((hex >> 16) & 255) / 255),
    srgbToLinear(((hex >> 8) & 255) / 255),
    srgbToLinear((hex & 255) / 255),
  ]
}

/** Turns about Y, then moves to (x, y, z). */
function place<T extends BufferGeometry>(g: T, x: number, y: number, z: number, rotY = 0): T {
  if (rotY) g.rotateY(rotY)
  g.translate(x, y, z)
  return g
}

/** Box standing on y (its base centre at x, y, z). */
function block(w: number, h: number, d: number, x: number, y: number, z: number, rotY = 0): BufferGeometry {
  return place(new BoxGeometry(w, h, d).translate(0, h / 2, 0), x, y, z, rotY)
}

/** Prism or frustum standing on y; `sides` 8 gives an octagon, a face toward +Z when `faceZ`. */
function prism(
  rBottom: number,
  rTop: number,
  h: number,
  sides: number,
  x: number,
  y: number,
  z: number,
  opts: { faceZ?: boolean; open?: boolean; flat?: boolean } = {},
): BufferGeometry {
  const g = new CylinderGeometry(rTop, rBottom, h, sides, 1, opts.open ?? false).translate(0, h / 2, 0)
  if (opts.faceZ) g.rotateY(Math.PI / sides)
  g.translate(x, y, z)
  return opts.flat ? flat(g) : g
}

/** Rod of radius r from a to b (open-ended: the caps are never seen). */
function rod(a: Vec3, b: Vec3, r: number, sides = 4): BufferGeometry {
  const va = new Vector3(...a)
  const vb = new Vector3(...b)
  const g = new CylinderGeometry(r, r, va.distanceTo(vb), sides, 1, true)
  g.applyQuaternion(new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), vb.clone().sub(va).normalize()))
  return g.translate((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)
}

/** Rods along a polyline. */
function polyline(points: Vec3[], r: number, closed = false, sides = 4): Geoms {
  const out: Geoms = []
  const n = closed ? points.length : points.length - 1
  for (let i = 0; i < n; i++) out.push(rod(points[i]!, points[(i + 1) % points.length]!, r, sides))
  return out
}

/** Convex hull of points: roofs, hulls and pebbles with flat faceted faces. */
function hull(points: Vec3[]): BufferGeometry {
  return new ConvexGeometry(points.map((p) => new Vector3(...p)))
}

/** Hipped roof over a w × d rectangle (ridge along X), eaves at y. */
function hipRoof(w: number, d: number, h: number, x: number, y: number, z: number, rotY = 0): BufferGeometry {
  const r = Math.max(0, (w - d) / 2)
  const g = hull([
    [-w / 2, 0, -d / 2],
    [w / 2, 0, -d / 2],
    [w / 2, 0, d / 2],
    [-w / 2, 0, d / 2],
    [-r, h, 0],
    [r + 0.01, h, 0],
  ])
  return place(g, x, y, z, rotY)
}

/** Gabled roof over a w × d rectangle, ridge along X. */
function gableRoof(
  w: number,
  d: number,
  h: number,
  x: number,
  y: number,
  z: number,
  rotY = 0,
): BufferGeometry {
  const g = hull([
    [-w / 2, 0, -d / 2],
    [w / 2, 0, -d / 2],
    [w / 2, 0, d / 2],
    [-w / 2, 0, d / 2],
    [-w / 2, h, 0],
    [w / 2, h, 0],
  ])
  return place(g, x, y, z, rotY)
}

/** Faceted copy: every triangle gets its own normal. */
function flat(g: BufferGeometry): BufferGeometry {
  const out = g.index ? g.toNonIndexed() : g
  out.deleteAttribute('normal')
  out.computeVertexNormals()
  return out
}

/** Vertical extrusion of a plan polygon given as [x, z] points. */
function extrudePlan(plan: readonly XZ[], y: number, h: number): BufferGeometry {
  // Shape y maps to -z after the -90° turn about X.
  const shape = new Shape(plan.map(([x, z]) => new Vector2(x, -z)))
  const g = new ExtrudeGeometry(shape, { depth: h, bevelEnabled: false })
  g.rotateX(-Math.PI / 2)
  return g.translate(0, y, 0)
}

/** Flat horizontal face of a plan polygon at height y, facing up. */
function planFace(plan: readonly XZ[], y: number): BufferGeometry {
  const g = new ShapeGeometry(new Shape(plan.map(([x, z]) => new Vector2(x, -z))))
  g.rotateX(-Math.PI / 2)
  return g.translate(0, y, 0)
}

/** Triangles from quads [p0, p1, p2, p3] (counter-clockwise seen from the front). */
function quads(list: Array<readonly [Vec3, Vec3, Vec3, Vec3]>): BufferGeometry {
  const pos: number[] = []
  for (const [a, b, c, d] of list) pos.push(...a, ...b, ...c, ...a, ...c, ...d)
  const g = new BufferGeometry()
  g.setAttribute('position', new Float32BufferAttribute(pos, 3))
  g.computeVertexNormals()
  return g
}

/** Smooth grid surface p(u, v), u and v in [0, 1]. */
function surface(nu: number, nv: number, p: (u: number, v: number) => Vec3): BufferGeometry {
  const g = new PlaneGeometry(1, 1, nu, nv)
  const pos = g.getAttribute('position')
  for (let i = 0; i < pos.count; i++) {
    const [x, y, z] = p(pos.getX(i) + 0.5, pos.getY(i) + 0.5)
    pos.setXYZ(i, x, y, z)
  }
  g.computeVertexNormals()
  return g
}

/** Vertical band through points (e.g. an LED ring), from y of each point up by h. */
function band(points: Vec3[], h: number, closed = true): BufferGeometry {
  const list: Array<[Vec3, Vec3, Vec3, Vec3]> = []
  const n = closed ? points.length : points.length - 1
  for (let i = 0; i < n; i++) {
    const a = points[i]!
    const b = points[(i + 1) % points.length]!
    list.push([a, b, [b[0], b[1] + h, b[2]], [a[0], a[1] + h, a[2]]])
  }
  return quads(list)
}

interface Wall {
  a: XZ
  b: XZ
  /** Unit outward normal in the XZ plane. */
  out: XZ
}

/** Walls of a convex plan polygon, each with its outward normal. */
function wallsOf(plan: readonly XZ[]): Wall[] {
  const cx = plan.reduce((s, p) => s + p[0], 0) / plan.length
  const cz = plan.reduce((s, p) => s + p[1], 0) / plan.length
  return plan.map((a, i) => {
    const b = plan[(i + 1) % plan.length]!
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    let out: XZ = [(b[1] - a[1]) / len, -(b[0] - a[0]) / len]
    const mx = (a[0] + b[0]) / 2 - cx
    const mz = (a[1] + b[1]) / 2 - cz
    if (out[0] * mx + out[1] * mz < 0) out = [-out[0], -out[1]]
    return { a, b, out }
  })
}

interface WindowGrid {
  y: number
  storeys: number
  storeyH: number
  /** Target bay width along the wall. */
  bay: number
  paneW: number
  paneH: number
  sill: number
  /** Share of panes that are lit. */
  lit: number
  rng: () => number
  /** Keep this far from the wall ends. */
  margin?: number
}

/** Window panes, storey by storey, on one wall; lit and dark panes go to separate lists. */
function windows(wall: Wall, grid: WindowGrid, lit: Geoms, dark: Geoms): void {
  const [ax, az] = wall.a
  const [bx, bz] = wall.b
  const len = Math.hypot(bx - ax, bz - az)
  const margin = grid.margin ?? 0
  const usable = len - 2 * margin
  const n = Math.max(1, Math.floor(usable / grid.bay))
  const rotY = Math.atan2(wall.out[0], wall.out[1])
  for (let s = 0; s < grid.storeys; s++) {
    for (let k = 0; k < n; k++) {
      const t = (margin + ((k + 0.5) * usable) / n) / len
      const pane = new PlaneGeometry(grid.paneW, grid.paneH)
      place(
        pane,
        ax + (bx - ax) * t + wall.out[0] * 0.08,
        grid.y + s * grid.storeyH + grid.sill + grid.paneH / 2,
        az + (bz - az) * t + wall.out[1] * 0.08,
        rotY,
      )
      ;(grid.rng() < grid.lit ? lit : dark).push(pane)
    }
  }
}

/** Round tree: a trunk and a faceted crown. */
function tree(x: number, z: number, h: number, r: number): { trunk: BufferGeometry; crown: BufferGeometry } {
  const crown = new IcosahedronGeometry(r, 1).scale(1, 0.85, 1)
  return { trunk: prism(0.3, 0.25, h - r * 0.6, 5, x, 0, z), crown: place(flat(crown), x, h, z) }
}

/** Street lamp: a post and a glowing globe. */
function lamp(x: number, z: number, h: number, y = 0): { post: BufferGeometry; light: BufferGeometry } {
  return {
    post: prism(0.12, 0.09, h, 5, x, y, z),
    light: place(new IcosahedronGeometry(0.5, 1), x, y + h + 0.3, z),
  }
}

interface BoatParts {
  hull: Geoms
  cabin: Geoms
  glass: Geoms
  led: Geoms
}

/** River cruise boat along X (bow toward +X) with lit window bands and an LED outline on the hull. */
function cruiseBoat(length: number, beam: number, decks: number): BoatParts {
  const L = length / 2
  const B = beam / 2
  const h = 1.6
  const deckOutline: Vec3[] = [
    [-L, h, -B],
    [L - beam, h, -B],
    [L, h, 0],
    [L - beam, h, B],
    [-L, h, B],
  ]
  const parts: BoatParts = {
    hull: [
      hull([
        ...deckOutline,
        [-L + 1, -0.8, -B * 0.8],
        [L - beam - 1, -0.8, -B * 0.8],
        [L - 2, -0.8, 0],
        [L - beam - 1, -0.8, B * 0.8],
        [-L + 1, -0.8, B * 0.8],
      ]),
    ],
    cabin: [],
    glass: [],
    led: polyline(deckOutline, 0.12, true),
  }
  let y = h
  let cl = length * 0.7
  let cb = beam * 0.82
  for (let d = 0; d < decks; d++) {
    const cx = -L + 1.5 + cl / 2
    parts.cabin.push(block(cl, 2.6, cb, cx, y, 0))
    parts.glass.push(block(cl + 0.12, 1.3, cb + 0.12, cx, y + 0.8, 0))
    parts.cabin.push(block(cl + 0.6, 0.2, cb + 0.6, cx, y + 2.6, 0))
    y += 2.8
    cl *= 0.72
    cb *= 0.95
  }
  // Wheelhouse on top, toward the bow.
  parts.cabin.push(block(3, 2, beam * 0.5, -L + 1.5 + cl * 1.1, y, 0))
  parts.glass.push(block(3.1, 0.8, beam * 0.5 + 0.1, -L + 1.5 + cl * 1.1, y + 0.9, 0))
  return parts
}

/** Applies the same turn and move to every geometry of a boat. */
function placeBoat(parts: BoatParts, x: number, y: number, z: number, rotY: number): BoatParts {
  const m = new Matrix4().makeRotationY(rotY).setPosition(x, y, z)
  for (const list of Object.values(parts) as Geoms[]) for (const g of list) g.applyMatrix4(m)
  return parts
}

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/** Canton Tower: hyperboloid lattice of 24 columns between two twisted ellipses, LED rings, mast to 600 m. */
function buildCantonTower(): Model {
  const { model, add } = createModel({
    steel: { color: 0x8a929c, metallic: 0.6, roughness: 0.45, emissive: 0x9088a8, strength: 0.1 },
    core: { color: 0x2a2d33, metallic: 0.2, roughness: 0.8 },
    ledMagenta: { color: 0x301028, emissive: 0xff2fb4, strength: 2.5, doubleSided: true },
    ledBlue: { color: 0x101830, emissive: 0x3a78ff, strength: 2.5, doubleSided: true },
    glass: { color: 0x202830, metallic: 0.1, roughness: 0.2, emissive: 0xcfe4ff, strength: 1.6 },
    beacon: { color: 0x400000, emissive: 0xff2a1a, strength: 6 },
  })
  const columns = 24
  const topY = 450
  const twist = (60 * Math.PI) / 180 // columns lean this far round: a 34 × 20 m waist at about 330 m
  const turn = Math.PI / 4 // top ellipse rotated 45° against the base ellipse
  const bottom = (i: number): Vec3 => {
    const a = (2 * Math.PI * i) / columns
    return [40 * Math.cos(a), 0, 30 * Math.sin(a)]
  }
  const top = (i: number): Vec3 => {
    const a = (2 * Math.PI * i) / columns + twist
    const x = 20 * Math.cos(a)
    const z = 14 * Math.sin(a)
    return [x * Math.cos(turn) - z * Math.sin(turn), topY, x * Math.sin(turn) + z * Math.cos(turn)]
  }
  const at = (i: number, y: number): Vec3 => {
    const a = bottom(i)
    const b = top(i)
    const t = y / topY
    return [a[0] + (b[0] - a[0]) * t, y, a[2] + (b[2] - a[2]) * t]
  }
  for (let i = 0; i < columns; i++) add('steel', rod(bottom(i), top(i), 1.3, 6))
  // 46 LED rings, as on the real tower.
  for (let r = 0; r < 46; r++) {
    const y = 6 + (r * (topY - 12)) / 45
    // Just outside the columns, so the ring reads as one line rather than dashes between them.
    const ring = Array.from({ length: columns }, (_, i): Vec3 => {
      const [x, , z] = at(i, y)
      const k = 1 + 1.6 / Math.hypot(x, z)
      return [x * k, y, z * k]
    })
    add(r % 2 === 0 ? 'ledMagenta' : 'ledBlue', band(ring, 4))
  }
  // Elliptical core, 14 × 17 m.
  add('core', prism(1, 1, topY + 4, 20, 0, 0, 0, { open: false }).scale(7, 1, 8.5))
  // Top: deck ring with lit glass, crystal cars, mast and beacon.
  const deck = (r: number, h: number, y: number) =>
    prism(1, 1, h, 24, 0, 0, 0)
      .scale(20 * r, 1, 14 * r)
      .rotateY(-turn)
      .translate(0, y, 0)
  add('core', deck(1.02, 2, topY - 2), deck(0.9, 1, topY + 8))
  add('glass', deck(0.96, 8, topY))
  for (let k = 0; k < 16; k++) {
    const a = (2 * Math.PI * k) / 16
    const x = 21.5 * Math.cos(a)
    const z = 15.5 * Math.sin(a)
    add(
      'glass',
      block(
        2.6,
        2.6,
        2.6,
        x * Math.cos(turn) - z * Math.sin(turn),
        topY + 10,
        x * Math.sin(turn) + z * Math.cos(turn),
      ),
    )
  }
  add('steel', prism(4.5, 0.7, 146, 8, 0, 454, 0))
  for (let k = 0; k < 5; k++) add('ledBlue', prism(3.9 - k * 0.7, 3.8 - k * 0.7, 1.5, 8, 0, 470 + k * 25, 0))
  add(
    'beacon',
    place(new IcosahedronGeometry(1.2, 1), 0, 599, 0),
    place(new IcosahedronGeometry(1, 0), 0, 455, 0),
  )
  return model
}

/** Haizhu Bridge: 183 m deck along X on three steel truss spans (67 + 49 + 67 m) with period lamps. */
function buildHaizhuBridge(): Model {
  const { model, add } = createModel({
    steel: { color: 0x8f9ba6, metallic: 0.5, roughness: 0.5, flood: 0.35 },
    deck: { color: 0x5a5d62, roughness: 0.9, flood: 0.25 },
    pier: { color: 0x8a857c, roughness: 0.95, flood: 0.3 },
    ledGold: { color: 0x403010, emissive: 0xffc46a, strength: 2.5 },
    lampLight: { color: 0xffe6b0, emissive: 0xffd890, strength: 4 },
    plaque: { color: 0x500000, emissive: 0xff3b2a, strength: 2 },
  })
  const deckY = 10
  const halfW = 9.5
  const spans = [
    { x0: -91.45, x1: -24.5, rise: 13, panels: 8 },
    { x0: -24.5, x1: 24.5, rise: 8, panels: 6 },
    { x0: 24.5, x1: 91.45, rise: 13, panels: 8 },
  ]
  add('deck', block(182.9 + 30, 1.4, halfW * 2 + 3, 0, deckY - 1.4, 0))
  for (const { x0, x1, rise, panels } of spans) {
    const mid = (x0 + x1) / 2
    const half = (x1 - x0) / 2
    // Bow-shaped top chord: a parabola springing from 2.5 m above the deck.
    const topAt = (x: number) => deckY + 2.5 + rise * (1 - ((x - mid) / half) ** 2)
    for (const side of [-1, 1]) {
      const z = side * halfW
      const top: Vec3[] = []
      const bottom: Vec3[] = []
      for (let k = 0; k <= panels; k++) {
        const x = x0 + ((x1 - x0) * k) / panels
        top.push([x, topAt(x), z])
        bottom.push([x, deckY, z])
      }
      add('steel', ...polyline(top, 0.45), ...polyline(bottom, 0.4))
      add(
        'ledGold',
        ...polyline(
          top.map(([x, y]) => [x, y + 0.6, z] as Vec3),
          0.22,
          false,
          4,
        ),
      )
      for (let k = 0; k <= panels; k++) {
        add('steel', rod(bottom[k]!, top[k]!, 0.28))
        if (k < panels)
          add(
            'steel',
            rod(k < panels / 2 ? top[k]! : bottom[k]!, k < panels / 2 ? bottom[k + 1]! : top[k + 1]!, 0.22),
          )
      }
      // Top lateral bracing where there is headroom.
      if (side === 1) {
        for (let k = 1; k < panels; k++) {
          const [x, y] = top[k]!
          if (y - deckY > 8) add('steel', rod([x, y, -halfW], [x, y, halfW], 0.22))
        }
      }
    }
  }
  add(
    'plaque',
    block(6, 1.6, 0.3, 0, deckY + 8.6, halfW + 0.5),
    block(6, 1.6, 0.3, 0, deckY + 8.6, -halfW - 0.5),
  )
  for (const x of [-24.5, 24.5])
    add('pier', block(5, deckY - 1.4 - WATER_LEVEL, halfW * 2 + 2, x, WATER_LEVEL, 0))
  for (const x of [-95, 95]) add('pier', block(8, deckY - 1.4, halfW * 2 + 4, x, 0, 0))
  for (let x = -84; x <= 84; x += 14) {
    for (const z of [-halfW + 1.2, halfW - 1.2]) {
      const { post, light } = lamp(x, z, 5.5, deckY)
      add('deck', post)
      add('lampLight', light)
    }
  }
  // The river runs under the bridge, between a bank at each end.
  model.riverBanks = [
    { x: spans[0]!.x0, z: 0, facing: 90 },
    { x: spans[2]!.x1, z: 0, facing: -90 },
  ]
  return model
}

/** Customs House: 4-storey granite block, paired columns on the river front, 13 m domed clock tower to 32 m. */
function buildCustomsHouse(): Model {
  const { model, add } = createModel({
    granite: { color: 0xd8d0bc, roughness: 0.85, flood: 0.35 },
    brick: { color: 0xa44e38, roughness: 0.9, flood: 0.3 },
    dome: { color: 0x7d8f84, metallic: 0.3, roughness: 0.6, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffcf7a, strength: 1.4 },
    dark: { color: 0x1d232b, metallic: 0.2, roughness: 0.3 },
    clock: { color: 0xfffbe8, emissive: 0xfff4d0, strength: 3 },
    iron: { color: 0x202020, roughness: 0.6 },
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
  for (const x of [-16, -8, 8, 16]) {
    for (const dx of [-0.8, 0.8]) add('granite', prism(0.5, 0.45, 9.5, 10, x + dx, 5.5, front))
  }
  add('granite', block(W - 12, 1, 2.6, 0, 15, front - 0.4), block(W - 12, 0.6, 2.6, 0, 5.2, front - 0.4))
  // Clock tower, 13 m above the 19 m walls: plinth, clock stage with paired corner columns, drum, dome, lantern.
  const tz = D / 2 - 5
  add(
    'granite',
    block(8.6, 4.5, 8.6, 0, wallTop, tz),
    block(7.6, 4, 7.6, 0, wallTop + 4.5, tz),
    block(8.6, 0.6, 8.6, 0, wallTop + 8.5, tz),
  )
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      for (const [px, pz] of [
        [4.1, 3.1],
        [3.1, 4.1],
      ] as const)
        add('granite', prism(0.3, 0.28, 4, 8, sx * px, wallTop + 4.5, tz + sz * pz))
    }
  }
  for (const [nx, nz] of [
    [0, 1],
    [1, 0],
    [0, -1],
    [-1, 0],
  ] as const) {
    const rotY = Math.atan2(nx, nz)
    const c = (o: number) => [nx * o, wallTop + 6.5, tz + nz * o] as const
    add('clock', place(new CircleGeometry(1.25, 20), ...c(3.86), rotY))
    add('iron', place(new BoxGeometry(0.12, 0.9, 0.05).translate(0, 0.4, 0), ...c(3.92), rotY))
    add('iron', place(new BoxGeometry(0.6, 0.1, 0.05).translate(0.28, 0, 0), ...c(3.92), rotY))
  }
  add('granite', prism(3.3, 3.3, 1.4, 16, 0, wallTop + 9.1, tz))
  const domeProfile = Array.from({ length: 9 }, (_, k) => {
    const a = (k / 8) * (Math.PI / 2)
    return new Vector2(Math.max(0.001, 3.2 * Math.cos(a)), 2.6 * Math.sin(a))
  })
  add('dome', place(new LatheGeometry(domeProfile, 16), 0, wallTop + 10.5, tz))
  add('granite', prism(0.6, 0.5, 0.9, 8, 0, wallTop + 12.9, tz))
  add('dome', prism(0.55, 0.02, 0.7, 8, 0, wallTop + 13.8, tz))
  return model
}

/** Sacred Heart Cathedral: Gothic cross plan 79 × 35 m, twin spires to 58.5 m, lit rose window and lancets. */
function buildSacredHeartCathedral(): Model {
  const { model, add } = createModel({
    stone: { color: 0xaaa89f, roughness: 0.9, flood: 0.35 },
    roof: { color: 0x4c535c, metallic: 0.3, roughness: 0.6, flood: 0.2 },
    glass: { color: 0x40301a, emissive: 0xffb65c, strength: 1.6 },
    rose: { color: 0x302040, emissive: 0xd070ff, strength: 2.2 },
    door: { color: 0x402810, emissive: 0xffa040, strength: 1.5 },
    gold: { color: 0xd9b35a, metallic: 0.8, roughness: 0.35, emissive: 0x806020, strength: 1 },
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
  return model
}

/** Pointed-arch window shape, facing +Z, standing on y = 0. */
function lancet(w: number, h: number): BufferGeometry {
  const s = new Shape()
  s.moveTo(-w / 2, 0)
  s.lineTo(w / 2, 0)
  s.lineTo(w / 2, h - w)
  s.quadraticCurveTo(w / 2, h - w * 0.3, 0, h)
  s.quadraticCurveTo(-w / 2, h - w * 0.3, -w / 2, h - w)
  s.closePath()
  return new ShapeGeometry(s, 3)
}

/** Guangzhou Opera House: a large dark and a small light faceted "pebble", lit glass toward the river, lit seams. */
function buildOperaHouse(): Model {
  const { model, add } = createModel({
    darkShell: { color: 0x34363b, roughness: 0.7, metallic: 0.1, flood: 0.25 },
    lightShell: { color: 0xc4c7ca, roughness: 0.7, flood: 0.45 },
    glass: { color: 0x302818, metallic: 0.1, roughness: 0.1, emissive: 0xffc078, strength: 1.0 },
    seams: { color: 0xfff4e0, emissive: 0xfff0d8, strength: 2.2 },
    plaza: { color: 0x55575a, roughness: 0.95, flood: 0.2 },
  })
  const rng = seeded(11)
  // Few, large facets: the real shells are folded planes, not domes.
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
    ring(9, 0, 1, 0, 0.25)
    ring(7, h * 0.5, 0.85, lean * 0.5, 0.3)
    ring(5, h * 0.85, 0.45, lean * 0.9, 0.3)
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
      const isGlass = nor.getZ(t) > 0.55 && cy < maxY * 0.42
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
    add('seams', ...hullSeams(g, 0.28))
  }
  add('plaza', block(240, 0.5, 160, 10, -0.5, 8))
  return model
}

/** Thin rods along the creases of a faceted hull (edges between non-coplanar faces). */
function hullSeams(g: BufferGeometry, r: number): Geoms {
  const pos = g.getAttribute('position')
  const key = (i: number) => `${pos.getX(i).toFixed(2)},${pos.getY(i).toFixed(2)},${pos.getZ(i).toFixed(2)}`
  const edges = new Map<string, { a: Vec3; b: Vec3; normals: Vector3[] }>()
  for (let t = 0; t < pos.count; t += 3) {
    const p = [0, 1, 2].map((k) => new Vector3(pos.getX(t + k), pos.getY(t + k), pos.getZ(t + k)))
    const n = p[1]!.clone().sub(p[0]!).cross(p[2]!.clone().sub(p[0]!)).normalize()
    for (let k = 0; k < 3; k++) {
      const i = t + k
      const j = t + ((k + 1) % 3)
      const [ka, kb] = [key(i), key(j)].sort() as [string, string]
      const id = `${ka}|${kb}`
      const e = edges.get(id) ?? {
        a: [pos.getX(i), pos.getY(i), pos.getZ(i)] as Vec3,
        b: [pos.getX(j), pos.getY(j), pos.getZ(j)] as Vec3,
        normals: [],
      }
      e.normals.push(n)
      edges.set(id, e)
    }
  }
  const out: Geoms = []
  for (const { a, b, normals } of edges.values()) {
    const crease = normals.length < 2 || normals[0]!.dot(normals[1]!) < 0.999
    const onGround = a[1] < 0.01 && b[1] < 0.01
    if (crease && !onGround) out.push(rod(a, b, r, 3))
  }
  return out
}

/** Pazhou Pagoda: octagonal, 9 storeys, 12.7 m base, about 59 m; white walls, red posts and lintels, corbelled eaves. */
function buildPazhouPagoda(): Model {
  const { model, add } = createModel({
    wall: { color: 0xeee8dc, roughness: 0.9, emissive: 0xffe2b8, strength: 0.38 },
    eave: { color: 0x5e5955, roughness: 0.9, flood: 0.3 },
    red: { color: 0xb02c1e, roughness: 0.8, flood: 0.45 },
    plinth: { color: 0x9a5040, roughness: 0.95, flood: 0.35 },
    lit: { color: 0x503010, emissive: 0xffb050, strength: 2 },
    finial: { color: 0xc9a04a, metallic: 0.7, roughness: 0.4, emissive: 0x604010, strength: 0.8 },
  })
  const sides = 8
  const oct = { faceZ: true, flat: true }
  add('plinth', prism(7.6, 7.4, 1.8, sides, 0, 0, 0, oct))
  let y = 1.8
  const storeys = 9
  for (let i = 0; i < storeys; i++) {
    const r = 6.35 - (i * 2.45) / (storeys - 1)
    const rNext = 6.35 - ((i + 1) * 2.45) / (storeys - 1)
    const h = 6.4 - 0.2 * i
    const wallH = h - 1.3
    add('wall', prism(r, r - 0.12, wallH, sides, 0, y, 0, oct))
    add('red', prism(r + 0.08, r + 0.06, 0.45, sides, 0, y + wallH - 0.7, 0, oct))
    add('eave', prism(r - 0.1, r + 1.25, 0.8, sides, 0, y + wallH, 0, oct))
    add('eave', prism(r + 1.25, Math.max(rNext, 1), 0.5, sides, 0, y + wallH + 0.8, 0, oct))
    for (let k = 0; k < sides; k++) {
      const a = (k * 2 * Math.PI) / sides // face centre (faces sit at multiples of π/4 from +Z)
      const ca = a + Math.PI / sides
      add('red', block(0.55, wallH - 0.7, 0.55, (r - 0.1) * Math.sin(ca), y, (r - 0.1) * Math.cos(ca), ca))
      // Doorways on alternate faces, turning by one face each storey.
      if ((k + i) % 2 === 0) {
        const ap = r * Math.cos(Math.PI / sides) - 0.05
        add(
          'lit',
          place(
            lancet(1.3, 2.4),
            ap * Math.sin(a) + 0.07 * Math.sin(a),
            y + 0.8,
            ap * Math.cos(a) + 0.07 * Math.cos(a),
            a,
          ),
        )
      }
    }
    y += h
  }
  add('eave', prism(4.5, 0.6, 2.6, sides, 0, y - 0.1, 0, oct))
  add('finial', prism(0.25, 0.15, 5.2, 6, 0, y + 1.5, 0))
  add(
    'finial',
    place(flat(new IcosahedronGeometry(0.9, 0)), 0, y + 3, 0),
    place(flat(new IcosahedronGeometry(0.6, 0)), 0, y + 4.6, 0),
  )
  return model
}

/** Oi Kwan Building: slim 15-storey art-deco tower, 64 m, on a triangular plot, stepped top, lit windows. */
function buildOiKwanBuilding(): Model {
  const { model, add } = createModel({
    stone: { color: 0xded2b6, roughness: 0.85, flood: 0.35 },
    lit: { color: 0xfff0c8, emissive: 0xffc870, strength: 1.4 },
    dark: { color: 0x1c222a, metallic: 0.3, roughness: 0.25 },
    crown: { color: 0xfff6e0, emissive: 0xfff0d0, strength: 2.2 },
    mast: { color: 0x9aa0a6, metallic: 0.8, roughness: 0.4 },
    beacon: { color: 0x400000, emissive: 0xff2a1a, strength: 4 },
  })
  const rng = seeded(7)
  // Triangular plot: river front along +Z, west side square to it, long diagonal on the north-east.
  const plot: XZ[] = [
    [-14, 12],
    [16, 12],
    [18.5, 8.5],
    [-10, -16],
    [-14, -16],
  ]
  const cx = -4
  const cz = 2
  const scaled = (s: number): XZ[] => plot.map(([x, z]) => [cx + (x - cx) * s, cz + (z - cz) * s])
  const tiers = [
    { plan: scaled(1), y: 0, storeys: 10, first: 4.5 },
    { plan: scaled(0.72), y: 37.8, storeys: 3, first: 3.6 },
    { plan: scaled(0.5), y: 48.6, storeys: 2, first: 3.6 },
  ]
  const lit: Geoms = []
  const dark: Geoms = []
  for (const { plan, y, storeys, first } of tiers) {
    const h = first + (storeys - 1) * 3.6
    add(
      'stone',
      extrudePlan(plan, y, h),
      extrudePlan(
        plan.map(([x, z]) => [cx + (x - cx) * 1.02, cz + (z - cz) * 1.02] as XZ),
        y + h,
        0.9,
      ),
    )
    for (const wall of wallsOf(plan)) {
      if (Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1]) < 3) continue
      windows(
        wall,
        {
          y: y + first - 3.6,
          storeys: storeys,
          storeyH: 3.6,
          bay: 2.6,
          paneW: 1.3,
          paneH: 2.1,
          sill: 0.8,
          lit: 0.65,
          rng,
          margin: 0.6,
        },
        lit,
        dark,
      )
      // Art-deco piers running the full tier height between bays.
      const len = Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1])
      const n = Math.max(1, Math.floor((len - 1.2) / 2.6))
      const rotY = Math.atan2(wall.out[0], wall.out[1])
      for (let k = 0; k <= n; k++) {
        const t = (0.6 + (k * (len - 1.2)) / n) / len
        const px = wall.a[0] + (wall.b[0] - wall.a[0]) * t + wall.out[0] * 0.25
        const pz = wall.a[1] + (wall.b[1] - wall.a[1]) * t + wall.out[1] * 0.25
        add('stone', block(0.55, h + 0.9, 0.5, px, y, pz, rotY))
      }
    }
  }
  // The ground-floor windows are storey 0 of the first tier: shops, all lit.
  add('lit', ...lit)
  add('dark', ...dark)
  const crownPlan = scaled(0.3)
  add('stone', extrudePlan(crownPlan, 56.1, 3.2))
  add('crown', extrudePlan(scaled(0.32), 57.2, 0.6))
  add('stone', prism(1.6, 0.6, 1.8, 8, cx, 59.3, cz))
  add('mast', prism(0.15, 0.08, 2.8, 6, cx, 61.1, cz))
  add('beacon', place(new IcosahedronGeometry(0.25, 0), cx, 63.9, cz))
  return model
}

/** Shamian: colonial two-storey villas with hipped roofs and verandas along a tree-lined avenue, street lamps. */
function buildShamian(): Model {
  const { model, add } = createModel({
    stuccoCream: { color: 0xecd59a, roughness: 0.9, flood: 0.4 },
    stuccoPink: { color: 0xeac4b4, roughness: 0.9, flood: 0.4 },
    white: { color: 0xf2efe8, roughness: 0.8, flood: 0.4 },
    roof: { color: 0x8a4430, roughness: 0.85, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffc468, strength: 1.3 },
    dark: { color: 0x1d232b, roughness: 0.4 },
    crown: { color: 0x3a6a40, roughness: 0.95, flood: 0.3 },
    trunk: { color: 0x4a3a2c, roughness: 0.95 },
    ground: { color: 0x3a3e3a, roughness: 1, flood: 0.2 },
    paving: { color: 0x8c8a84, roughness: 0.95, flood: 0.25 },
    lampLight: { color: 0xffe6b0, emissive: 0xffd890, strength: 4 },
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

/** White Swan Pool: cruise boats and a dragon boat on the wide river, the White Swan Hotel slab on the bank. */
function buildWhiteSwanPool(): Model {
  const { model, add } = createModel({
    hotel: { color: 0xd9dcdc, roughness: 0.8, flood: 0.3 },
    lit: { color: 0xfff0c8, emissive: 0xffd08a, strength: 1.3 },
    dark: { color: 0x1a2028, metallic: 0.3, roughness: 0.3 },
    boatHull: { color: 0xe8e8e4, roughness: 0.6, flood: 0.4 },
    cabin: { color: 0x2a3a4a, roughness: 0.6, flood: 0.3 },
    led: { color: 0x301040, emissive: 0xc050ff, strength: 3 },
    dragon: { color: 0xc02a1c, roughness: 0.6, flood: 0.45 },
    gold: { color: 0xe0b040, metallic: 0.7, roughness: 0.35, emissive: 0x806010, strength: 1.2 },
    lantern: { color: 0x602010, emissive: 0xff7a2a, strength: 3 },
  })
  const rng = seeded(17)
  // Hotel slab (illustrative height) on the bank behind the pool, its long face to the water.
  const hx = 30
  const hz = -108
  const hw = 110
  const hd = 17
  const storeys = 28
  add(
    'hotel',
    block(hw, 4 + storeys * 3.2 + 2, hd, hx, 0, hz),
    block(hw * 0.35, 6, hd * 0.8, hx, 4 + storeys * 3.2 + 2, hz),
  )
  const lit: Geoms = []
  const dark: Geoms = []
  const plan: XZ[] = [
    [hx - hw / 2, hz + hd / 2],
    [hx + hw / 2, hz + hd / 2],
    [hx + hw / 2, hz - hd / 2],
    [hx - hw / 2, hz - hd / 2],
  ]
  for (const wall of wallsOf(plan)) {
    windows(
      wall,
      { y: 4, storeys, storeyH: 3.2, bay: 3.6, paneW: 3, paneH: 1.9, sill: 0.7, lit: 0.7, rng, margin: 1 },
      lit,
      dark,
    )
  }
  add('lit', ...lit)
  add('dark', ...dark)
  add('lantern', block(30, 3, 0.4, hx, 4 + storeys * 3.2 + 3, hz + hd * 0.4 + 0.3)) // rooftop sign
  // Cruise boats.
  for (const [x, z, rot] of [
    [-45, -10, 0.15],
    [50, 30, Math.PI - 0.1],
  ] as const) {
    const b = placeBoat(cruiseBoat(38, 9, 2), x, WATER_LEVEL, z, rot)
    add('boatHull', ...b.hull)
    add('cabin', ...b.cabin)
    add('lit', ...b.glass)
    add('led', ...b.led)
  }
  // Dragon boat: long narrow red hull, dragon head and tail, paddlers, lanterns.
  const dragon = { hull: [] as Geoms, gold: [] as Geoms, crew: [] as Geoms, lanterns: [] as Geoms }
  dragon.hull.push(
    hull([
      [-9, 0.7, -0.8],
      [8, 0.7, -0.8],
      [9.5, 0.9, 0],
      [8, 0.7, 0.8],
      [-9, 0.7, 0.8],
      [-8, -0.3, 0],
      [7, -0.3, 0],
    ]),
  )
  dragon.gold.push(
    rod([9.2, 0.8, 0], [10.4, 2.4, 0], 0.25),
    hull([
      [10.1, 2.1, -0.35],
      [10.1, 2.1, 0.35],
      [11.6, 2.3, 0],
      [10.3, 2.9, 0],
      [10.2, 2.4, 0],
    ]),
  )
  dragon.gold.push(rod([-8.8, 0.8, 0], [-10, 2, 0], 0.15))
  for (let k = 0; k < 10; k++) {
    for (const s of [-0.45, 0.45]) dragon.crew.push(block(0.4, 0.8, 0.35, -6.5 + k * 1.4, 0.7, s))
  }
  for (let k = 0; k < 5; k++)
    dragon.lanterns.push(place(new IcosahedronGeometry(0.45, 0), -7 + k * 3.5, 2.4, 0))
  for (let k = 0; k < 5; k++) dragon.gold.push(rod([-7 + k * 3.5, 0.7, 0], [-7 + k * 3.5, 2.1, 0], 0.05, 3))
  const dm = new Matrix4().makeRotationY(-0.3).setPosition(-15, WATER_LEVEL, 55)
  for (const list of Object.values(dragon)) for (const g of list) g.applyMatrix4(dm)
  add('dragon', ...dragon.hull)
  add('gold', ...dragon.gold)
  add('cabin', ...dragon.crew)
  add('lantern', ...dragon.lanterns)
  // The hotel's bank: its front edge a promenade's width before the slab, the pool in front of it.
  model.riverBanks = [{ x: 0, z: hz + hd / 2 + 10, facing: 0 }]
  return model
}

/** Tianzi Pier: quay with a pavilion-roof gate, gangway, pontoon with waiting hall, a docked ferry with lit windows. */
function buildTianziPier(): Model {
  const { model, add } = createModel({
    quay: { color: 0x8a867c, roughness: 0.95, flood: 0.25 },
    roofTile: { color: 0x55695e, roughness: 0.7, flood: 0.35 },
    red: { color: 0xb02e22, roughness: 0.7, flood: 0.45 },
    wall: { color: 0xe2dcd0, roughness: 0.85, flood: 0.35 },
    lit: { color: 0xfff0c8, emissive: 0xffd08a, strength: 1.4 },
    gold: { color: 0xe0b040, metallic: 0.6, emissive: 0xffc040, strength: 1.6 },
    boatHull: { color: 0xe8e8e4, roughness: 0.6, flood: 0.4 },
    cabin: { color: 0x2f4156, roughness: 0.6, flood: 0.3 },
    led: { color: 0x102040, emissive: 0x40b0ff, strength: 3 },
    lampLight: { color: 0xffe6b0, emissive: 0xffd890, strength: 4 },
  })
  const waterY = WATER_LEVEL
  add('quay', block(90, 6, 30, 0, -6, -15))
  // Gate hall with red columns and a double-eaved hip roof with flared eaves.
  const gz = -14
  add('wall', block(26, 6.5, 9, 0, 0, gz))
  add('lit', block(26.1, 4, 9.1, 0, 0.5, gz))
  for (let k = 0; k < 6; k++) add('red', prism(0.4, 0.4, 7, 10, -12.5 + k * 5, 0, gz + 5.3))
  add('red', block(28, 0.9, 12, 0, 7, gz + 0.5))
  add(
    'roofTile',
    prism(21, 16, 2, 4, 0, 0, 0)
      .rotateY(Math.PI / 4)
      .scale(1, 1, 0.43)
      .translate(0, 7.9, gz + 0.5),
  )
  add('wall', block(18, 2.2, 6, 0, 9.9, gz + 0.5))
  add('roofTile', hipRoof(25, 10, 4.5, 0, 12, gz + 0.5))
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      add(
        'roofTile',
        hull([
          [sx * 14.5, 8.3, gz + 0.5 + sz * 6.8],
          [sx * 12, 8.3, gz + 0.5 + sz * 5],
          [sx * 12.8, 9.8, gz + 0.5 + sz * 5.8],
          [sx * 15.6, 9.6, gz + 0.5 + sz * 7.6],
        ]),
      )
  }
  add('gold', block(6, 1.5, 0.3, 0, 9.9, gz + 3.15))
  // Gangway down to the pontoon.
  add(
    'quay',
    hull([
      [-2, 0, 0],
      [2, 0, 0],
      [-2, -0.4, 0],
      [2, -0.4, 0],
      [-2, -1.6, 14],
      [2, -1.6, 14],
      [-2, -2, 14],
      [2, -2, 14],
    ]),
  )
  add(
    'wall',
    ...polyline(
      [
        [-2, 1, 0],
        [-2, -0.6, 14],
      ],
      0.06,
    ),
    ...polyline(
      [
        [2, 1, 0],
        [2, -0.6, 14],
      ],
      0.06,
    ),
  )
  // Pontoon with its waiting hall.
  add('quay', block(56, 1.6, 10, 0, waterY - 0.2, 19))
  add('wall', block(32, 3, 6, -6, -1.6, 18.5))
  add('lit', block(32.1, 1.6, 6.1, -6, -1, 18.5))
  add('red', block(34, 0.4, 7.5, -6, 1.4, 18.5))
  const ferry = placeBoat(cruiseBoat(34, 8, 2), 4, waterY, 29, 0)
  add('boatHull', ...ferry.hull)
  add('cabin', ...ferry.cabin)
  add('lit', ...ferry.glass)
  add('led', ...ferry.led)
  for (let x = -42; x <= 42; x += 12) {
    const l = lamp(x, -1.2, 4.5)
    add('red', l.post)
    add('lampLight', l.light)
  }
  // The quay's front is the bank's edge; pontoon and ferry lie on the river.
  model.riverBanks = [{ x: 0, z: 0, facing: 0 }]
  return model
}

/** Ersha Island: Xinghai Concert Hall's hyperbolic-paraboloid roof over lit glass walls, on a low base among trees. */
function buildErshaIsland(): Model {
  const { model, add } = createModel({
    roof: { color: 0xc4ccd2, roughness: 0.6, metallic: 0.2, flood: 0.35, doubleSided: true },
    base: { color: 0xcfc9bd, roughness: 0.9, flood: 0.3 },
    glass: { color: 0x302818, roughness: 0.1, emissive: 0xf0c890, strength: 0.85, doubleSided: true },
    edge: { color: 0xe0f0ff, emissive: 0xd8ecff, strength: 2.5 },
    lawn: { color: 0x24402a, roughness: 1, flood: 0.2 },
    crown: { color: 0x3a6a40, roughness: 0.95, flood: 0.3 },
    trunk: { color: 0x4a3a2c, roughness: 0.95 },
  })
  add('lawn', block(190, 0.3, 150, 0, -0.3, 0))
  add('base', block(100, 4, 84, 0, 0, 0))
  // A hypar is a bilinear patch through four corners that are not coplanar: two high, two low.
  const baseY = 4
  const c00: Vec3 = [-52, 26, 0] // west, raised
  const c10: Vec3 = [0, 10, 44] // south, low (river side)
  const c11: Vec3 = [58, 46, 0] // east, soaring like a raised piano lid
  const c01: Vec3 = [0, 10, -44] // north, low
  const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
    a[2] + (b[2] - a[2]) * t,
  ]
  const roofAt = (u: number, v: number): Vec3 => lerp3(lerp3(c00, c10, u), lerp3(c01, c11, u), v)
  add('roof', surface(18, 18, roofAt))
  // Glass walls hang under each roof edge, stepped in from it, down to the base.
  const n = 12
  const edges: Array<(t: number) => Vec3> = [
    (t) => roofAt(t, 0),
    (t) => roofAt(1, t),
    (t) => roofAt(1 - t, 1),
    (t) => roofAt(0, 1 - t),
  ]
  const glass: Array<[Vec3, Vec3, Vec3, Vec3]> = []
  for (const edge of edges) {
    const pts = Array.from({ length: n + 1 }, (_, k) => edge(k / n))
    add('edge', ...polyline(pts, 0.35))
    const inset = pts.map(([x, y, z]): Vec3 => [x * 0.86, y - 0.6, z * 0.86])
    for (let k = 0; k < n; k++) {
      const a = inset[k]!
      const b = inset[k + 1]!
      glass.push([[a[0], baseY, a[2]], [b[0], baseY, b[2]], b, a])
      add('edge', rod([a[0], baseY, a[2]], a, 0.15, 3))
    }
  }
  add('glass', quads(glass))
  add(
    'edge',
    ...polyline(
      [c00, c10, c11, c01]
        .map(([x, y, z]): Vec3 => [x * 0.86, y - 0.6, z * 0.86])
        .map(([x, , z]): Vec3 => [x, baseY + 0.2, z]),
      0.25,
      true,
    ),
  )
  const rng = seeded(23)
  for (let k = 0; k < 22; k++) {
    const a = (k / 22) * 2 * Math.PI + rng() * 0.1
    const t = tree(
      78 * Math.cos(a) + (rng() - 0.5) * 6,
      62 * Math.sin(a) + (rng() - 0.5) * 5,
      8 + rng() * 3,
      3.5 + rng() * 1.5,
    )
    add('trunk', t.trunk)
    add('crown', t.crown)
  }
  return model
}

/** Haixinsha: the olive-shaped island, 987 × 239 m, flat, with the 30 m grandstand and light masts. */
function buildHaixinsha(): Model {
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
  // An island in mid-river: its own embankment, and the north bank across the channel behind it.
  model.riverBanks = [{ x: 0, z: -b - 80, facing: 0 }]
  return model
}

/** Canton Fair Complex: several exhibition halls in a row under one wavy roof, lit glazing to the river. */
function buildCantonFair(): Model {
  const { model, add } = createModel({
    roof: { color: 0xb8c0c8, metallic: 0.3, roughness: 0.5, flood: 0.3, doubleSided: true },
    glass: { color: 0x18283a, roughness: 0.1, emissive: 0x9fcfff, strength: 0.9, doubleSided: true },
    wall: { color: 0x5a6068, roughness: 0.8, flood: 0.25, doubleSided: true },
    mullion: { color: 0x303438, metallic: 0.6, roughness: 0.5 },
    led: { color: 0x102040, emissive: 0x40a0ff, strength: 4, doubleSided: true },
    plaza: { color: 0x5a5c5e, roughness: 0.95, flood: 0.2 },
  })
  const halls = 5
  const hallW = 96
  const L = halls * hallW
  const x0 = -L / 2
  const front = 65
  const backZ = -65
  const roofY = (x: number) => 22 + 5 * Math.sin(((x - x0) / hallW) * 2 * Math.PI - Math.PI / 2) // one wave per hall
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
  // Glazed entrance pavilions where the halls meet, under the troughs of the roof.
  for (let k = 0; k <= halls; k++) {
    const x = Math.min(Math.max(x0 + k * hallW, x0 + 7), -x0 - 7)
    add('glass', block(14, 12, 8, x, 0, front + 4))
    add('roof', block(16, 1, 10, x, 12, front + 4))
  }
  return model
}

const BUILDERS: Record<StopId, () => Model> = {
  'white-swan-pool': buildWhiteSwanPool,
  shamian: buildShamian,
  'customs-house': buildCustomsHouse,
  'oi-kwan-building': buildOiKwanBuilding,
  'sacred-heart-cathedral': buildSacredHeartCathedral,
  'haizhu-bridge': buildHaizhuBridge,
  'tianzi-pier': buildTianziPier,
  'ersha-island': buildErshaIsland,
  'opera-house': buildOperaHouse,
  haixinsha: buildHaixinsha,
  'canton-tower': buildCantonTower,
  'canton-fair': buildCantonFair,
  'pazhou-pagoda': buildPazhouPagoda,
}

// ---------------------------------------------------------------------------------------------
// glTF output
// ---------------------------------------------------------------------------------------------

/** Keeps position and normal only, un-indexed, so that any geometries can be merged. */
function normalise(g: BufferGeometry): BufferGeometry {
  const out = g.index ? g.toNonIndexed() : g
  for (const name of Object.keys(out.attributes))
    if (name !== 'position' && name !== 'normal') out.deleteAttribute(name)
  if (!out.getAttribute('normal')) out.computeVertexNormals()
  out.clearGroups()
  return out
}

/** NodeIO that reads and writes the extensions these models use. */
export async function createModelIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready])
  return new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMaterialsEmissiveStrength, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder })
}

/** Turns a model into an optimised, meshopt-compressed GLB. */
async function toGlb(id: string, model: Model, io: NodeIO): Promise<Uint8Array> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN))
  doc.createBuffer()
  const strengthExt = doc.createExtension(KHRMaterialsEmissiveStrength)
  const mesh = doc.createMesh(id)
  for (const [key, spec] of Object.entries(model.materials)) {
    const list = model.parts.get(key)
    if (!list?.length) continue
    const merged = mergeGeometries(list.map(normalise), false)
    if (!merged) throw new Error(`${id}: could not merge geometries of material "${key}"`)
    const material = doc
      .createMaterial(key)
      .setBaseColorFactor([...linearRgb(spec.color), 1])
      .setMetallicFactor(spec.metallic ?? 0)
      .setRoughnessFactor(spec.roughness ?? 0.8)
      .setDoubleSided(spec.doubleSided ?? false)
    if (spec.flood !== undefined) {
      material.setEmissiveFactor(
        linearRgb(spec.color).map((c) => c * spec.flood!) as [number, number, number],
      )
    } else if (spec.emissive !== undefined) {
      // Dim glows are baked into the factor; the extension is only for LEDs brighter than 1.
      const strength = spec.strength ?? 1
      material.setEmissiveFactor(
        linearRgb(spec.emissive).map((c) => c * Math.min(1, strength)) as [number, number, number],
      )
      if (strength > 1) {
        material.setExtension(
          'KHR_materials_emissive_strength',
          strengthExt.createEmissiveStrength().setEmissiveStrength(strength),
        )
      }
    }
    const position = doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(merged.getAttribute('position').array))
    const normal = doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(merged.getAttribute('normal').array))
    mesh.addPrimitive(
      doc
        .createPrimitive()
        .setAttribute('POSITION', position)
        .setAttribute('NORMAL', normal)
        .setMaterial(material),
    )
  }
  const node = doc.createNode(id).setMesh(mesh)
  doc
    .createScene(id)
    .addChild(node)
    .setExtras({ credit: MODEL_CREDIT, ...(model.riverBanks ? { riverBanks: model.riverBanks } : {}) })
  doc.getRoot().setDefaultScene(doc.getRoot().listScenes()[0]!)
  await doc.transform(dedup(), weld(), prune(), meshopt({ encoder: MeshoptEncoder, level: 'medium' }))
  return io.writeBinary(doc)
}

/** What a model costs: bytes to download, triangles and draw calls (primitives) to draw, texture bytes. */
export interface ModelFigures {
  bytes: number
  triangles: number
  /** Draw calls the model adds to each pass (the river's reflection draws it a second time). */
  primitives: number
  /** Bytes of its images as stored (PNG, JPEG, WebP). */
  textureBytes: number
}

interface ModelStats extends ModelFigures {
  id: StopId
}

/** Reads a GLB back and counts what it holds. */
async function figuresOf(glb: Uint8Array, io: NodeIO): Promise<ModelFigures> {
  const doc = await io.readBinary(glb)
  let triangles = 0
  let primitives = 0
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      primitives++
      triangles += (prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')!.getCount()) / 3
    }
  }
  const textureBytes = doc
    .getRoot()
    .listTextures()
    .reduce((sum, t) => sum + (t.getImage()?.byteLength ?? 0), 0)
  return { bytes: glb.byteLength, triangles, primitives, textureBytes }
}

/**
 * The figures of any GLB the app can show (meshopt, Draco, WebP), for `npm run bench`'s per-stop rows: bytes,
 * triangles, draw calls, texture bytes.
 */
export async function modelFigures(path: string): Promise<ModelFigures> {
  await MeshoptDecoder.ready
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
    'meshopt.decoder': MeshoptDecoder,
    'draco3d.decoder': await draco3d.createDecoderModule(),
  })
  return figuresOf(new Uint8Array(readFileSync(path)), io)
}

/** Builds every stop's GLB into outDir and returns their figures. */
export async function buildModels(outDir = OUT_DIR): Promise<ModelStats[]> {
  const io = await createModelIO()
  mkdirSync(outDir, { recursive: true })
  const stats: ModelStats[] = []
  for (const id of STOP_IDS) {
    const glb = await toGlb(id, BUILDERS[id](), io)
    const file = join(outDir, `${id}.glb`)
    writeFileSync(file, glb)
    stats.push({ id, ...(await figuresOf(glb, io)) })
  }
  return stats
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stats = await buildModels()
  const rows = stats.map(
    (s) =>
      `${s.id.padEnd(24)}${String(s.bytes).padStart(9)}${String(s.triangles).padStart(11)}${String(s.primitives).padStart(12)}${String(s.textureBytes).padStart(15)}`,
  )
  console.log(
    `${'stop id'.padEnd(24)}${'bytes'.padStart(9)}${'triangles'.padStart(11)}${'primitives'.padStart(12)}${'texture bytes'.padStart(15)}`,
  )
  console.log(rows.join('\n'))
  const over = stats.filter((s) => s.bytes > MODEL_BUDGET.bytes || s.triangles > MODEL_BUDGET.triangles)
  if (over.length) {
    console.error(
      `over budget (${MODEL_BUDGET.bytes} bytes, ${MODEL_BUDGET.triangles} triangles): ${over.map((s) => s.id).join(', ')}`,
    )
    process.exitCode = 1
  }
}
