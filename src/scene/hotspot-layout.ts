/**
 * Where each hotspot's numbered badge goes on screen: a short leader line away from the point it marks, so the
 * badge never covers that point (the feature it names), another hotspot's point, nor another badge. Pure: the
 * markers call it with the points projected to the canvas whenever the camera has moved.
 */

/** Pixels: the badge's radius, the point's dot, the leader lengths tried, the clear space kept. */
export const HOTSPOT_BADGE = { radius: 12, dot: 5, leaders: [30, 48, 66], margin: 3 } as const

/** Directions tried in turn, degrees clockwise from screen right: up and to the sides first, where the sky is. */
const DIRECTIONS = [-45, -135, -90, 0, 180, 45, 135, 90]

export interface ScreenPoint {
  id: string
  x: number
  y: number
}

/** A badge's centre relative to its point, in pixels. */
export interface BadgeOffset {
  dx: number
  dy: number
}

/**
 * Badge offsets for `points` (in order: earlier hotspots choose first) on a `width` × `height` canvas. Each takes
 * the first leader (shortest first, then direction) whose badge stays inside the canvas and clear of every point
 * and every badge already placed; where none is clear (a crowd of points), the one that overlaps least.
 */
export function placeBadges(
  points: readonly ScreenPoint[],
  width: number,
  height: number,
): Map<string, BadgeOffset> {
  const { radius, dot, leaders, margin } = HOTSPOT_BADGE
  const placed: { x: number; y: number }[] = []
  const result = new Map<string, BadgeOffset>()
  for (const point of points) {
    let best: { offset: BadgeOffset; cost: number } | null = null
    for (const length of leaders) {
      for (const degrees of DIRECTIONS) {
        const angle = (degrees * Math.PI) / 180
        const offset = { dx: Math.round(length * Math.cos(angle)), dy: Math.round(length * Math.sin(angle)) }
        const [x, y] = [point.x + offset.dx, point.y + offset.dy]
        // How far into the way of others (points, badges, the canvas's edges) this badge would reach, in pixels.
        let cost = 0
        for (const other of points)
          cost += Math.max(0, radius + dot + margin - Math.hypot(other.x - x, other.y - y))
        for (const badge of placed)
          cost += Math.max(0, 2 * radius + margin - Math.hypot(badge.x - x, badge.y - y))
        cost += Math.max(0, radius - x) + Math.max(0, radius - y)
        cost += Math.max(0, x + radius - width) + Math.max(0, y + radius - height)
        // A longer leader only when the shorter ones are in the way.
        cost += length / 1000
        if (!best || cost < best.cost) best = { offset, cost }
      }
      if (best && best.cost < 1) break
    }
    const { offset } = best!
    placed.push({ x: point.x + offset.dx, y: point.y + offset.dy })
    result.set(point.id, offset)
  }
  return result
}
