/** Geometry helpers for the procedural landmarks: real metres, Y up. */

import {
  BoxGeometry,
  BufferGeometry,
  CylinderGeometry,
  ExtrudeGeometry,
  Float32BufferAttribute,
  PlaneGeometry,
  Quaternion,
  Shape,
  ShapeGeometry,
  Vector2,
  Vector3,
} from 'three'
import { ConvexGeometry } from 'three/addons/geometries/ConvexGeometry.js'

import { type Geoms, type Vec3, type XZ } from './model'

/** Turns about Y, then moves to (x, y, z). */
export function place<T extends BufferGeometry>(g: T, x: number, y: number, z: number, rotY = 0): T {
  if (rotY) g.rotateY(rotY)
  g.translate(x, y, z)
  return g
}

/** Box standing on y (its base centre at x, y, z). */
export function block(
  w: number,
  h: number,
  d: number,
  x: number,
  y: number,
  z: number,
  rotY = 0,
): BufferGeometry {
  return place(new BoxGeometry(w, h, d).translate(0, h / 2, 0), x, y, z, rotY)
}

/** Prism or frustum standing on y; `sides` 8 gives an octagon, a face toward +Z when `faceZ`. */
export function prism(
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
export function rod(a: Vec3, b: Vec3, r: number, sides = 4): BufferGeometry {
  const va = new Vector3(...a)
  const vb = new Vector3(...b)
  const g = new CylinderGeometry(r, r, va.distanceTo(vb), sides, 1, true)
  g.applyQuaternion(new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), vb.clone().sub(va).normalize()))
  return g.translate((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)
}

/** Rods along a polyline. */
export function polyline(points: Vec3[], r: number, closed = false, sides = 4): Geoms {
  const out: Geoms = []
  const n = closed ? points.length : points.length - 1
  for (let i = 0; i < n; i++) out.push(rod(points[i]!, points[(i + 1) % points.length]!, r, sides))
  return out
}

/** Convex hull of points: roofs, hulls and pebbles with flat faceted faces. */
export function hull(points: Vec3[]): BufferGeometry {
  return new ConvexGeometry(points.map((p) => new Vector3(...p)))
}

/** Hipped roof over a w × d rectangle (ridge along X), eaves at y. */
export function hipRoof(
  w: number,
  d: number,
  h: number,
  x: number,
  y: number,
  z: number,
  rotY = 0,
): BufferGeometry {
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
export function gableRoof(
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
export function flat(g: BufferGeometry): BufferGeometry {
  const out = g.index ? g.toNonIndexed() : g
  out.deleteAttribute('normal')
  out.computeVertexNormals()
  return out
}

/** Vertical extrusion of a plan polygon given as [x, z] points. */
export function extrudePlan(plan: readonly XZ[], y: number, h: number): BufferGeometry {
  // Shape y maps to -z after the -90° turn about X.
  const shape = new Shape(plan.map(([x, z]) => new Vector2(x, -z)))
  const g = new ExtrudeGeometry(shape, { depth: h, bevelEnabled: false })
  g.rotateX(-Math.PI / 2)
  return g.translate(0, y, 0)
}

/** Flat horizontal face of a plan polygon at height y, facing up. */
export function planFace(plan: readonly XZ[], y: number): BufferGeometry {
  const g = new ShapeGeometry(new Shape(plan.map(([x, z]) => new Vector2(x, -z))))
  g.rotateX(-Math.PI / 2)
  return g.translate(0, y, 0)
}

/** Triangles from quads [p0, p1, p2, p3] (counter-clockwise seen from the front). */
export function quads(list: Array<readonly [Vec3, Vec3, Vec3, Vec3]>): BufferGeometry {
  const pos: number[] = []
  for (const [a, b, c, d] of list) pos.push(...a, ...b, ...c, ...a, ...c, ...d)
  const g = new BufferGeometry()
  g.setAttribute('position', new Float32BufferAttribute(pos, 3))
  g.computeVertexNormals()
  return g
}

/** Smooth grid surface p(u, v), u and v in [0, 1]. */
export function surface(nu: number, nv: number, p: (u: number, v: number) => Vec3): BufferGeometry {
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
export function band(points: Vec3[], h: number, closed = true): BufferGeometry {
  const list: Array<[Vec3, Vec3, Vec3, Vec3]> = []
  const n = closed ? points.length : points.length - 1
  for (let i = 0; i < n; i++) {
    const a = points[i]!
    const b = points[(i + 1) % points.length]!
    list.push([a, b, [b[0], b[1] + h, b[2]], [a[0], a[1] + h, a[2]]])
  }
  return quads(list)
}

/** Pointed-arch window shape, facing +Z, standing on y = 0. */
export function lancet(w: number, h: number): BufferGeometry {
  const s = new Shape()
  s.moveTo(-w / 2, 0)
  s.lineTo(w / 2, 0)
  s.lineTo(w / 2, h - w)
  s.quadraticCurveTo(w / 2, h - w * 0.3, 0, h)
  s.quadraticCurveTo(-w / 2, h - w * 0.3, -w / 2, h - w)
  s.closePath()
  return new ShapeGeometry(s, 3)
}

/** Round-arched opening shape, facing +Z, standing on y = 0. */
export function arch(w: number, h: number): BufferGeometry {
  const s = new Shape()
  s.moveTo(-w / 2, 0)
  s.lineTo(w / 2, 0)
  s.lineTo(w / 2, h - w / 2)
  s.absarc(0, h - w / 2, w / 2, 0, Math.PI, false)
  s.closePath()
  return new ShapeGeometry(s, 4)
}

/** Thin rods along the creases of a faceted hull (edges between non-coplanar faces). */
export function hullSeams(g: BufferGeometry, r: number): Geoms {
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
