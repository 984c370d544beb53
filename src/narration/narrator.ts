import { afterFirstPaint } from '@/lib/after-first-paint'
import { DEFAULT_BACKOFF, type BackoffPolicy } from '@/lib/backoff'

import { AudioGate, type AudioUnlocking } from './audio-gate'
import type { HowlFactory, HowlInit, HowlLike, LoadProgress, NarratorUpdate } from './narration-types'
import { NarratorStore } from './narrator-store'
import { TrackLoader, type Track } from './track-loader'

export type { AudioUnlocking } from './audio-gate'
export type {
  HowlFactory,
  HowlInit,
  HowlLike,
  LoadProgress,
  NarrationFailure,
  NarratorUpdate,
} from './narration-types'
export { failureOf } from './track-loader'

/** Playback speeds the player offers. */
export const SPEEDS = [0.75, 1, 1.25, 1.5] as const

let howler: Promise<typeof import('howler')> | undefined

const defaultFactory: HowlFactory = async (init) => {
  // howler arrives on first use (nothing can play before a stop is open), and not before the first view is on
  // screen: on a deep link the stop's text paints first, then howler and the track start downloading. A page
  // hidden at once (a phone pocketed) draws no frames: there it waits 2 s at most.
  if (!howler) {
    const loading = Promise.race([
      afterFirstPaint(),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]).then(() => import('howler'))
    // A download that failed (a dropped connection) is tried again by the next load, not remembered.
    loading.catch(() => (howler = undefined))
    howler = loading
  }
  const { Howl } = await howler
  return new Howl(init)
}

/** What a Narrator may be given besides its Howl factory: the defaults are a visit's; tests pass their own. */
export interface NarratorOptions {
  /** The waits between attempts at a failed recording. */
  backoff?: BackoffPolicy
  /** Spreads the waits (0–1), so that phones that lost the same signal do not all retry at once. */
  jitter?: () => number
  unlocking?: AudioUnlocking
  /**
   * Settles once the visitor's first touch, click or key has been handled: no Howl is made before it. Nothing can
   * be heard before one on a phone, and the first Howl makes howler's AudioContext, a main-thread task of about
   * 50 ms (200 ms on a slow phone) that a page opened from a link would pay before anyone listens. After the
   * gesture's handlers, not at its start: when it is the tap on play, its `unlock()` comes first and the track's
   * Howl takes one of the elements that tap unlocked (iOS plays it then without another tap). Absent: Howls are
   * made at once.
   */
  firstTouch?: Promise<void>
}

/**
 * Owns the narration's Howls: the current track, plus at most one inactive Howl that preloads the next stop's
 * track. `load` unloads the previous track first, or promotes the preloaded one when it is the same. html5 mode
 * streams long tracks instead of decoding a minute of speech into ~11 MB of PCM. Its parts: the track loader
 * (Howls, retries), the audio gate (unlock, first touch) and the store of what it reports.
 * @see https://github.com/goldfire/howler.js#html5-boolean-false
 */
export class Narrator {
  private current: Track | null = null
  private preloaded: Track | null = null
  private speed = 1
  private readonly store = new NarratorStore(() => this.current?.howl?.seek())
  private readonly gate: AudioGate
  private readonly loader: TrackLoader

  constructor(createHowl: HowlFactory = defaultFactory, options: NarratorOptions = {}) {
    this.gate = new AudioGate(options.firstTouch, options.unlocking)
    this.loader = new TrackLoader({
      createHowl,
      gate: this.gate,
      store: this.store,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      jitter: options.jitter ?? Math.random,
      isCurrent: (track) => this.current === track,
      holds: (track) => this.current === track || this.preloaded === track,
      speed: () => this.speed,
    })
  }

  /** Number of Howls this narrator holds (0, 1, or 2 while the next track preloads): tests watch it. */
  get liveHowls(): number {
    return (this.current?.howl ? 1 : 0) + (this.preloaded?.howl ? 1 : 0)
  }

  /** The playback speed applied to every track. */
  get rate(): number {
    return this.speed
  }

  /** Seconds into the current track: where it is, or where it will start once loaded. */
  get position(): number {
    const track = this.current
    return track?.loaded && track.howl ? track.howl.seek() : (track?.resumeAt ?? 0)
  }

  /**
   * True while the current track waits to learn where it starts (the `startAt` given to `load`): `position` then
   * says where the track will be before it is known, not where the story is.
   */
  get placing(): boolean {
    return this.current?.held === true
  }

  /**
   * Unlocks audio for the whole visit. Call it inside a tap (e.g. "follow my position"): a story the position
   * starts later, with no tap, can then play on mobile browsers. The elements are made at once, in the tap,
   * even while howler is still arriving; once is enough.
   */
  unlock(): void {
    this.gate.unlock()
  }

  subscribe(listener: (update: NarratorUpdate) => void): () => void {
    return this.store.subscribe(listener)
  }

  /** Follows the loading of the current recording (null once it has loaded or failed for good). */
  subscribeLoad(listener: (progress: LoadProgress | null) => void): () => void {
    return this.store.subscribeLoad(listener)
  }

  /**
   * Replaces the current track; resolves when the new Howl exists (not when it has loaded). With `startAt`
   * (e.g. the same place in the story in another language, once its captions are read), the track starts
   * there, and does not play before it is known (a rejected `startAt` starts it from the beginning).
   */
  async load(sources: string[], startAt?: Promise<number>): Promise<void> {
    return this.loadWith(this.loader.recording(sources), startAt)
  }

  /** Replaces the current track with a stand-in made by `create` (e.g. speech synthesis), driven the same way. */
  async loadCustom(
    key: string,
    create: (init: HowlInit) => HowlLike | Promise<HowlLike>,
    startAt?: Promise<number>,
  ): Promise<void> {
    return this.loadWith(this.loader.custom(key, create), startAt)
  }

  /** Starts loading `sources` in an inactive Howl so that the next `load` of them starts at once. */
  async preload(sources: string[]): Promise<void> {
    const track = this.loader.recording(sources)
    if (this.current?.key === track.key || this.preloaded?.key === track.key) return
    this.dropPreloaded()
    this.preloaded = track
    await this.loader.spawn(track)
  }

  /** Stops a load that takes too long, or waits to retry: the visitor reads on, or tries again later. */
  cancel(): void {
    const track = this.current
    if (!track || track.loaded) return
    track.stop()
    track.wantPlay = false
    this.store.emit({ status: 'idle' })
    this.store.report({ phase: 'cancelled' })
  }

  /** Loads the current recording again, from a first attempt, after it failed or was stopped. */
  retry(): void {
    const track = this.current
    if (!track?.retries || track.loaded) return
    track.stop()
    track.failures = 0
    track.startedAt = Date.now()
    this.store.emit({ status: 'loading' })
    this.loader.reportLoading(track)
    void this.loader.spawn(track)
  }

  play(): void {
    const track = this.current
    if (!track) return
    track.wantPlay = true
    if (track.howl && !track.howl.playing() && !track.held) track.howl.play()
  }

  pause(): void {
    if (this.current) this.current.wantPlay = false
    this.current?.howl?.pause()
  }

  seek(seconds: number): void {
    const howl = this.current?.howl
    if (!howl) return
    howl.seek(Math.max(0, Math.min(seconds, howl.duration() || seconds)))
    this.store.emit({ time: howl.seek() })
  }

  /** Moves the position by `delta` seconds (−10 and +10 in the player). */
  skip(delta: number): void {
    const howl = this.current?.howl
    if (howl) this.seek(howl.seek() + delta)
  }

  /** Sets the playback speed of this and every later track. */
  setRate(speed: number): void {
    this.speed = speed
    this.current?.howl?.rate(speed)
  }

  /** Unloads every track, and cancels loads still under way. */
  destroy(): void {
    this.release()
    this.dropPreloaded()
  }

  private async loadWith(next: Track, startAt?: Promise<number>): Promise<void> {
    this.release()
    this.store.emit({ status: 'loading', time: 0, duration: 0 })
    const preloaded = this.preloaded
    if (preloaded?.key === next.key) {
      // The next stop's track was preloaded: it becomes the current one, and no Howl is created.
      this.preloaded = null
      this.current = preloaded
      if (startAt) this.startWhenKnown(preloaded, startAt)
      preloaded.howl?.rate(this.speed)
      preloaded.startedAt = Date.now()
      if (preloaded.loaded) {
        this.store.emit({ status: 'ready', duration: preloaded.howl?.duration() ?? 0 })
        this.store.report(null)
      } else if (preloaded.failedEarly) {
        this.loader.failed(preloaded, preloaded.failedEarly.error)
      } else this.loader.reportLoading(preloaded)
      return
    }
    this.dropPreloaded()
    this.current = next
    if (startAt) this.startWhenKnown(next, startAt)
    if (!this.gate.open) {
      // Ready to be played: a tap on play is the touch that lets the track load, and it plays once it has.
      this.store.emit({ status: 'idle' })
      await this.gate.firstTouch
      if (this.current !== next) return
      this.store.emit({ status: 'loading' })
      next.startedAt = Date.now()
    }
    if (next.retries) this.loader.reportLoading(next)
    await this.loader.spawn(next)
  }

  /** Holds `track`'s playback until `startAt` is known, then moves it there and plays it if asked to. */
  private startWhenKnown(track: Track, startAt: Promise<number>): void {
    track.held = true
    const start = (seconds: number) => {
      track.held = false
      if (this.current !== track) return
      if (seconds > 0) {
        track.resumeAt = seconds
        if (track.loaded) track.howl?.seek(seconds)
        this.store.emit({ time: seconds })
      }
      if (track.wantPlay && track.howl && !track.howl.playing()) track.howl.play()
    }
    void startAt.then(start, () => start(0))
  }

  private release(): void {
    this.store.stopTicker()
    if (!this.current) return
    this.current.stop()
    this.current = null
    this.store.report(null)
  }

  private dropPreloaded(): void {
    this.preloaded?.stop()
    this.preloaded = null
  }
}
