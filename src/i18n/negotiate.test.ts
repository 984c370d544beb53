import { describe, expect, it } from 'vitest'

import { negotiateLanguage, parseLang } from './negotiate'

describe('negotiateLanguage', () => {
  const offered = ['zh-Hans', 'en'] as const

  it.each([
    [['zh-CN'], 'zh-Hans'],
    [['zh-SG', 'en'], 'zh-Hans'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'en-US'], 'en'],
    [['zh-HK'], 'zh-Hans'],
    [['yue'], 'zh-Hans'],
  ] as const)('maps %j to %s when the route has no Cantonese', (preferred, expected) => {
    expect(negotiateLanguage(preferred, offered, 'zh-Hans')).toBe(expected)
  })

  it('prefers Cantonese for zh-HK, zh-MO and zh-TW when the route has it', () => {
    for (const tag of ['zh-HK', 'zh-MO', 'zh-TW', 'yue-Hant-HK']) {
      expect(negotiateLanguage([tag], ['zh-Hans', 'en', 'yue'], 'en')).toBe('yue')
    }
  })

  it("uses the route's default when nothing matches", () => {
    expect(negotiateLanguage(['de-DE', 'fr'], offered, 'en')).toBe('en')
  })
})

describe('parseLang', () => {
  it('accepts only languages the route offers', () => {
    expect(parseLang('en', ['zh-Hans', 'en'])).toBe('en')
    expect(parseLang('yue', ['zh-Hans', 'en'])).toBeUndefined()
    expect(parseLang('<script>', ['zh-Hans', 'en'])).toBeUndefined()
  })
})
