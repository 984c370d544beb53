/**
 * How much the 3D view draws, stepped down while drei's PerformanceMonitor measures that the device cannot
 * keep up, and up again when it can.
 * - high: up to 2 device pixels per CSS pixel, the river's reflection at half the canvas resolution
 * - medium: 1 pixel per CSS pixel, the reflection at a quarter
 * - low: 1 pixel per CSS pixel, no reflection (the scene is then drawn once per frame, not twice)
 */
export type Quality = 'low' | 'medium' | 'high'

const LEVELS: readonly Quality[] = ['low', 'medium', 'high']

export const QUALITY_SETTINGS: Record<Quality, { maxDpr: number; reflection: number }> = {
  high: { maxDpr: 2, reflection: 0.5 },
  medium: { maxDpr: 1, reflection: 0.25 },
  low: { maxDpr: 1, reflection: 0 },
}

/** One level down (the monitor measured frames too slow), or low if already there. */
export function declined(quality: Quality): Quality {
  return LEVELS[Math.max(0, LEVELS.indexOf(quality) - 1)]!
}

/** One level up (the monitor measured frames to spare), or high if already there. */
export function inclined(quality: Quality): Quality {
  return LEVELS[Math.min(LEVELS.length - 1, LEVELS.indexOf(quality) + 1)]!
}

/**
 * The monitor gave up after going up and down too often: settle no higher than medium, so a device on the edge
 * stays smooth rather than sharp.
 */
export function settled(quality: Quality): Quality {
  return quality === 'high' ? 'medium' : quality
}
