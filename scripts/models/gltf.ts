/** glTF output: one primitive per material, meshopt-compressed, and the figures of any GLB. */

import { readFileSync } from 'node:fs'

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
import type { BufferGeometry } from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'

import type { Model } from './model'

/** Credit written into every model's scene extras. */
export const MODEL_CREDIT = 'Reading Guangzhou by Water contributors, CC BY 4.0'

const srgbToLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)

function linearRgb(hex: number): [number, number, number] {
  return [
    srgbToLinear(((hex >> 16) & 255) / 255),
    srgbToLinear(((hex >> 8) & 255) / 255),
    srgbToLinear((hex & 255) / 255),
  ]
}

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
export async function toGlb(id: string, model: Model, io: NodeIO): Promise<Uint8Array> {
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
    .setExtras({
      credit: MODEL_CREDIT,
      ...(model.riverBanks ? { riverBanks: model.riverBanks } : {}),
      ...(model.overview ? { overview: model.overview } : {}),
    })
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

/** Reads a GLB back and counts what it holds. */
export async function figuresOf(glb: Uint8Array, io: NodeIO): Promise<ModelFigures> {
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
