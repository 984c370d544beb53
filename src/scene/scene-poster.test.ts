import { describe, expect, it } from 'vitest'

import { posterFirst } from './scene-poster'

const withPoster = {
  id: 'canton-tower',
  model: { src: 'm.glb', alt: {}, poster: 'posters/canton-tower.webp' },
}
const linked = { sharedScreen: false, activated: false, stop: withPoster, linkedStopId: 'canton-tower' }

describe('posterFirst', () => {
  it('keeps the 3D view behind the poster of the stop a link opened, until the first touch', () => {
    expect(posterFirst(linked)).toBe(true)
    expect(posterFirst({ ...linked, activated: true })).toBe(false)
  })

  it('starts the 3D view at once for another stop, on a shared screen, or without a poster', () => {
    expect(posterFirst({ ...linked, linkedStopId: 'shamian' })).toBe(false)
    expect(posterFirst({ ...linked, linkedStopId: null })).toBe(false)
    expect(posterFirst({ ...linked, sharedScreen: true })).toBe(false)
    expect(posterFirst({ ...linked, stop: { ...withPoster, model: { src: 'm.glb', alt: {} } } })).toBe(false)
    expect(posterFirst({ ...linked, stop: undefined })).toBe(false)
  })
})
