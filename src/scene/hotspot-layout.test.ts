import { describe, expect, it } from 'vitest'

import { HOTSPOT_BADGE, placeBadges, type ScreenPoint } from './hotspot-layout'

const { radius, dot } = HOTSPOT_BADGE

function badges(points: ScreenPoint[], width = 390, height = 292) {
  const offsets = placeBadges(points, width, height)
  return points.map((p) => {
    const { dx, dy } = offsets.get(p.id)!
    return { x: p.x + dx, y: p.y + dy }
  })
}

describe('placeBadges', () => {
  it('keeps the badges of close hotspots (a tower clock, its roof, its door) apart from each other', () => {
    const points = [
      { id: 'clock', x: 190, y: 120 },
      { id: 'roof', x: 205, y: 110 },
      { id: 'door', x: 195, y: 150 },
      { id: 'side', x: 180, y: 135 },
    ]
    const placed = badges(points)
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1))
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * radius)
  })

  it('never puts a badge over a hotspot’s point, its own or another’s', () => {
    const points = [
      { id: 'a', x: 100, y: 100 },
      { id: 'b', x: 121, y: 79 },
      { id: 'c', x: 79, y: 79 },
    ]
    const placed = badges(points)
    for (const badge of placed)
      for (const point of points)
        expect(Math.hypot(badge.x - point.x, badge.y - point.y)).toBeGreaterThan(radius + dot)
  })

  it('keeps badges inside the view at its edges', () => {
    const [corner] = badges([{ id: 'top', x: 385, y: 4 }])
    expect(corner!.x).toBeLessThanOrEqual(390 - radius)
    expect(corner!.y).toBeGreaterThanOrEqual(radius)
  })
})
