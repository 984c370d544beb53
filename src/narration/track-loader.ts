import { backoffDelay, type BackoffPolicy } from '@/lib/backoff'

import type { AudioGate } from './audio-gate'
import type { HowlFactory, HowlInit, HowlLike, NarrationFailure } from './narration-types'
import type { NarratorStore } from './narrator-store'

/**
 * howler reports an HTML5 MediaError code (html5 mode) or a sentence of its own; both become a NarrationFailure,
 * as does an Error thrown while making a Howl.
 * Chromium reports a missing file, an unreachable one and a file that is not audio alike, as code 4. Pure.
 */
export function failureOf(error: unknown): NarrationFailure {
  if (error === 1 || error === 2) return 'network' // MEDIA_ERR_ABORTED, MEDIA_ERR_NETWORK
  if (error === 3) return 'decode' // MEDIA_ERR_DECODE: the file arrived, but is damaged
  if (typeof error === 'string' && /speech/i.test(error)) return 'speech'
  if (typeof error === 'string' && /decod/i.test(error)) return 'decode'
  // Thrown by the narrator's own code, not reported by howler: the chunk that plays the track did not arrive.
  if (error instanceof Error) return 'network'
  return 'source'
}

/** Makes a track's Howl for one attempt; `signal` is aborted once that attempt is replaced or stopped. */
type MakeHowl = (track: Track, signal: AbortSignal) => HowlLike | Promise<HowlLike>

/** One track: a Howl (or a stand-in such as speech synthesis), what is known about it, and its current attempt. */
export class Track {
  howl: HowlLike | null = null
  loaded = false
  /** The visitor asked for sound: a Howl made later (howler arriving, a retry) plays at once. */
  wantPlay = false
  /** Recordings are retried with back-off; a stand-in such as speech synthesis is not. */
  readonly retries: boolean
  failures = 0
  /** A failure that came while the track was only preloaded, handled when it becomes the current one. */
  failedEarly: { error: unknown } | undefined
  /** Where the track starts, or resumes once it loads again after failing while it played. */
  resumeAt: number | undefined
  /** Playback waits until where the track starts is known (see `Narrator.load`). */
  held = false
  startedAt = Date.now()
  private attempt = new AbortController()

  constructor(
    readonly key: string,
    /** Kept so that a failed or stopped load can be made again. */
    readonly make: MakeHowl,
    /** A recording's encodings not yet given up on, in order of preference (see TrackLoader.failed). */
    readonly sources: string[] = [],
  ) {
    this.retries = sources.length > 0
  }

  /** Starts a new attempt at the track's Howl: the events and the retry wait of the one before are dropped. */
  begin(): AbortSignal {
    this.attempt.abort()
    this.attempt = new AbortController()
    return this.attempt.signal
  }

  /** Stops the attempt under way: its Howl is unloaded, and its late events and retry wait are dropped. */
  stop(): void {
    this.attempt.abort()
    this.howl?.unload()
    this.howl = null
  }

  /** Runs `then` after `ms`, unless the attempt is stopped, or a new one begun, first. */
  wait(ms: number, then: () => void): void {
    const { signal } = this.attempt
    if (signal.aborted) return
    const timer = setTimeout(then, ms)
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true })
  }
}

/** What the track loader needs from the narrator that owns the tracks. */
export interface TrackLoaderDeps {
  createHowl: HowlFactory
  gate: AudioGate
  store: NarratorStore
  /** The waits between attempts at a failed recording. */
  backoff: BackoffPolicy
  /** Spreads the waits (0–1), so that phones that lost the same signal do not all retry at once. */
  jitter: () => number
  /** Whether `track` is the narrator's current track. */
  isCurrent: (track: Track) => boolean
  /** Whether the narrator still holds `track`: the current one, or the next stop's preloading. */
  holds: (track: Track) => boolean
  /** The playback speed. */
  speed: () => number
}

/**
 * Makes tracks' Howls and wires their events to the narrator's store: a recording that fails is made again after
 * a growing wait, from where it was. Each attempt has its own AbortController: the events of a Howl that a newer
 * attempt, a cancel or a new track replaced are ignored, and its retry wait is cleared.
 */
export class TrackLoader {
  constructor(private readonly deps: TrackLoaderDeps) {}

  /** A recording from `sources` (the same encodings in order of preference). */
  recording(sources: string[]): Track {
    const make: MakeHowl = (track, signal) =>
      this.deps.createHowl(this.howlInit([...track.sources], track, signal))
    return new Track(sources.join('\n'), make, [...sources])
  }

  /** A stand-in made by `create` (e.g. speech synthesis), driven like a recording but never retried. */
  custom(key: string, create: (init: HowlInit) => HowlLike | Promise<HowlLike>): Track {
    return new Track(`custom:${key}`, (track, signal) => create(this.howlInit([], track, signal)))
  }

  /** Makes a Howl for `track`, unless a newer attempt, a cancel or a new track replaced it while howler arrived. */
  async spawn(track: Track): Promise<void> {
    const signal = track.begin()
    track.failedEarly = undefined
    // Every Howl, a preloading or retried one too, waits for the first touch, then for what that touch unlocked.
    const { gate } = this.deps
    if (!gate.open) await gate.firstTouch
    await gate.pool
    let howl: HowlLike
    try {
      howl = await track.make(track, signal)
    } catch (error) {
      // The code that plays the track (howler's chunk, the speech stand-in's) did not download: a failed load
      // like any other, retried for a recording, so the player never waits on it forever.
      if (signal.aborted) return
      if (this.deps.isCurrent(track)) this.failed(track, error)
      else if (this.deps.holds(track)) track.failedEarly = { error }
      return
    }
    if (signal.aborted || !this.deps.holds(track)) {
      howl.unload()
      return
    }
    track.howl = howl
    if (this.deps.isCurrent(track)) {
      howl.rate(this.deps.speed())
      if (track.wantPlay && !track.held) howl.play()
    }
  }

  /**
   * A recording that failed (to load, or while streaming) is made again after a growing wait, from where it
   * was, and without the encoding howler chose first: a damaged WebM gives way to the MP3. When the retries are
   * used up, or for a stand-in, the failure is final.
   */
  failed(track: Track, error: unknown): void {
    const { store, backoff } = this.deps
    store.stopTicker()
    if (track.loaded && track.howl) track.resumeAt = track.howl.seek()
    track.loaded = false
    track.howl?.unload()
    track.howl = null
    const delay = track.retries ? backoffDelay(track.failures + 1, backoff, this.deps.jitter()) : null
    if (delay === null) {
      store.emit({ status: 'error', error: failureOf(error) })
      store.report(null)
      return
    }
    track.failures++
    if (track.sources.length > 1) track.sources.shift()
    store.emit({ status: 'loading' })
    store.report({
      phase: 'waiting',
      startedAt: track.startedAt,
      attempt: track.failures + 1,
      attempts: backoff.retries + 1,
      retryAt: Date.now() + delay,
    })
    track.wait(delay, () => {
      this.reportLoading(track)
      void this.spawn(track)
    })
  }

  reportLoading(track: Track): void {
    const attempts = this.deps.backoff.retries + 1
    this.deps.store.report({
      phase: 'loading',
      startedAt: track.startedAt,
      attempt: track.failures + 1,
      attempts,
    })
  }

  private howlInit(sources: string[], track: Track, signal: AbortSignal): HowlInit {
    const { store } = this.deps
    const isCurrent = () => !signal.aborted && this.deps.isCurrent(track)
    const duration = () => track.howl?.duration() ?? 0
    return {
      src: sources,
      html5: true,
      preload: true,
      onload: () => {
        if (signal.aborted) return
        track.loaded = true
        if (track.resumeAt) track.howl?.seek(track.resumeAt)
        if (!isCurrent()) return
        store.emit({ status: 'ready', duration: duration() })
        store.report(null)
      },
      onloaderror: (_id, error) => {
        if (isCurrent()) this.failed(track, error)
        else if (!signal.aborted) track.failedEarly = { error }
      },
      // Autoplay without a tap is refused by mobile browsers: the player then asks for a tap.
      onplayerror: () => {
        if (!isCurrent()) return
        store.stopTicker()
        store.emit({ status: 'blocked' })
      },
      onplay: () => {
        if (!isCurrent()) return
        store.emit({ status: 'playing', duration: duration() })
        store.startTicker()
      },
      onpause: () => {
        if (!isCurrent()) return
        store.stopTicker()
        store.emit({ status: 'paused', time: track.howl?.seek() ?? 0 })
      },
      onend: () => {
        if (!isCurrent()) return
        track.wantPlay = false
        store.stopTicker()
        store.emit({ status: 'ended', time: duration() })
      },
    }
  }
}
