import { describe, expect, it } from 'vitest'

import { declined, inclined, QUALITY_SETTINGS, settled } from './quality'

describe('adaptive quality', () => {
  it('steps down one level per decline, to no reflection and 1× resolution', () => {
    expect(declined('high')).toBe('medium')
    expect(declined('medium')).toBe('low')
    expect(declined('low')).toBe('low')
    expect(QUALITY_SETTINGS[declined(declined('high'))]).toEqual({ maxDpr: 1, reflection: 0 })
  })

  it('steps up one level per incline, no higher than high', () => {
    expect(inclined('low')).toBe('medium')
    expect(inclined('medium')).toBe('high')
    expect(inclined('high')).toBe('high')
  })

  it('settles no higher than medium when the monitor gives up, and never raises the level', () => {
    expect(settled('high')).toBe('medium')
    expect(settled('medium')).toBe('medium')
    expect(settled('low')).toBe('low')
  })

  it('draws a smaller reflection and fewer pixels at each lower level', () => {
    const [low, medium, high] = (['low', 'medium', 'high'] as const).map((q) => QUALITY_SETTINGS[q])
    expect(low!.reflection).toBe(0)
    expect(medium!.reflection).toBeGreaterThan(0)
    expect(high!.reflection).toBeGreaterThan(medium!.reflection)
    expect(high!.maxDpr).toBeGreaterThan(medium!.maxDpr)
  })
})
