import { describe, expect, it } from 'vitest'

import { validateIndexText } from './validate-index'

const route = (id: string, languages = ['zh-Hans', 'en'], defaultLanguage = 'zh-Hans') =>
  JSON.stringify({ id, languages, defaultLanguage })

/** What a curator reads for each problem of an index whose folders hold `routes`. */
function problemsOf(index: unknown, routes: Record<string, string>): string[] {
  const text = JSON.stringify(index, null, 2)
  return validateIndexText(text, (folder) => routes[folder]).map(
    (p) => `${p.line}:${p.col} ${p.severity} ${p.pointer} ${p.message}`,
  )
}

describe('validateIndexText', () => {
  it('accepts an index whose routes are in their folders, titled in their languages', () => {
    const index = {
      default: 'pearl-river-night',
      routes: [
        { id: 'pearl-river-night', title: { 'zh-Hans': '珠江', en: 'Pearl' }, folder: 'pearl-river-night' },
        { id: 'seine-by-night', title: { en: 'The Seine', fr: undefined }, folder: 'seine-by-night' },
      ],
    }
    expect(
      problemsOf(index, {
        'pearl-river-night': route('pearl-river-night'),
        'seine-by-night': route('seine-by-night', ['en'], 'en'),
      }),
    ).toEqual([])
  })

  it('names the default that is not listed, a folder without route.json, ids that differ and titles in other languages', () => {
    const index = {
      default: 'nowhere',
      routes: [
        { id: 'seine', title: { 'zh-Hans': '塞纳河', en: 'The Seine' }, folder: 'seine-by-night' },
        { id: 'thames', title: { en: 'The Thames' }, folder: 'thames' },
      ],
    }
    expect(problemsOf(index, { 'seine-by-night': route('seine-by-night', ['en', 'yue'], 'en') })).toEqual([
      '2:14 error /default "nowhere" is not one of the listed routes: use one of seine, thames',
      '10:17 error /routes/0/folder the folder "seine-by-night" is not named after the route\'s id "seine": rename the folder, or the id',
      '5:13 error /routes/0/id "seine-by-night/route.json" has the id "seine-by-night", not "seine": use the same id in both',
      '7:20 error /routes/0/title/zh-Hans "zh-Hans" is not one of the route\'s languages (en, yue): remove it, or add the language to the route',
      '6:16 warning /routes/0/title no "yue" title: the route is offered in en, yue; add "yue": "…"',
      '17:17 error /routes/1/folder no route.json in "thames": put the route\'s route.json in that folder',
    ])
  })

  it('requires a title in the route’s default language', () => {
    const index = {
      default: 'seine',
      routes: [{ id: 'seine', title: { en: 'The Seine' }, folder: 'seine' }],
    }
    expect(problemsOf(index, { seine: route('seine', ['fr', 'en'], 'fr') })).toContain(
      '6:16 error /routes/0/title no "fr" title: the route is offered in fr, en; add "fr": "…"',
    )
  })

  it('reports the index’s own shape with the schema’s words', () => {
    expect(problemsOf({ default: 'x', routes: [] }, {})).toEqual([
      '3:13 error /routes Too small: expected array to have >=1 items',
    ])
  })
})
