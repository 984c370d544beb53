import { Vector3 } from 'three'
import { describe, expect, it } from 'vitest'

import {
  bankAxes,
  bankHints,
  defaultBank,
  LAMP_SPACING,
  lampOffsets,
  MAX_LAMPS_PER_BANK,
  overviewCamera,
  overviewHint,
  PROMENADE,
  WATER_LEVEL,
  EYE_HEIGHT,
  type Box,
} from './site-layout'

const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6))

describe('bankHints', () => {
  it('is null for a model that says nothing, so the default bank is used', () => {
    expect(bankHints({})).toEqual({ banks: null })
    expect(bankHints(undefined)).toEqual({ banks: null })
  })

  it('reads a bridge’s two banks and an island’s none', () => {
    const bridge = [
      { x: -91, z: 0, facing: 90 },
      { x: 91, z: 0, facing: -90 },
    ]
    expect(bankHints({ credit: 'x', riverBanks: bridge })).toEqual({ banks: bridge })
    expect(bankHints({ riverBanks: [] })).toEqual({ banks: [] })
  })

  it.each([
    ['not a list', 'north'],
    ['a bank without facing', [{ x: 0, z: 0 }]],
    ['a string number', [{ x: '0', z: 0, facing: 0 }]],
    ['not finite', [{ x: 0, z: Infinity, facing: 0 }]],
    ['too many banks', Array.from({ length: 5 }, () => ({ x: 0, z: 0, facing: 0 }))],
  ])('refuses %s with a message saying what is expected and what happens instead', (_, riverBanks) => {
    const { banks, problem } = bankHints({ riverBanks })
    expect(banks).toBeNull()
    expect(problem).toContain('extras.riverBanks must be a list of at most 4 banks')
    expect(problem).toContain('the default bank in front of the model is used instead')
  })
})

describe('banks and lamps', () => {
  const footprint = { minX: -20, maxX: 30, minZ: -10, maxZ: 15 }

  it('puts the default bank’s edge a promenade’s width in front of the model, the river toward +Z', () => {
    const bank = defaultBank(footprint)
    expect(bank).toEqual({ x: 5, z: 15 + PROMENADE + 2, facing: 0 })
    close(bankAxes(bank).out, [0, 1])
    close(bankAxes(bank).along, [1, 0])
  })

  it('turns a bank’s axes with its facing: water toward +X for 90°', () => {
    const { out, along } = bankAxes({ x: 0, z: 0, facing: 90 })
    close(out, [1, 0])
    close(along, [0, -1])
  })

  it('stands lamps every LAMP_SPACING metres on both sides of the landmark, none in front of it', () => {
    const bank = defaultBank(footprint)
    const offsets = lampOffsets(bank, footprint)
    expect(offsets.length).toBeGreaterThan(4)
    expect(offsets.length).toBeLessThanOrEqual(MAX_LAMPS_PER_BANK)
    // Along this bank, offsets are x - 5: the model spans -25 … 25.
    for (const u of offsets) expect(u < -25 || u > 25).toBe(true)
    expect(offsets.filter((u) => u < 0).length).toBe(offsets.filter((u) => u > 0).length)
    const left = offsets.filter((u) => u < 0)
    for (let i = 1; i < left.length; i++) expect(left[i]! - left[i - 1]!).toBeCloseTo(LAMP_SPACING)
  })

  it('keeps the lamps of a bridge’s end bank off the deck', () => {
    const bridge = { minX: -106, maxX: 106, minZ: -11.5, maxZ: 11.5 }
    for (const u of lampOffsets({ x: -91, z: 0, facing: 90 }, bridge))
      expect(Math.abs(u)).toBeGreaterThan(11.5)
  })
})

describe('overviewCamera', () => {
  const tower: Box = { min: [-41, 0, -31], max: [41, 600, 31] }
  const halls: Box = { min: [-270, -0.4, -95], max: [270, 29, 105] }
  const elevation = (box: Box) => {
    const { position, target } = overviewCamera(box, 40, 4 / 3)
    const d = position.map((v, i) => v - target[i]!)
    return (Math.asin(d[1]! / Math.hypot(...d)) * 180) / Math.PI
  }

  it('looks at a tower from low over the water and at wide halls from higher up', () => {
    expect(elevation(tower)).toBeCloseTo(8, 5)
    expect(elevation(halls)).toBeGreaterThan(20)
    expect(elevation(halls)).toBeLessThanOrEqual(24)
  })

  it('aims below the landmark’s middle, so the top of its reflection is in view', () => {
    const { target } = overviewCamera(tower, 40, 4 / 3)
    expect(target[1]).toBeLessThan(300)
    expect(target[1]).toBeCloseTo((600 + WATER_LEVEL - 603 / 3) / 2, 5)
  })

  it('stands on the river side (+Z), sees every corner and the top third of the reflection, and fills the view', () => {
    for (const box of [tower, halls]) {
      for (const aspect of [4 / 3, 0.5, 16 / 9]) {
        const { position, target } = overviewCamera(box, 40, aspect)
        expect(position[2]).toBeGreaterThan(target[2])
        expect(position[0]).toBeGreaterThan(target[0])
        // Where each corner lands in the picture, as shares of the half-width and half-height (1 = the edge).
        const forward = new Vector3(...target).sub(new Vector3(...position)).normalize()
        const right = forward
          .clone()
          .cross(new Vector3(0, 1, 0))
          .normalize()
        const up = right.clone().cross(forward)
        const tanV = Math.tan((20 * Math.PI) / 180)
        const bottom = Math.min(box.min[1], WATER_LEVEL - (box.max[1] - WATER_LEVEL) / 3)
        let widest = 0
        for (const x of [box.min[0], box.max[0]])
          for (const y of [bottom, box.max[1]])
            for (const z of [box.min[2], box.max[2]]) {
              const v = new Vector3(x, y, z).sub(new Vector3(...position))
              const depth = v.dot(forward)
              const sx = Math.abs(v.dot(right)) / (depth * tanV * aspect)
              const sy = Math.abs(v.dot(up)) / (depth * tanV)
              expect(Math.max(sx, sy)).toBeLessThanOrEqual(1)
              widest = Math.max(widest, sx, sy)
            }
        // No wasted room: the landmark reaches the edge of the view, less the margin.
        expect(widest).toBeGreaterThan(0.9)
      }
    }
  })
})

describe('overviewHint', () => {
  it('reads the angles a model asks for, either one alone, and none when it says nothing', () => {
    expect(overviewHint({ overview: { azimuth: 0, elevation: 12 } })).toEqual({
      angles: { azimuth: 0, elevation: 12 },
    })
    expect(overviewHint({ overview: { azimuth: -20 } })).toEqual({ angles: { azimuth: -20 } })
    expect(overviewHint({ credit: 'x' })).toEqual({ angles: {} })
  })

  it('reads a long lens and the part of the model to frame', () => {
    const focus = { min: [-20, 0, -40], max: [20, 60, 40] }
    expect(overviewHint({ overview: { azimuth: 0, fov: 12, focus } })).toEqual({
      angles: { azimuth: 0, fov: 12, focus },
    })
  })

  it.each([
    ['not an object', 'north'],
    ['an azimuth behind the model', { azimuth: 120 }],
    ['a string elevation', { elevation: '10' }],
    ['a view from under the water', { elevation: -5 }],
    ['a lens wider than the usual view', { fov: 60 }],
    ['a focus with a corner missing', { focus: { min: [0, 0, 0] } }],
    ['a focus inside out', { focus: { min: [0, 10, 0], max: [10, 0, 10] } }],
  ])('refuses %s, saying what is expected and that the default is used', (_, overview) => {
    const { angles, problem } = overviewHint({ overview })
    expect(angles).toEqual({})
    expect(problem).toMatch(/extras\.overview must be .*azimuth.*elevation.*default overview is used/)
  })

  it('stands farther off through a long lens, so that a landmark inland is seen from the water', () => {
    const box: Box = { min: [-20, 0, -40], max: [20, 60, 40] }
    const wide = overviewCamera(box, 40, 4 / 3, { azimuth: 0, elevation: 4 })
    const long = overviewCamera(box, 10, 4 / 3, { azimuth: 0, elevation: 4 })
    expect(wide.position[2]).toBeLessThan(300)
    expect(long.position[2]).toBeGreaterThan(500)
  })

  it('looks from the asked angles: straight across the river from the front at azimuth 0', () => {
    const box: Box = { min: [-500, 0, -600], max: [500, 600, 120] }
    const { position, target } = overviewCamera(box, 40, 4 / 3, { azimuth: 0, elevation: 10 })
    expect(position[0]).toBeCloseTo(target[0], 6)
    expect(position[2]).toBeGreaterThan(box.max[2])
    const d = position.map((v, i) => v - target[i]!)
    expect((Math.asin(d[1]! / Math.hypot(...d)) * 180) / Math.PI).toBeCloseTo(10, 6)
  })

  it('frames a 1 m model from above the promenade, not from inside the bank, and keeps it in view', () => {
    const small: Box = { min: [-0.5, 0, -0.5], max: [0.5, 1, 0.5] }
    const { position, target } = overviewCamera(small, 40, 390 / 292)
    expect(position[1]).toBeGreaterThanOrEqual(EYE_HEIGHT)
    expect(position[2]).toBeGreaterThan(small.max[2])
    // The whole model in the picture, within the view's half-angles, and near: it fills a good share of it.
    const forward = new Vector3(...target).sub(new Vector3(...position)).normalize()
    const right = forward
      .clone()
      .cross(new Vector3(0, 1, 0))
      .normalize()
    const up = right.clone().cross(forward)
    const tanV = Math.tan((20 * Math.PI) / 180)
    let tallest = 0
    for (const x of [small.min[0], small.max[0]])
      for (const y of [small.min[1], small.max[1]])
        for (const z of [small.min[2], small.max[2]]) {
          const q = new Vector3(x, y, z).sub(new Vector3(...position))
          const depth = q.dot(forward)
          expect(Math.abs(q.dot(up)) / depth / tanV).toBeLessThanOrEqual(1)
          expect(Math.abs(q.dot(right)) / depth / (tanV * (390 / 292))).toBeLessThanOrEqual(1)
          tallest = Math.max(tallest, Math.abs(q.dot(up)) / depth / tanV)
        }
    expect(tallest).toBeGreaterThan(0.3)
  })
})
