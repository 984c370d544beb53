import type { TourState } from '@/tour/tour-machine'

/**
 * Whether the attract loop should cut the story short so that the boat sails on: the landmark has been on screen
 * for the dwell time and its story is still playing. (The simulated cruise chooses the stops; a story that ends
 * first lets the boat sail on by itself.)
 */
export function dwellOver(state: TourState, secondsShown: number, dwellSeconds: number): boolean {
  return state.narration.status === 'playing' && secondsShown >= dwellSeconds
}
