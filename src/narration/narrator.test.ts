import { afterEach, describe, expect, it, vi } from 'vitest'

import { FakeHowl, fakeHowlFactory } from '../../tests/helpers/fake-howl'

import { Narrator, type NarratorUpdate } from './narrator'

afterEach(() => {
  FakeHowl.live.clear()
  vi.useRealTimers()
})

describe('Narrator', () => {
  it('unloads the previous Howl before the next track and keeps at most one alive', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['a.webm', 'a.mp3'])
    await narrator.load(['b.webm'])
    expect(factory.created[0]?.unloaded).toBe(true)
    expect(factory.created[1]?.init.src).toEqual(['b.webm'])
    expect(FakeHowl.live.size).toBe(1)
    expect(narrator.liveHowls).toBe(1)
  })

  it('streams in html5 mode', async () => {
    const factory = fakeHowlFactory()
    await new Narrator(factory).load(['a.webm'])
    expect(factory.created[0]?.init.html5).toBe(true)
  })

  it('leaves no live Howl after destroy', async () => {
    const narrator = new Narrator(fakeHowlFactory())
    await narrator.load(['a.webm'])
    narrator.destroy()
    expect(FakeHowl.live.size).toBe(0)
    expect(narrator.liveHowls).toBe(0)
  })

  it('reports status and time while playing, about four times a second', async () => {
    vi.useFakeTimers()
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['a.webm'])
    factory.created[0]?.init.onload()
    narrator.play()
    factory.created[0]!.position = 1.5
    vi.advanceTimersByTime(1000)
    expect(updates[0]).toEqual({ status: 'loading', time: 0, duration: 0 })
    expect(updates).toContainEqual({ status: 'ready', duration: 90 })
    expect(updates).toContainEqual({ status: 'playing', duration: 90 })
    expect(updates.filter((u) => u.time === 1.5 && u.status === undefined)).toHaveLength(4)
  })

  it('ignores events from a track it has already replaced', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    await narrator.load(['a.webm'])
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['b.webm'])
    factory.created[0]?.init.onloaderror(1, 'stale failure')
    expect(updates.some((u) => u.status === 'error')).toBe(false)
  })

  it('reports a load error in words', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['missing.webm'])
    factory.created[0]?.init.onloaderror(1, 'No codec support for selected audio sources.')
    expect(updates.at(-1)).toEqual({ status: 'error', error: 'No codec support for selected audio sources.' })
  })

  it('clamps seeking to the track', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['a.webm'])
    narrator.seek(500)
    expect(factory.created[0]?.position).toBe(90)
    narrator.seek(-3)
    expect(factory.created[0]?.position).toBe(0)
  })
})
