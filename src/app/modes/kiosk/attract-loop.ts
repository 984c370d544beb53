import type { TourState } from '@/tour/tour-machine'

/** What the attract loop should do on this tick. */
export type AttractStep = { type: 'wait' } | { type: 'open'; stopId: string }

/**
 * The attract loop's next move, as a pure function of the tour and the time spent on the current stop: open the
 * first stop, move on when the narration has ended or the dwell time is up, and start again after the last.
 */
export function attractStep(state: TourState, secondsOnStop: number, dwellSeconds: number): AttractStep {
  const stops = state.route.stops
  const index = stops.findIndex((s) => s.id === state.stopId)
  const first = stops[0]
  if (!first) return { type: 'wait' }
  if (index < 0) return { type: 'open', stopId: first.id }
  const finished = state.narration.status === 'ended' || state.narration.status === 'error'
  if (!finished && secondsOnStop < dwellSeconds) return { type: 'wait' }
  const next = stops[index + 1] ?? first
  return { type: 'open', stopId: next.id }
}
