import type { LngLat } from '@/route/geo'

import { fromMercator, mercator } from './still-map-geometry'

/**
 * Stops too close to draw apart at a zoom are drawn as one circle labelled with their numbers ("2–7"), so that no
 * circle ever covers another (or its number). Pure, and the same for the still map and the live one, which
 * regroups as it zooms; a tap on a group opens its first stop, whose own view then shows them apart.
 */

/** The live map's source and layer of groups. */
export const STOP_GROUPS = 'stop-groups'

/**
 * Circle radii in pixels to the outside of their 2-pixel outline (MapLibre draws it outside `circle-radius`), and
 * the least clear space between two circles.
 */
export const STOP_MARKS = { stopRadius: 14, groupRadius: 19, outline: 2, gap: 3 } as const

export interface StopMark {
  /** The stops' ids and 1-based numbers on the route, in route order. */
  ids: string[]
  numbers: number[]
  /** Where the circle is drawn: the stop, or the middle of a group's stops. */
  center: LngLat
  /** What the circle says: "4", or a group's "2–7" (a run) or "3, 9". */
  label: string
}

const radiusOf = (members: number) => (members > 1 ? STOP_MARKS.groupRadius : STOP_MARKS.stopRadius)

/** "2–7" for a run of numbers, else the numbers listed. */
export function groupLabel(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b)
  const first = sorted[0]!
  const last = sorted.at(-1)!
  if (sorted.length === 1) return String(first)
  return last - first === sorted.length - 1 ? `${first}–${last}` : sorted.join(', ')
}

/**
 * The circles to draw for `stops` at `zoom` (Web Mercator, 512-pixel world): the closest pair of circles that
 * would touch is merged, again and again, until every two are `gap` pixels apart. The open stop (`openId`) is
 * never merged: it keeps its own circle, drawn over any neighbour it touches.
 */
export function groupStops(
  stops: readonly { id: string; position: LngLat }[],
  zoom: number,
  openId: string | null = null,
): StopMark[] {
  const size = 512 * 2 ** zoom
  let groups = stops.map((stop, i) => {
    const [x, y] = mercator(stop.position)
    return { members: [i], x: x * size, y: y * size, open: stop.id === openId }
  })
  for (;;) {
    let closest: { a: number; b: number; distance: number } | null = null
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a]!
        const gb = groups[b]!
        if (ga.open || gb.open) continue
        const distance = Math.hypot(ga.x - gb.x, ga.y - gb.y)
        const needed = radiusOf(ga.members.length) + radiusOf(gb.members.length) + STOP_MARKS.gap
        if (distance < needed && (!closest || distance < closest.distance)) closest = { a, b, distance }
      }
    }
    if (!closest) break
    const { a, b } = closest
    const members = [...groups[a]!.members, ...groups[b]!.members].sort((m, n) => m - n)
    // The middle of all its stops, not of the two circles: the group sits over the stretch it stands for.
    const points = members.map((m) => mercator(stops[m]!.position))
    const merged = {
      open: false,
      members,
      x: (points.reduce((sum, [x]) => sum + x, 0) / points.length) * size,
      y: (points.reduce((sum, [, y]) => sum + y, 0) / points.length) * size,
    }
    groups = [...groups.filter((_, i) => i !== a && i !== b), merged]
  }
  return groups
    .sort((g, h) => g.members[0]! - h.members[0]!)
    .map((group) => ({
      ids: group.members.map((m) => stops[m]!.id),
      numbers: group.members.map((m) => m + 1),
      center: fromMercator([group.x / size, group.y / size]),
      label: groupLabel(group.members.map((m) => m + 1)),
    }))
}
