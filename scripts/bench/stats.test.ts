import { describe, expect, it } from 'vitest'

import { blockingByScript } from './stats'

describe('blockingByScript', () => {
  it('adds up each script’s long-task time over 50 ms, naming chunks without their hash', () => {
    expect(
      blockingByScript([
        { url: 'http://127.0.0.1:4190/assets/maplibre-gl-BUwiJpK_.js', duration: 250 },
        { url: 'http://127.0.0.1:4190/assets/maplibre-gl-BUwiJpK_.js', duration: 90 },
        { url: 'http://127.0.0.1:4190/assets/index-DOgbOwIG.js', duration: 50 },
        { url: 'Unattributable', duration: 120 },
      ]),
    ).toEqual({ 'maplibre-gl': 240, index: 0, other: 70 })
  })
})
