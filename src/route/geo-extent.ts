import type { Route } from './schema'

/** The [[west, south], [east, north]] box around the course and every stop: the overview's frame. */
export function routeExtent(route: Route): [[number, number], [number, number]] {
  const points = [...route.course, ...route.stops.map((s) => s.position)]
  const lngs = points.map((p) => p[0])
  const lats = points.map((p) => p[1])
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ]
}
