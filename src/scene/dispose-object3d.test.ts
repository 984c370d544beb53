import { BoxGeometry, DataTexture, Group, Mesh, MeshStandardMaterial } from 'three'
import { describe, expect, it } from 'vitest'

import { disposeObject3D } from './dispose-object3d'

describe('disposeObject3D', () => {
  it('disposes every geometry, material and texture once, including shared ones', () => {
    const texture = new DataTexture(new Uint8Array(4), 1, 1)
    const shared = new MeshStandardMaterial({ map: texture, emissiveMap: texture })
    const group = new Group()
    group.add(
      new Mesh(new BoxGeometry(), shared),
      new Mesh(new BoxGeometry(), [shared, new MeshStandardMaterial()]),
    )
    const disposed: string[] = []
    group.traverse((o) => {
      const mesh = o as Mesh
      mesh.geometry?.addEventListener('dispose', () => disposed.push('geometry'))
    })
    texture.addEventListener('dispose', () => disposed.push('texture'))
    shared.addEventListener('dispose', () => disposed.push('material'))
    expect(disposeObject3D(group)).toEqual({ geometries: 2, materials: 2, textures: 1 })
    expect(disposed.sort()).toEqual(['geometry', 'geometry', 'material', 'texture'])
  })
})
