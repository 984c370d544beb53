import { describe, expect, it } from 'vitest'

import { fitCamera, mercator, pathOf, placeLabels, projector } from './still-map-geometry'

describe('the still map projection', () => {
  it('puts the equator and the prime meridian in the middle of the world square', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5])
    expect(mercator([180, 0])[0]).toBe(1)
    // 85.0511° is where Web Mercator's square ends.
    expect(mercator([0, 85.0511287798])[1]).toBeCloseTo(0, 6)
  })

  it('shows the camera centre in the middle of the view, at 512 × 2^zoom pixels per world', () => {
    const project = projector({ center: [113.27, 23.11], zoom: 14 }, 400, 300)
    expect(project([113.27, 23.11]).map((v) => v.toFixed(6))).toEqual(['200.000000', '150.000000'])
    // One degree of longitude is 1/360 of the world.
    const [x] = project([113.28, 23.11])
    expect(x - 200).toBeCloseTo((512 * 2 ** 14) / 36_000, 6)
  })

  it('fits a box with its padding on the tighter side and centred on the other, like fitBounds', () => {
    const box: [[number, number], [number, number]] = [
      [113.22, 23.08],
      [113.43, 23.13],
    ]
    const camera = fitCamera(box, 390, 240, 24)
    const project = projector(camera, 390, 240)
    const [west, south] = project(box[0])
    const [east, north] = project(box[1])
    // The course is wide: it touches the side padding, and sits in the middle vertically.
    expect(west).toBeCloseTo(24, 6)
    expect(east).toBeCloseTo(390 - 24, 6)
    expect((north + south) / 2).toBeCloseTo(120, 6)
    expect(south - north).toBeLessThan(240 - 48)
    // Guangzhou's river at this size is a city-wide view.
    expect(camera.zoom).toBeGreaterThan(10)
    expect(camera.zoom).toBeLessThan(12)
  })

  it('writes a path, closed when asked', () => {
    const project = projector({ center: [0, 0], zoom: 0 }, 512, 512)
    expect(
      pathOf(
        [
          [0, 0],
          [90, 0],
        ],
        project,
      ),
    ).toBe('M256.0 256.0L384.0 256.0')
    expect(
      pathOf(
        [
          [0, 0],
          [90, 0],
          [90, 10],
        ],
        project,
        true,
      ),
    ).toMatch(/Z$/)
  })
})

describe('placing place names', () => {
  const label = (text: string, x: number, y: number, size = 12) => ({ text, x, y, size })

  it('keeps the first of two labels that would overlap, so higher ranks listed first win', () => {
    const placed = placeLabels(
      [label('珠江', 100, 100, 15), label('海珠区', 110, 104), label('Ersha', 300, 100)],
      400,
      300,
    )
    expect(placed.map((l) => l.text)).toEqual(['珠江', 'Ersha'])
  })

  it('drops a label that would be cut by the edge of the view', () => {
    expect(placeLabels([label('Pazhou Pagoda', 395, 100)], 400, 300)).toEqual([])
    expect(placeLabels([label('Pazhou Pagoda', 300, 100)], 400, 300)).toHaveLength(1)
  })
})
