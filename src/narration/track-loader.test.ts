import { afterEach, describe, expect, it, vi } from 'vitest'

import { Track } from './track-loader'

describe('a track attempt', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('drops its retry wait when it is stopped or a new attempt begins', () => {
    vi.useFakeTimers()
    const track = new Track('a.webm', () => {
      throw new Error('not made in this test')
    })
    const ran: string[] = []
    track.wait(1000, () => ran.push('stopped'))
    track.stop()
    track.wait(1000, () => ran.push('replaced'))
    track.begin()
    track.wait(1000, () => ran.push('kept'))
    vi.advanceTimersByTime(1000)
    expect(ran).toEqual(['kept'])
  })

  it('aborts the signal of the attempt before when a new one begins', () => {
    const track = new Track('a.webm', () => {
      throw new Error('not made in this test')
    })
    const first = track.begin()
    const second = track.begin()
    expect([first.aborted, second.aborted]).toEqual([true, false])
    track.stop()
    expect(second.aborted).toBe(true)
  })
})
