import { afterEach, describe, expect, it, vi } from 'vitest'

import { FakeHowl, fakeHowlFactory } from '../../tests/helpers/fake-howl'

import { DEFAULT_BACKOFF } from '@/lib/backoff'

import { failureOf, Narrator, type HowlInit, type LoadProgress, type NarratorUpdate } from './narrator'
import type { Html5AudioPool, UnlockableAudio } from './unlock-audio'

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

  it('retries a failed load after 1, 2 and 4 s, then says why it failed', async () => {
    vi.useFakeTimers()
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory, { jitter: () => 0 })
    const updates: NarratorUpdate[] = []
    const progress: (LoadProgress | null)[] = []
    narrator.subscribe((u) => updates.push(u))
    narrator.subscribeLoad((p) => progress.push(p))
    const start = Date.now()
    await narrator.load(['missing.webm'])
    expect(progress).toEqual([{ phase: 'loading', startedAt: start, attempt: 1, attempts: 4 }])
    for (const wait of [1000, 2000, 4000]) {
      const howls = factory.created.length
      factory.created.at(-1)!.init.onloaderror(1, 4)
      expect(factory.created.at(-1)!.unloaded).toBe(true)
      expect(progress.at(-1)).toMatchObject({ phase: 'waiting', retryAt: Date.now() + wait })
      await vi.advanceTimersByTimeAsync(wait - 1)
      expect(factory.created).toHaveLength(howls)
      await vi.advanceTimersByTimeAsync(1)
      expect(factory.created).toHaveLength(howls + 1)
      expect(progress.at(-1)).toMatchObject({ phase: 'loading', attempt: howls + 1 })
    }
    expect(updates.some((u) => u.status === 'error')).toBe(false)
    factory.created.at(-1)!.init.onloaderror(1, 4)
    expect(updates.at(-1)).toEqual({ status: 'error', error: 'source' })
    expect(progress.at(-1)).toBeNull()
    expect(FakeHowl.live.size).toBe(0)
  })

  it('tries the next encoding of a recording after a failure', async () => {
    vi.useFakeTimers()
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory, { jitter: () => 0 })
    await narrator.load(['a.webm', 'a.mp3'])
    factory.created[0]!.init.onloaderror(1, 3)
    await vi.advanceTimersByTimeAsync(1000)
    factory.created[1]!.init.onloaderror(1, 3)
    await vi.advanceTimersByTimeAsync(2000)
    expect(factory.created.map((howl) => howl.init.src)).toEqual([['a.webm', 'a.mp3'], ['a.mp3'], ['a.mp3']])
  })

  it('plays a track once a retry loads it, from where it had got to when it failed', async () => {
    vi.useFakeTimers()
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory, { jitter: () => 0 })
    await narrator.load(['a.webm'])
    factory.created[0]!.init.onload()
    narrator.play()
    factory.created[0]!.position = 42
    factory.created[0]!.init.onloaderror(1, 2) // the signal went while it streamed
    await vi.advanceTimersByTimeAsync(1000)
    const retried = factory.created[1]!
    expect(retried.isPlaying).toBe(true)
    retried.init.onload()
    expect(retried.position).toBe(42)
  })

  it('stops a slow load when cancelled, and loads it again from the start on retry', async () => {
    vi.useFakeTimers()
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory, { jitter: () => 0 })
    const updates: NarratorUpdate[] = []
    const progress: (LoadProgress | null)[] = []
    narrator.subscribe((u) => updates.push(u))
    narrator.subscribeLoad((p) => progress.push(p))
    await narrator.load(['slow.webm'])
    factory.created[0]!.init.onloaderror(1, 2)
    narrator.cancel()
    expect(updates.at(-1)).toEqual({ status: 'idle' })
    expect(progress.at(-1)).toEqual({ phase: 'cancelled' })
    expect(FakeHowl.live.size).toBe(0)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(factory.created).toHaveLength(1) // no retry after a cancel
    narrator.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(factory.created).toHaveLength(2)
    expect(progress.at(-1)).toMatchObject({ phase: 'loading', attempt: 1 })
    factory.created[1]!.init.onload()
    expect(updates.at(-1)).toEqual({ status: 'ready', duration: 90 })
    expect(progress.at(-1)).toBeNull()
    narrator.cancel() // nothing to stop once it has loaded
    expect(updates.at(-1)).toEqual({ status: 'ready', duration: 90 })
  })

  it('ignores a cancelled Howl that reports late', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['slow.webm'])
    narrator.cancel()
    factory.created[0]!.init.onload()
    factory.created[0]!.init.onloaderror(1, 4)
    expect(updates.at(-1)).toEqual({ status: 'idle' })
  })

  it('retries a preloaded track that failed in the background once it is opened', async () => {
    vi.useFakeTimers()
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory, { jitter: () => 0 })
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['a.webm'])
    await narrator.preload(['b.webm'])
    factory.created[1]!.init.onloaderror(1, 2)
    expect(updates.some((u) => u.status === 'error')).toBe(false)
    await narrator.load(['b.webm'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(factory.created.map((h) => h.init.src[0])).toEqual(['a.webm', 'b.webm', 'b.webm'])
    factory.created[2]!.init.onload()
    expect(updates.at(-1)).toEqual({ status: 'ready', duration: 90 })
  })

  it('does not retry the device voice: its failure is final at once', async () => {
    const narrator = new Narrator(fakeHowlFactory())
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    let init: HowlInit | undefined
    await narrator.loadCustom('speech', (i) => new FakeHowl((init = i)))
    init!.onloaderror(0, 'speech synthesis failed (synthesis-failed)')
    expect(updates.at(-1)).toEqual({ status: 'error', error: 'speech' })
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

  it('makes no Howl before the first touch, shows the track as idle, and plays it once touched', async () => {
    let touch: () => void = () => {}
    const firstTouch = new Promise<void>((resolve) => (touch = resolve))
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory, { firstTouch })
    const updates: NarratorUpdate[] = []
    const progress: (LoadProgress | null)[] = []
    narrator.subscribe((u) => updates.push(u))
    narrator.subscribeLoad((p) => progress.push(p))
    const first = narrator.load(['a.webm'])
    const loading = narrator.load(['b.webm'])
    await Promise.resolve()
    expect(factory.created).toHaveLength(0)
    expect(narrator.liveHowls).toBe(0)
    expect(updates.at(-1)?.status).toBe('idle')
    // No "slow download" clock runs while nothing downloads.
    expect(progress.filter((p) => p?.phase === 'loading')).toEqual([])
    narrator.play()
    touch()
    await Promise.all([first, loading])
    // The track replaced before the touch is never made; the one asked for plays.
    expect(factory.created.map((h) => h.init.src)).toEqual([['b.webm']])
    expect(factory.created[0]?.isPlaying).toBe(true)
    expect(updates.map((u) => u.status)).toContain('loading')
    expect(progress.filter((p) => p?.phase === 'loading')).toHaveLength(1)
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

  it('starts a track where it is told to, and does not play it before that is known', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    let place: (seconds: number) => void = () => {}
    await narrator.load(['en.webm'], new Promise((resolve) => (place = resolve)))
    const howl = factory.created[0]!
    howl.init.onload()
    narrator.play()
    expect(howl.isPlaying).toBe(false)
    place(31.5)
    await Promise.resolve()
    expect(howl.position).toBe(31.5)
    expect(howl.isPlaying).toBe(true)
    expect(updates).toContainEqual({ time: 31.5 })
    expect(narrator.position).toBe(31.5)
  })

  it('starts from the beginning when where to start cannot be found, and seeks a track that loads later', async () => {
    const factory = fakeHowlFactory()
    const narrator = new Narrator(factory)
    await narrator.load(['en.webm'], Promise.reject(new Error('captions too slow')))
    narrator.play()
    await Promise.resolve()
    expect(factory.created[0]?.isPlaying).toBe(true)
    expect(factory.created[0]?.position).toBe(0)

    await narrator.load(['yue.webm'], Promise.resolve(12))
    await Promise.resolve()
    expect(narrator.position).toBe(12)
    factory.created[1]!.init.onload()
    expect(factory.created[1]?.position).toBe(12)
  })

  it('says it is placing a track until where it starts is known, found or not', async () => {
    const narrator = new Narrator(fakeHowlFactory())
    expect(narrator.placing).toBe(false)
    let place: (seconds: number) => void = () => {}
    await narrator.load(['zh.webm'], new Promise((resolve) => (place = resolve)))
    expect(narrator.placing).toBe(true)
    expect(narrator.position).toBe(0) // not where the story is: the caller goes by what it asked for
    place(28.5)
    await Promise.resolve()
    expect(narrator.placing).toBe(false)
    expect(narrator.position).toBe(28.5)

    let fail: (error: Error) => void = () => {}
    await narrator.load(['en.webm'], new Promise((_, reject) => (fail = reject)))
    expect(narrator.placing).toBe(true)
    fail(new Error('captions too slow'))
    await Promise.resolve()
    expect(narrator.placing).toBe(false)
    await narrator.load(['yue.webm'])
    expect(narrator.placing).toBe(false)
  })

  it('unlocks audio once, making and loading the elements inside the tap even before the pool arrives', async () => {
    const made: { load(): void; loads: number }[] = []
    const pool: Html5AudioPool<UnlockableAudio> = {
      autoUnlock: true,
      _html5AudioPool: [],
      _releaseHtml5Audio: (audio) => pool._html5AudioPool.push(audio),
    }
    let arrive: () => void = () => {}
    const arrived = new Promise<void>((resolve) => (arrive = resolve))
    const narrator = new Narrator(fakeHowlFactory(), {
      unlocking: {
        createAudio: () => {
          const audio = {
            loads: 0,
            load() {
              this.loads++
            },
          }
          made.push(audio)
          return audio
        },
        pool: async () => {
          await arrived
          return pool
        },
      },
    })
    narrator.unlock()
    expect(made.map((a) => a.loads)).toEqual([1, 1, 1, 1])
    expect(pool._html5AudioPool).toEqual([])
    arrive()
    await arrived
    await Promise.resolve()
    expect(pool._html5AudioPool).toEqual(made)
    expect(pool.autoUnlock).toBe(false)
    narrator.unlock()
    expect(made).toHaveLength(4)
  })
})

describe('Narrator when the code that plays a track cannot be downloaded', () => {
  const chunkFailed = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))

  it('retries a recording whose player code failed to arrive, then says the network failed', async () => {
    vi.useFakeTimers()
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    let calls = 0
    const narrator = new Narrator(
      () => {
        calls++
        return chunkFailed()
      },
      { jitter: () => 0 },
    )
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.load(['a.webm'])
    for (const wait of [1000, 2000, 4000]) await vi.advanceTimersByTimeAsync(wait)
    await vi.advanceTimersByTimeAsync(0)
    process.off('unhandledRejection', unhandled)
    expect(calls).toBe(4)
    expect(updates.at(-1)).toEqual({ status: 'error', error: 'network' })
    expect(unhandled).not.toHaveBeenCalled()
  })

  it("reports the device voice's missing code at once, and a failed preload when its stop opens", async () => {
    const narrator = new Narrator(fakeHowlFactory())
    const updates: NarratorUpdate[] = []
    narrator.subscribe((u) => updates.push(u))
    await narrator.loadCustom('speech:a', chunkFailed)
    expect(updates.at(-1)).toEqual({ status: 'error', error: 'network' })

    const preloading = new Narrator(chunkFailed, { backoff: { ...DEFAULT_BACKOFF, retries: 0 } })
    const later: NarratorUpdate[] = []
    preloading.subscribe((u) => later.push(u))
    await preloading.preload(['b.webm'])
    expect(later).toEqual([])
    await preloading.load(['b.webm'])
    expect(later.at(-1)).toEqual({ status: 'error', error: 'network' })
  })
})

describe('failureOf', () => {
  it.each([
    [2, 'network'],
    [1, 'network'],
    [3, 'decode'],
    [4, 'source'],
    [0, 'source'],
    ['No codec support for selected audio sources.', 'source'],
    ['Decoding audio data failed.', 'decode'],
    ['speech synthesis failed (network)', 'speech'],
  ])("reads howler's %j as %s", (error, failure) => {
    expect(failureOf(error)).toBe(failure)
  })
})
