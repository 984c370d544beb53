import { describe, expect, it } from 'vitest'

import type { NarrationCue } from '@/route/schema'

import { activeCues, NO_CUES, sameCues } from './active-cues'

const CUES: NarrationCue[] = [
  { type: 'camera-view', at: 0, view: 'overview' },
  { type: 'fly-map', at: 2, center: [113.27, 23.12], zoom: 15 },
  { type: 'highlight-hotspot', at: 5, until: 9, hotspot: 'centre-span' },
  { type: 'camera-view', at: 6, view: 'along-the-deck' },
  { type: 'show-image', at: 10, until: 14, src: 'images/a.jpg', alt: { en: 'A' }, credit: 'CC0' },
  { type: 'highlight-map-feature', at: 12, layer: 'bridges', name: 'Haizhu Bridge' },
  { type: 'camera-view', at: 20, view: 'from-the-water' },
]

const names = (t: number) => {
  const a = activeCues(CUES, t)
  return {
    camera: a.camera?.view,
    hotspot: a.hotspot?.hotspot,
    map: a.map?.zoom,
    feature: a.feature?.name,
    image: a.image?.src,
  }
}

describe('activeCues', () => {
  it('applies each kind from its time until the next cue of that kind', () => {
    expect(names(0)).toEqual({ camera: 'overview' })
    expect(names(1.99).camera).toBe('overview')
    expect(names(5)).toEqual({ camera: 'overview', map: 15, hotspot: 'centre-span' })
    expect(names(6).camera).toBe('along-the-deck')
    expect(names(25)).toEqual({ camera: 'from-the-water', map: 15, feature: 'Haizhu Bridge' })
  })

  it('ends a cue at its "until"', () => {
    expect(names(8.99).hotspot).toBe('centre-span')
    expect(names(9).hotspot).toBeUndefined()
    expect(names(13).image).toBe('images/a.jpg')
    expect(names(14).image).toBeUndefined()
  })

  it('is right after seeking backwards and forwards, whatever came before', () => {
    const forward = [0, 3, 7, 11, 13, 21].map(names)
    const shuffled = [21, 0, 13, 3, 11, 7].map((t) => [t, names(t)] as const)
    for (const [t, state] of shuffled) expect(state).toEqual(forward[[0, 3, 7, 11, 13, 21].indexOf(t)])
    expect(names(21).camera).toBe('from-the-water')
    expect(names(3).camera).toBe('overview')
  })

  it('lets the later of two cues at the same time win', () => {
    const same: NarrationCue[] = [
      { type: 'camera-view', at: 4, view: 'first' },
      { type: 'camera-view', at: 4, view: 'second' },
    ]
    expect(activeCues(same, 4).camera?.view).toBe('second')
  })

  it('returns the same empty state before any cue and for a track without cues', () => {
    expect(activeCues(undefined, 3)).toBe(NO_CUES)
    expect(activeCues([{ type: 'camera-view', at: 5, view: 'x' }], 1)).toBe(NO_CUES)
  })
})

describe('sameCues', () => {
  it('compares the cues in effect, not the objects holding them', () => {
    expect(sameCues(activeCues(CUES, 6), activeCues(CUES, 7))).toBe(true)
    expect(sameCues(activeCues(CUES, 6), activeCues(CUES, 10))).toBe(false)
  })
})
