import { afterEach, describe, expect, it, vi } from 'vitest'

import { remember, remembered } from './remembered'

function storage(refuse: boolean): Storage {
  const items = new Map<string, string>()
  const refused = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  }
  return {
    getItem: (key: string) => (refuse ? refused() : (items.get(key) ?? null)),
    setItem: (key: string, value: string) => (refuse ? refused() : void items.set(key, value)),
  } as Storage
}

describe('remembered choices', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('gives back what was remembered, and null for what was not', () => {
    vi.stubGlobal('localStorage', storage(false))
    remember('lang', 'yue')
    expect(remembered('lang')).toBe('yue')
    expect(remembered('speed')).toBeNull()
  })

  it('remembers nothing, without an error, where the browser refuses storage', () => {
    vi.stubGlobal('localStorage', storage(true))
    expect(() => remember('lang', 'yue')).not.toThrow()
    expect(remembered('lang')).toBeNull()
  })
})
