import { describe, expect, it } from 'vitest'

import { backoffDelay, DEFAULT_BACKOFF } from './backoff'

describe('backoffDelay', () => {
  it('doubles the wait after each failure, then gives up', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry))).toEqual([1000, 2000, 4000, null])
  })

  it('never waits longer than the cap', () => {
    const policy = { ...DEFAULT_BACKOFF, retries: 10 }
    expect(backoffDelay(4, policy)).toBe(8000)
    expect(backoffDelay(10, policy)).toBe(8000)
  })

  it('shortens the wait by up to half with jitter', () => {
    expect(backoffDelay(2, DEFAULT_BACKOFF, 1)).toBe(1000)
    expect(backoffDelay(2, DEFAULT_BACKOFF, 0.5)).toBe(1500)
    expect(backoffDelay(2, DEFAULT_BACKOFF, 7)).toBe(1000)
    expect(backoffDelay(2, DEFAULT_BACKOFF, -1)).toBe(2000)
  })

  it.each([0, -1, 1.5, Number.NaN])('has no wait for retry %s', (retry) => {
    expect(backoffDelay(retry)).toBeNull()
  })
})
