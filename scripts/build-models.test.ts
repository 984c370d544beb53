import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { getBounds, NodeIO, type Document } from '@gltf-transform/core'
import { ALL_EXTENSIONS } from '@gltf-transform/extensions'
import { MeshoptDecoder } from 'meshoptimizer'
import { beforeAll, describe, expect, it } from 'vitest'

import { bankHints, overviewHint, WATER_LEVEL } from '../src/scene/site-layout'

import { MODEL_BUDGET, MODEL_CREDIT, modelFigures, STOP_IDS } from './build-models'

const MODELS = fileURLToPath(new URL('../routes-data/pearl-river-night/models/', import.meta.url))

/** Real heights in metres (LANDMARKS.md); each model must be within ±15 %. */
const REAL_HEIGHTS: Partial<Record<(typeof STOP_IDS)[number], number>> = {
  'canton-tower': 600,
  'sacred-heart-cathedral': 58.5,
  'pazhou-pagoda': 59,
  'oi-kwan-building': 64,
  'customs-house': 32,
}

let io: NodeIO

beforeAll(async () => {
  await MeshoptDecoder.ready
  io = new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder })
})

function triangles(doc: Document): number {
  let count = 0
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      count += (prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0) / 3
    }
  }
  return count
}

describe.each(STOP_IDS)('model %s', (id) => {
  const file = `${MODELS}${id}.glb`

  it('exists within the size budget', () => {
    expect(existsSync(file), `${file} missing: run npx tsx scripts/build-models.ts`).toBe(true)
    expect(readFileSync(file).byteLength).toBeLessThanOrEqual(MODEL_BUDGET.bytes)
  })

  it('parses, has meshes within the triangle budget, an emissive material and the credit', async () => {
    const doc = await io.readBinary(new Uint8Array(readFileSync(file)))
    const root = doc.getRoot()
    expect(root.listMeshes().length).toBeGreaterThanOrEqual(1)
    expect(triangles(doc)).toBeGreaterThan(0)
    expect(triangles(doc)).toBeLessThanOrEqual(MODEL_BUDGET.triangles)
    expect(root.listMaterials().some((m) => m.getEmissiveFactor().some((c) => c > 0))).toBe(true)
    expect(root.getDefaultScene()?.getExtras()['credit']).toBe(MODEL_CREDIT)
  })

  it('leaves the river to the scene, and says where its banks are in a form the scene reads', async () => {
    const doc = await io.readBinary(new Uint8Array(readFileSync(file)))
    expect(
      doc
        .getRoot()
        .listMaterials()
        .map((m) => m.getName()),
    ).not.toContain('water')
    const extras = doc.getRoot().getDefaultScene()!.getExtras()
    const { banks, problem } = bankHints(extras)
    expect(problem).toBeUndefined()
    expect(overviewHint(extras).problem).toBeUndefined()
    // Nothing hangs below the river's surface but what stands in it (piers, quays, hulls: a few metres).
    const { min } = getBounds(doc.getRoot().getDefaultScene()!)
    expect(min[1]).toBeGreaterThanOrEqual(WATER_LEVEL - 3.5)
    if (id === 'haizhu-bridge') expect(banks?.map((b) => b.facing)).toEqual([90, -90])
  })

  const real = REAL_HEIGHTS[id]
  if (real !== undefined) {
    it(`is ${real} m high, ±15 %`, async () => {
      const doc = await io.readBinary(new Uint8Array(readFileSync(file)))
      const { min, max } = getBounds(doc.getRoot().getDefaultScene()!)
      const height = max[1] - min[1]
      expect(height).toBeGreaterThanOrEqual(real * 0.85)
      expect(height).toBeLessThanOrEqual(real * 1.15)
    })
  }
})

describe('modelFigures', () => {
  it('counts a curator’s Draco and WebP model: bytes, triangles, draw calls, texture bytes', async () => {
    const path = fileURLToPath(new URL('../tests/fixtures/curator-draco-webp.glb', import.meta.url))
    const figures = await modelFigures(path)
    // A box (12 triangles) and a four-sided roof (8), one primitive, one WebP image.
    expect(figures).toMatchObject({ bytes: readFileSync(path).byteLength, triangles: 20, primitives: 1 })
    expect(figures.textureBytes).toBeGreaterThan(0)
    expect(figures.textureBytes).toBeLessThan(figures.bytes)
  })

  it('counts a default landmark as the build does, with no textures', async () => {
    const figures = await modelFigures(`${MODELS}canton-tower.glb`)
    expect(figures.textureBytes).toBe(0)
    expect(figures.triangles).toBeGreaterThan(1000)
    expect(figures.primitives).toBeGreaterThanOrEqual(1)
  })
})
