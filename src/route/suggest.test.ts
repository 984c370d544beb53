import { describe, expect, it } from 'vitest'

import { closestKey, editDistance } from './suggest'

describe('closestKey', () => {
  it('suggests the known key for a transposition typo', () => {
    expect(closestKey('titel', ['title', 'summary', 'story'])).toBe('title')
  })

  it('ignores case when matching', () => {
    expect(closestKey('Zoom', ['zoom', 'position'])).toBe('zoom')
  })

  it('suggests nothing for an unrelated key', () => {
    expect(closestKey('colour', ['title', 'summary', 'story'])).toBeUndefined()
  })

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
})
