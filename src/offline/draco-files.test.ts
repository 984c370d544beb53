import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { usesDraco } from './draco-files'

/** A GLB of just its JSON chunk (padded to 4 bytes as the format asks). */
function glb(json: object): ArrayBuffer {
  const text = Buffer.from(JSON.stringify(json).padEnd(Math.ceil(JSON.stringify(json).length / 4) * 4, ' '))
  const out = Buffer.alloc(20 + text.length)
  out.writeUInt32LE(0x46546c67, 0)
  out.writeUInt32LE(2, 4)
  out.writeUInt32LE(out.length, 8)
  out.writeUInt32LE(text.length, 12)
  out.writeUInt32LE(0x4e4f534a, 16)
  text.copy(out, 20)
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length)
}

const bytes = (text: string) => new TextEncoder().encode(text).buffer

describe('usesDraco', () => {
  it('finds the Draco extension in a GLB or a .gltf file', () => {
    const draco = { asset: { version: '2.0' }, extensionsUsed: ['KHR_draco_mesh_compression'] }
    expect(usesDraco(glb(draco))).toBe(true)
    expect(usesDraco(bytes(JSON.stringify(draco)))).toBe(true)
  })

  it('needs no decoder for meshopt models, buffers or damaged files', () => {
    expect(usesDraco(glb({ asset: { version: '2.0' }, extensionsUsed: ['EXT_meshopt_compression'] }))).toBe(
      false,
    )
    expect(usesDraco(bytes('not a model'))).toBe(false)
    expect(usesDraco(new ArrayBuffer(3))).toBe(false)
    const model = readFileSync('routes-data/pearl-river-night/models/shamian.glb')
    expect(usesDraco(model.buffer.slice(model.byteOffset, model.byteOffset + model.length))).toBe(false)
  })
})
