/** A model under construction: its materials and the geometries of each, in real metres. */

import type { BufferGeometry } from 'three'

import type { BankEdge, OverviewAngles } from '../../src/scene/site-layout'

export type Vec3 = readonly [number, number, number]
export type XZ = readonly [number, number]
export type Geoms = BufferGeometry[]

export interface MaterialSpec {
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

export interface Model {
  materials: Record<string, MaterialSpec>
  parts: Map<string, Geoms>
  /** Where the river banks are, when not one bank with the river in front (+Z). */
  riverBanks?: BankEdge[]
  /** The angles its overview is seen from, when not the default (scene extras `overview`). */
  overview?: OverviewAngles
}

/** One model under construction: geometries collected per material, merged into one primitive each. */
export function createModel<K extends string>(materials: Record<K, MaterialSpec>) {
  const model: Model = { materials, parts: new Map() }
  const add = (key: K, ...geometries: Geoms): void => {
    const list = model.parts.get(key) ?? []
    list.push(...geometries)
    model.parts.set(key, list)
  }
  return { model, add }
}

/**
 * Adds another site's model into this one, moved to (x, z): a neighbour seen across the water. Its materials keep
 * their look under names prefixed with `prefix`.
 */
export function include(model: Model, other: Model, prefix: string, x: number, z: number): void {
  for (const [key, spec] of Object.entries(other.materials)) {
    const parts = other.parts.get(key)
    if (!parts?.length) continue
    model.materials[`${prefix}${key}`] = spec
    model.parts.set(
      `${prefix}${key}`,
      parts.map((g) => g.translate(x, 0, z)),
    )
  }
}
