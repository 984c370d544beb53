import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { countGaps, languageMatrix, staleNarrations, trackKey } from './language-matrix'
import { readRouteDraft } from './route-draft'

const ROUTE = JSON.parse(readFileSync('routes-data/pearl-river-night/route.json', 'utf8')) as {
  stops: { story: Record<string, string>; narration: Record<string, unknown> }[]
}

describe('languageMatrix', () => {
  it('finds every story, recording and caption of the default route', () => {
    const rows = languageMatrix(readRouteDraft(JSON.stringify(ROUTE)))
    expect(rows).toHaveLength(ROUTE.stops.length)
    expect(rows[0]!.cells.map((c) => c.lang)).toEqual(['zh-Hans', 'en', 'yue'])
    expect(countGaps(rows, new Set())).toBe(0)
  })

  it('counts a missing story, a missing narration and a file that is not in the pack as gaps', () => {
    const route = structuredClone(ROUTE)
    delete route.stops[1]!.story.en
    delete route.stops[2]!.narration.yue
    const rows = languageMatrix(readRouteDraft(JSON.stringify(route)))
    expect(rows[1]!.cells[1]).toMatchObject({ lang: 'en', story: false })
    expect(rows[2]!.cells[2]).toMatchObject({ lang: 'yue', story: true, audio: null, captions: null })
    const captions = rows[3]!.cells[0]!.captions!
    expect(countGaps(rows, new Set([captions]))).toBe(4)
  })
})

describe('staleNarrations', () => {
  it('marks out of date the stop and language whose story the validator finds changed after its narration', async () => {
    const { narrationMedia } = await import('../../../../scripts/narration/narration-media')
    const { validateRouteText } = await import('@/route/validate')
    const media = narrationMedia('routes-data/pearl-river-night')
    const route = structuredClone(ROUTE)
    route.stops[1]!.story.en = `A new opening. ${route.stops[1]!.story.en}`
    const { problems } = validateRouteText(JSON.stringify(route), { narrationMedia: media })
    const stale = staleNarrations(problems)
    expect([...stale]).toEqual([trackKey(1, 'en')])
    const rows = languageMatrix(readRouteDraft(JSON.stringify(route)))
    expect(countGaps(rows, new Set(), stale)).toBe(1)
    expect(
      staleNarrations(validateRouteText(JSON.stringify(ROUTE), { narrationMedia: media }).problems).size,
    ).toBe(0)
  })
})
