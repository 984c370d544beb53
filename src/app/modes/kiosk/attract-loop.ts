import type { Route } from '@/route/schema'
import { storyInProgress, type TourState } from '@/tour/tour-machine'

/**
 * Whether the attract loop should cut the story short so that the boat sails on: the landmark has been on screen
 * for the dwell time and its story is still playing. (The simulated cruise chooses the stops; a story that ends
 * first lets the boat sail on by itself.)
 */
export function dwellOver(state: TourState, secondsShown: number, dwellSeconds: number): boolean {
  return state.narration.status === 'playing' && secondsShown >= dwellSeconds
}

/** The stops the attract loop opens on: the route's `kiosk.attract.stops` that exist, each once, in that order. */
export function openingStops(route: Route): string[] {
  const ids = new Set(route.stops.map((stop) => stop.id))
  return [...new Set(route.kiosk?.attract?.stops ?? [])].filter((id) => ids.has(id))
}

/** Where the attract loop sends the boat: just before an opening stop, with the opening stops already shown. */
export interface SailTo {
  stopId: string
  heard: string[]
}

/**
 * The attract loop's opening: the boat is put just before each opening stop in turn. `shown` opening stops are
 * behind it; the one it sails to is done once the boat has started its story and the story is no longer being
 * told (it ended, the dwell cut it short, or it never began). Then the boat is put before the next one; after the
 * last it sails on round the course, the opening stops counting as heard until the course starts again.
 * Returns the new count, and where to put the boat (none: sail on as it is).
 */
export function openingStep(
  state: TourState,
  opening: readonly string[],
  shown: number,
): { shown: number; sailTo?: SailTo } {
  const current = opening[shown]
  if (current === undefined) return { shown }
  const started = state.position.started?.stopId === current && state.position.told.includes(current)
  if (!started || storyInProgress(state)) return { shown }
  const next = opening[shown + 1]
  return next === undefined
    ? { shown: shown + 1 }
    : { shown: shown + 1, sailTo: { stopId: next, heard: opening.slice(0, shown + 1) } }
}
