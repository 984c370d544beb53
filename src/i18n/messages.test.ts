import { describe, expect, it } from 'vitest'

import { translate } from './messages'

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'stopOf', { n: 3, total: 13 })).toBe('Stop 3 of 13')
    expect(translate('zh-Hans', 'stopOf', { n: 3, total: 13 })).toBe('第 3 站，共 13 站')
  })

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'scene')).toBe('3D view of {title}')
  })
})
