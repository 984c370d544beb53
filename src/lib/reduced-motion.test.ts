import { afterEach, describe, expect, it, vi } from 'vitest'

import { prefersReducedMotion } from './reduced-motion'

describe('prefersReducedMotion', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('follows the system setting', () => {
    for (const reduce of [true, false]) {
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: reduce && query === '(prefers-reduced-motion: reduce)',
      }))
      expect(prefersReducedMotion()).toBe(reduce)
    }
  })

  it('is false without matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined)
    expect(prefersReducedMotion()).toBe(false)
  })
})
