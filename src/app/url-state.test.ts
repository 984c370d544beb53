import { describe, expect, it } from 'vitest'

import { readUrlState, writeUrlState } from './url-state'

describe('url state', () => {
  it('reads route, stop and language', () => {
    expect(readUrlState('?route=pearl-river-night&stop=haizhu-bridge&lang=en')).toEqual({
      routeId: 'pearl-river-night',
      stopId: 'haizhu-bridge',
      lang: 'en',
    })
  })

  it('writes the stop and language and keeps the other parameters', () => {
    expect(
      writeUrlState('?route=pearl-river-night&mode=kiosk', { stopId: 'canton-tower', lang: 'zh-Hans' }),
    ).toBe('?route=pearl-river-night&mode=kiosk&stop=canton-tower&lang=zh-Hans')
  })

  it('drops the stop when the list is shown', () => {
    expect(writeUrlState('?stop=canton-tower&lang=en', { stopId: null, lang: 'en' })).toBe('?lang=en')
  })

  it('round-trips', () => {
    const search = writeUrlState('', { stopId: 'tianzi-pier', lang: 'en' })
    expect(readUrlState(search)).toMatchObject({ stopId: 'tianzi-pier', lang: 'en' })
  })
})
