import { describe, expect, it } from 'vitest'

import { pickText } from './localised'

describe('pickText', () => {
  it('returns the text in the asked language', () => {
    expect(pickText({ 'zh-Hans': '海珠桥', en: 'Haizhu Bridge' }, 'en', 'zh-Hans')).toEqual({
      text: 'Haizhu Bridge',
      lang: 'en',
      fallback: false,
    })
  })

  it('falls back to the default language and says so', () => {
    expect(pickText({ 'zh-Hans': '海珠桥' }, 'en', 'zh-Hans')).toEqual({
      text: '海珠桥',
      lang: 'zh-Hans',
      fallback: true,
    })
  })

  it('falls back to any language when even the default is missing', () => {
    expect(pickText({ en: 'Pier' }, 'yue', 'zh-Hans')).toEqual({ text: 'Pier', lang: 'en', fallback: true })
  })
})
