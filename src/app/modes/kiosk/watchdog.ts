/** One look at the kiosk's health. */
export interface HealthSample {
  /** Seconds since the attract loop last showed a sign of life: the boat moved, or the stop or its story moved on. */
  secondsSinceProgress: number
  attracting: boolean
  dwellSeconds: number
  /** performance.memory, where the browser has it. */
  heapUsed?: number
  heapLimit?: number
  /** The 3D renderer's live GPU objects. */
  geometries?: number
  textures?: number
}

/** The most the kiosk lets the 3D renderer hold before it resets the visit; one stop needs a few dozen. */
export const GPU_BUDGET = { geometries: 400, textures: 200 }

/**
 * What the watchdog should do: nothing; reset the visit (a new tour store, the canvas keeps its context) when the
 * loop is stalled or a budget is exceeded; or reload the page as the last resort, when even that is not enough.
 * Pure, so each rule is unit-tested.
 */
export function watchdogVerdict(sample: HealthSample, resetsInARow: number): 'ok' | 'reset' | 'reload' {
  const stalled = sample.attracting && sample.secondsSinceProgress > sample.dwellSeconds * 3 + 30
  const heapHigh =
    sample.heapUsed !== undefined &&
    sample.heapLimit !== undefined &&
    sample.heapUsed > sample.heapLimit * 0.7
  const gpuHigh =
    (sample.geometries ?? 0) > GPU_BUDGET.geometries || (sample.textures ?? 0) > GPU_BUDGET.textures
  if (!stalled && !heapHigh && !gpuHigh) return 'ok'
  return resetsInARow >= 2 ? 'reload' : 'reset'
}
