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

  it('preloads the next track in a second Howl and plays it without creating another', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['a.webm'])
    await narrator.preload(['b.webm'])
    expect(narrator.liveHowls).toBe(2)
    factory.created[1]?.init.onload() // the preloaded track finished loading in the background
    expect(updates.some((u) => u.status === 'ready')).toBe(false) // …and the player is not told about it
    await narrator.load(['b.webm'])
    expect(factory.created).toHaveLength(2)
    expect(factory.created[0]?.unloaded).toBe(true)
    expect(narrator.liveHowls).toBe(1)
    expect(updates.at(-1)).toEqual({ status: 'ready', duration: 90 })
    narrator.play()
    expect(factory.created[1]?.isPlaying).toBe(true)
  })

  it('never keeps more than two Howls, and unloads a preload that is not used', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['a.webm'])
    await narrator.preload(['b.webm'])
    await narrator.preload(['c.webm'])
    expect(factory.created[1]?.unloaded).toBe(true)
    expect(FakeHowl.live.size).toBe(2)
    await narrator.load(['d.webm'])
    expect(factory.created[2]?.unloaded).toBe(true)
    expect(FakeHowl.live.size).toBe(1)
    narrator.destroy()
    expect(FakeHowl.live.size).toBe(0)
  })

  it('does not preload the track that is already playing', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['a.webm'])
    await narrator.preload(['a.webm'])
    expect(factory.created).toHaveLength(1)
  })

  it('keeps the chosen speed for later tracks', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['a.webm'])
    narrator.setRate(1.25)
    expect(factory.created[0]?.speed).toBe(1.25)
    await narrator.load(['b.webm'])
    expect(factory.created[1]?.speed).toBe(1.25)
  })

  it('skips ten seconds either way, within the track', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['a.webm'])
    narrator.seek(30)
    narrator.skip(10)
    expect(factory.created[0]?.position).toBe(40)
    narrator.skip(-10)
    narrator.skip(-10)
    expect(factory.created[0]?.position).toBe(20)
    narrator.seek(85)
    narrator.skip(10)
    expect(factory.created[0]?.position).toBe(90)
  })

  it('plays a track asked for before howler arrived, once it has', async () => {
    let arrive: () => void = () => {}
    const arrived = new Promise<void>((resolve) => (arrive = resolve))
    const inner = fakeHowlFactory()
    const narrator = new Narrator(async (init) => {
      await arrived
      return inner(init)
    })
    const loading = narrator.load(['a.webm'])
    narrator.play()
    arrive()
    await loading
    expect(inner.created[0]?.isPlaying).toBe(true)
  })

  it('reports a refused autoplay as blocked, not as an error', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['a.webm'])
    factory.created[0]?.init.onplayerror(1, 'Playback was unable to start.')
    expect(updates.at(-1)).toEqual({ status: 'blocked' })
  })
})
