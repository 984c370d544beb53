/**
 * Where the app serves three's Draco decoders (copied there at build time, never a CDN; the model loader's
 * DRACOLoader reads them from here), and which of them a downloaded pack keeps: a model compressed with Draco
 * must open offline too.
 */
export const DRACO_PATH = `${import.meta.env.BASE_URL}draco/`

/** What DRACOLoader fetches where WebAssembly runs (every browser the app supports): wrapper and decoder. */
export const DRACO_WASM_FILES = ['draco_wasm_wrapper.js', 'draco_decoder.wasm'] as const

const GLB_MAGIC = 0x46546c67 // "glTF", little-endian
const DRACO_EXTENSION = 'KHR_draco_mesh_compression'

/**
 * True when a model file (binary .glb, or .gltf JSON) declares the Draco extension: only then is the decoder
 * needed. Anything unreadable (a .bin buffer, a damaged file) needs none. Pure.
 */
export function usesDraco(bytes: ArrayBuffer): boolean {
  const view = new DataView(bytes)
  const glb = bytes.byteLength >= 20 && view.getUint32(0, true) === GLB_MAGIC
  const json = glb
    ? new Uint8Array(bytes, 20, Math.min(view.getUint32(12, true), bytes.byteLength - 20))
    : new Uint8Array(bytes)
  try {
    const gltf = JSON.parse(new TextDecoder().decode(json)) as { extensionsUsed?: unknown }
    return Array.isArray(gltf.extensionsUsed) && gltf.extensionsUsed.includes(DRACO_EXTENSION)
  } catch {
    return false
  }
}
