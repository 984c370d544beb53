import { readFileSync } from 'node:fs'

import type { Route } from '@/route/schema'

/** The default route as the tests expect to see it on screen. */
export const ROUTE = JSON.parse(readFileSync('routes-data/pearl-river-night/route.json', 'utf8')) as Route

export function stopById(id: string) {
  const stop = ROUTE.stops.find((s) => s.id === id)
  if (!stop) throw new Error(`no stop ${id} in the default route`)
  return stop
}
