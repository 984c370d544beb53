import { Color, Group, Mesh, MeshStandardMaterial } from 'three'
import { describe, expect, it } from 'vitest'

import { createLightShowPass } from './light-show-pass'

function lit(color: string, intensity = 2) {
  return new MeshStandardMaterial({ emissive: new Color(color), emissiveIntensity: intensity })
}

describe('the light show pass', () => {
  it('pulses the lit materials, runs the coloured ones through the colours and leaves unlit ones alone', () => {
    const led = lit('#ff0000')
    const stone = lit('#a09080')
    const dark = new MeshStandardMaterial()
    const root = new Group().add(new Mesh(undefined, led), new Mesh(undefined, [stone, dark]))
    const pass = createLightShowPass()
    pass.run(root, 1, false)
    expect(led.emissive.getHexString()).not.toBe('ff0000')
    expect(led.emissiveIntensity).not.toBe(2)
    expect(stone.emissive.getHexString()).toBe('a09080')
    expect(stone.emissiveIntensity).not.toBe(2)
    expect(dark.emissiveIntensity).toBe(1)
    pass.restore()
    expect([led.emissive.getHexString(), led.emissiveIntensity]).toEqual(['ff0000', 2])
    expect([stone.emissive.getHexString(), stone.emissiveIntensity]).toEqual(['a09080', 2])
  })

  it('changes a material shared by many meshes once a frame', () => {
    const shared = lit('#ffffff', 1)
    const root = new Group().add(new Mesh(undefined, shared), new Mesh(undefined, shared))
    const alone = lit('#ffffff', 1)
    const pass = createLightShowPass()
    pass.run(root, 0.7, false)
    createLightShowPass().run(new Group().add(new Mesh(undefined, alone)), 0.7, false)
    expect(shared.emissiveIntensity).toBe(alone.emissiveIntensity)
  })

  it('does not pulse with reduced motion', () => {
    const stone = lit('#a09080', 2)
    const led = lit('#00ff00', 2)
    const root = new Group().add(new Mesh(undefined, stone), new Mesh(undefined, led))
    const pass = createLightShowPass()
    for (const seconds of [0.3, 1.1, 2.9]) {
      pass.run(root, seconds, true)
      expect([stone.emissiveIntensity, led.emissiveIntensity]).toEqual([2, 3])
    }
  })

  it('forgets the materials of a stop that was left, so they are not given back later', () => {
    const left = lit('#ffffff', 1)
    const stop = new Mesh(undefined, left)
    const root = new Group().add(stop)
    const pass = createLightShowPass()
    pass.run(root, 1, false)
    const pulsed = left.emissiveIntensity
    root.remove(stop)
    pass.run(root, 2, false)
    pass.restore()
    expect(left.emissiveIntensity).toBe(pulsed)
  })
})
