import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js'
import { DRACOLoader } from 'three/addons/loaders/DRACOLoader.js'
import { GLTFLoader, type GLTF } from 'three/addons/loaders/GLTFLoader.js'
import { LoaderUtils } from 'three'

import { DRACO_PATH } from '@/offline/draco-files'

// The Draco decoder (DRACO_PATH: the app's own copy, kept with a downloaded pack that needs it) is fetched,
// and its workers started, only when a model actually uses KHR_draco_mesh_compression; meshopt (the default
// route's models) needs nothing fetched.

let loader: GLTFLoader | undefined

/**
 * Turns a downloaded GLB (or glTF with data URIs) into three.js objects: meshopt, Draco and WebP textures,
 * external files relative to `url`. One loader for the visit, so the Draco workers are started once.
 */
export function parseGltf(data: ArrayBuffer, url: string): Promise<GLTF> {
  loader ??= new GLTFLoader()
    .setDRACOLoader(new DRACOLoader().setDecoderPath(DRACO_PATH))
    .setMeshoptDecoder(MeshoptDecoder)
  return loader.parseAsync(data, LoaderUtils.extractUrlBase(url))
}
