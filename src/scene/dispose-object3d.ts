import type { Material, Object3D, Texture } from 'three'

function isTexture(value: unknown): value is Texture {
  return typeof value === 'object' && value !== null && (value as { isTexture?: boolean }).isTexture === true
}

/**
 * Frees the GPU resources of a loaded model: geometries, materials and their textures. R3F never disposes
 * a `<primitive>`, so whoever loads a model releases it.
 * @returns how many geometries, materials and textures were disposed
 */
export function disposeObject3D(root: Object3D): { geometries: number; materials: number; textures: number } {
  const geometries = new Set<{ dispose(): void }>()
  const materials = new Set<Material>()
  const textures = new Set<Texture>()
  root.traverse((object) => {
    const mesh = object as Partial<{ geometry: { dispose(): void }; material: Material | Material[] }>
    if (mesh.geometry) geometries.add(mesh.geometry)
    const list = Array.isArray(mesh.material) ? mesh.material : mesh.material ? [mesh.material] : []
    for (const material of list) {
      materials.add(material)
      for (const value of Object.values(material)) if (isTexture(value)) textures.add(value)
    }
  })
  for (const item of [...geometries, ...materials, ...textures]) item.dispose()
  return { geometries: geometries.size, materials: materials.size, textures: textures.size }
}
