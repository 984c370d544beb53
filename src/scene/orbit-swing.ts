/** How far the attract loop's camera swings to either side of where it stood (radians): 25°. */
export const SWING_AMPLITUDE = (25 * Math.PI) / 180
/** Seconds for one swing there and back: slow enough to read from across a room (at most 1.7° a second). */
export const SWING_PERIOD = 90

/**
 * The camera's turn about the landmark `seconds` into the attract loop, in radians about the vertical: a slow
 * swing to and fro rather than a full circle, so the camera stays over the water, in front of the landmark, and
 * never looks at the back of a model or the land behind it. Starts at 0, where the stop framed it.
 */
export function swingAngle(seconds: number): number {
  return SWING_AMPLITUDE * Math.sin((2 * Math.PI * seconds) / SWING_PERIOD)
}
