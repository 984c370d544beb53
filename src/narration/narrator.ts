import { afterFirstPaint } from '@/lib/after-first-paint'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '@/lib/backoff'

import {
  addToHtml5Pool,
  unlockedAudioElements,
  type Html5AudioPool,
  type UnlockableAudio,
} from './unlock-audio'

/** The part of a howler Howl the narrator uses: a seam so unit tests can count and drive fake Howls. */
export interface HowlLike {
  play(): number
  pause(): this
  seek(): number
  seek(seconds: number): this
  duration(): number
  playing(): boolean
  rate(): number
  rate(speed: number): this
  unload(): void
}

/** Options the narrator passes when it creates a Howl. */
export interface HowlInit {
  src: string[]
  html5: true
  preload: true
  onload: () => void
  onloaderror: (id: number, error: unknown) => void
  onplayerror: (id: number, error: unknown) => void
  onplay: () => void
  onpause: () => void
  onend: () => void
}

export type HowlFactory = (init: HowlInit) => HowlLike | Promise<HowlLike>

/** What the narrator reports to the tour: status changes at once, time about four times a second. */
export interface NarratorUpdate {
  status?: 'idle' | 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'blocked' | 'error'
  time?: number
  duration?: number
  /** With status 'error': why, as a NarrationFailure the player puts in words. */
  error?: NarrationFailure
}

/** Why a track could not be played, in the categories a visitor can act on. */
export type NarrationFailure = 'network' | 'source' | 'decode' | 'speech'

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

/** How the current recording's loading is going: the player shows a slow load's time and lets it be stopped. */
export type LoadProgress =
  | { phase: 'loading'; startedAt: number; attempt: number; attempts: number }
  /** Attempt `attempt - 1` failed; attempt `attempt` starts at `retryAt` (ms, Date.now() clock). */
  | { phase: 'waiting'; startedAt: number; attempt: number; attempts: number; retryAt: number }
  /** The visitor stopped the load: nothing plays until they try again. */
  | { phase: 'cancelled' }

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

/** How a tap unlocks audio for later tracks: audio elements made and loaded in the tap, given to a pool. */
export interface AudioUnlocking<A extends UnlockableAudio = UnlockableAudio> {
  createAudio: () => A
  /** The pool later Howls take their elements from (it may still be arriving). */
  pool: () => Promise<Html5AudioPool<A>>
}

const howlerUnlocking: AudioUnlocking<HTMLAudioElement> = {
  createAudio: () => new Audio(),
  // The pool is howler's, private in its types but stable in the pinned 2.2.4.
  pool: async () => (await import('howler')).Howler as unknown as Html5AudioPool<HTMLAudioElement>,
}

/** Elements one tap unlocks: the playing track's, the next stop's preloading, and spares. */
const UNLOCKED_ELEMENTS = 4

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

/** One track: a Howl (or a stand-in such as speech synthesis) and what is known about it. */
interface Entry {
  key: string
  howl: HowlLike | null
  loaded: boolean
  /** The visitor asked for sound: a Howl made later (howler arriving, a retry) plays at once. */
  wantPlay: boolean
  /** Makes the track's Howl; kept so that a failed or stopped load can be made again. */
  make: (entry: Entry) => HowlLike | Promise<HowlLike>
  /** Recordings are retried with back-off; a stand-in such as speech synthesis is not. */
  retries: boolean
  /** A recording's encodings not yet given up on, in order of preference (see loadFailed). */
  sources: string[]
  /** Howls made for this track so far; events from an earlier one, already replaced, are ignored. */
  attempts: number
  failures: number
  /** A failure that came while the track was only preloaded, handled when it becomes the current one. */
  failedEarly?: { error: unknown } | undefined
  /** Where the track starts, or resumes once it loads again after failing while it played. */
  resumeAt?: number
  /** Playback waits until where the track starts is known (see `load`). */
  held?: boolean
  startedAt: number
  retryTimer?: ReturnType<typeof setTimeout>
}

/**
 * Owns the narration's Howls: the current track, plus at most one inactive Howl that preloads the next stop's
 * track. `load` unloads the previous track first, or promotes the preloaded one when it is the same. html5 mode
 * streams long tracks instead of decoding a minute of speech into ~11 MB of PCM.
 * @see https://github.com/goldfire/howler.js#html5-boolean-false
 */
export class Narrator {
  private current: Entry | null = null
  private preloaded: Entry | null = null
  private speed = 1
  private ticker: ReturnType<typeof setInterval> | undefined
  private readonly listeners = new Set<(update: NarratorUpdate) => void>()
  private readonly loadListeners = new Set<(progress: LoadProgress | null) => void>()
  private unlocked = false
  /** Settles once the elements a tap unlocked are in the pool: Howls are made after it, so they take them. */
  private unlockedPool: Promise<void> = Promise.resolve()
  /** Whether Howls may be made yet (see NarratorOptions.firstTouch). */
  private touched: boolean

  private readonly backoff: BackoffPolicy
  private readonly jitter: () => number
  private readonly unlocking: AudioUnlocking
  private readonly firstTouch: Promise<void> | undefined

  constructor(
    private readonly createHowl: HowlFactory = defaultFactory,
    options: NarratorOptions = {},
  ) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
    this.jitter = options.jitter ?? Math.random
    this.unlocking = options.unlocking ?? howlerUnlocking
    this.firstTouch = options.firstTouch
    this.touched = options.firstTouch === undefined
    void options.firstTouch?.then(() => (this.touched = true))
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
    const entry = this.current
    return entry?.loaded && entry.howl ? entry.howl.seek() : (entry?.resumeAt ?? 0)
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
    if (this.unlocked) return
    this.unlocked = true
    const elements = unlockedAudioElements(UNLOCKED_ELEMENTS, this.unlocking.createAudio)
    // howler failing to arrive is reported by the track that needs it.
    this.unlockedPool = this.unlocking.pool().then(
      (pool) => addToHtml5Pool(pool, elements),
      () => undefined,
    )
  }

  subscribe(listener: (update: NarratorUpdate) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Follows the loading of the current recording (null once it has loaded or failed for good). */
  subscribeLoad(listener: (progress: LoadProgress | null) => void): () => void {
    this.loadListeners.add(listener)
    return () => this.loadListeners.delete(listener)
  }

  /**
   * Replaces the current track; resolves when the new Howl exists (not when it has loaded). With `startAt`
   * (e.g. the same place in the story in another language, once its captions are read), the track starts
   * there, and does not play before it is known (a rejected `startAt` starts it from the beginning).
   */
  async load(sources: string[], startAt?: Promise<number>): Promise<void> {
    return this.loadWith(this.recording(sources), startAt)
  }

  /** Replaces the current track with a stand-in made by `create` (e.g. speech synthesis), driven the same way. */
  async loadCustom(
    key: string,
    create: (init: HowlInit) => HowlLike | Promise<HowlLike>,
    startAt?: Promise<number>,
  ): Promise<void> {
    return this.loadWith(
      this.entry(`custom:${key}`, (entry) => create(this.howlInit([], entry))),
      startAt,
    )
  }

  /** Starts loading `sources` in an inactive Howl so that the next `load` of them starts at once. */
  async preload(sources: string[]): Promise<void> {
    const entry = this.recording(sources)
    if (this.current?.key === entry.key || this.preloaded?.key === entry.key) return
    this.dropPreloaded()
    this.preloaded = entry
    await this.spawn(entry)
  }

  /** Stops a load that takes too long, or waits to retry: the visitor reads on, or tries again later. */
  cancel(): void {
    const entry = this.current
    if (!entry || entry.loaded) return
    clearTimeout(entry.retryTimer)
    entry.attempts++ // the stopped Howl's late events are ignored
    entry.howl?.unload()
    entry.howl = null
    entry.wantPlay = false
    this.emit({ status: 'idle' })
    this.report({ phase: 'cancelled' })
  }

  /** Loads the current recording again, from a first attempt, after it failed or was stopped. */
  retry(): void {
    const entry = this.current
    if (!entry?.retries || entry.loaded) return
    clearTimeout(entry.retryTimer)
    entry.howl?.unload()
    entry.howl = null
    entry.failures = 0
    entry.startedAt = Date.now()
    this.emit({ status: 'loading' })
    this.reportLoading(entry)
    void this.spawn(entry)
  }

  play(): void {
    const entry = this.current
    if (!entry) return
    entry.wantPlay = true
    if (entry.howl && !entry.howl.playing() && !entry.held) entry.howl.play()
  }

  pause(): void {
    if (this.current) this.current.wantPlay = false
    this.current?.howl?.pause()
  }

  seek(seconds: number): void {
    const howl = this.current?.howl
    if (!howl) return
    howl.seek(Math.max(0, Math.min(seconds, howl.duration() || seconds)))
    this.emit({ time: howl.seek() })
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

  private entry(key: string, make: Entry['make'], sources: string[] = []): Entry {
    const fresh = { howl: null, loaded: false, wantPlay: false, attempts: 0, failures: 0 }
    return { key, make, retries: sources.length > 0, sources, startedAt: Date.now(), ...fresh }
  }

  private recording(sources: string[]): Entry {
    const make = (entry: Entry) => this.createHowl(this.howlInit([...entry.sources], entry))
    return this.entry(sources.join('\n'), make, [...sources])
  }

  private async loadWith(next: Entry, startAt?: Promise<number>): Promise<void> {
    this.release()
    this.emit({ status: 'loading', time: 0, duration: 0 })
    const preloaded = this.preloaded
    if (preloaded?.key === next.key) {
      // The next stop's track was preloaded: it becomes the current one, and no Howl is created.
      this.preloaded = null
      this.current = preloaded
      if (startAt) this.startWhenKnown(preloaded, startAt)
      preloaded.howl?.rate(this.speed)
      preloaded.startedAt = Date.now()
      if (preloaded.loaded) {
        this.emit({ status: 'ready', duration: preloaded.howl?.duration() ?? 0 })
        this.report(null)
      } else if (preloaded.failedEarly) {
        this.loadFailed(preloaded, preloaded.failedEarly.error)
      } else this.reportLoading(preloaded)
      return
    }
    this.dropPreloaded()
    this.current = next
    if (startAt) this.startWhenKnown(next, startAt)
    if (!this.touched) {
      // Ready to be played: a tap on play is the touch that lets the track load, and it plays once it has.
      this.emit({ status: 'idle' })
      await this.firstTouch
      if (this.current !== next) return
      this.emit({ status: 'loading' })
      next.startedAt = Date.now()
    }
    if (next.retries) this.reportLoading(next)
    await this.spawn(next)
  }

  /** Holds `entry`'s playback until `startAt` is known, then moves it there and plays it if asked to. */
  private startWhenKnown(entry: Entry, startAt: Promise<number>): void {
    entry.held = true
    const start = (seconds: number) => {
      entry.held = false
      if (this.current !== entry) return
      if (seconds > 0) {
        entry.resumeAt = seconds
        if (entry.loaded) entry.howl?.seek(seconds)
        this.emit({ time: seconds })
      }
      if (entry.wantPlay && entry.howl && !entry.howl.playing()) entry.howl.play()
    }
    void startAt.then(start, () => start(0))
  }

  /** Makes a Howl for `entry`, unless a newer load, a cancel or a retry replaced it while howler arrived. */
  private async spawn(entry: Entry): Promise<void> {
    const attempt = ++entry.attempts
    entry.failedEarly = undefined
    // Every Howl, a preloading or retried one too, waits for the first touch, then for what that touch unlocked.
    if (!this.touched) await this.firstTouch
    await this.unlockedPool
    let howl: HowlLike
    try {
      howl = await entry.make(entry)
    } catch (error) {
      // The code that plays the track (howler's chunk, the speech stand-in's) did not download: a failed load
      // like any other, retried for a recording, so the player never waits on it forever.
      if (entry.attempts !== attempt) return
      if (this.current === entry) this.loadFailed(entry, error)
      else if (this.preloaded === entry) entry.failedEarly = { error }
      return
    }
    if (entry.attempts !== attempt || (this.current !== entry && this.preloaded !== entry)) {
      howl.unload()
      return
    }
    entry.howl = howl
    if (this.current === entry) {
      howl.rate(this.speed)
      if (entry.wantPlay && !entry.held) howl.play()
    }
  }

  private howlInit(sources: string[], entry: Entry): HowlInit {
    // Called by spawn before it awaits: `attempt` is the Howl these events come from.
    const attempt = entry.attempts
    const live = () => entry.attempts === attempt
    const isCurrent = () => live() && this.current === entry
    const duration = () => entry.howl?.duration() ?? 0
    return {
      src: sources,
      html5: true,
      preload: true,
      onload: () => {
        if (!live()) return
        entry.loaded = true
        if (entry.resumeAt) entry.howl?.seek(entry.resumeAt)
        if (!isCurrent()) return
        this.emit({ status: 'ready', duration: duration() })
        this.report(null)
      },
      onloaderror: (_id, error) => {
        if (isCurrent()) this.loadFailed(entry, error)
        else if (live()) entry.failedEarly = { error }
      },
      // Autoplay without a tap is refused by mobile browsers: the player then asks for a tap.
      onplayerror: () => {
        if (!isCurrent()) return
        this.stopTicker()
        this.emit({ status: 'blocked' })
      },
      onplay: () => {
        if (!isCurrent()) return
        this.emit({ status: 'playing', duration: duration() })
        this.startTicker()
      },
      onpause: () => {
        if (!isCurrent()) return
        this.stopTicker()
        this.emit({ status: 'paused', time: entry.howl?.seek() ?? 0 })
      },
      onend: () => {
        if (!isCurrent()) return
        entry.wantPlay = false
        this.stopTicker()
        this.emit({ status: 'ended', time: duration() })
      },
    }
  }

  /**
   * A recording that failed (to load, or while streaming) is made again after a growing wait, from where it
   * was, and without the encoding howler chose first: a damaged WebM gives way to the MP3. When the retries are
   * used up, or for a stand-in, the failure is final.
   */
  private loadFailed(entry: Entry, error: unknown): void {
    this.stopTicker()
    if (entry.loaded && entry.howl) entry.resumeAt = entry.howl.seek()
    entry.loaded = false
    entry.howl?.unload()
    entry.howl = null
    const delay = entry.retries ? backoffDelay(entry.failures + 1, this.backoff, this.jitter()) : null
    if (delay === null) {
      this.emit({ status: 'error', error: failureOf(error) })
      this.report(null)
      return
    }
    entry.failures++
    if (entry.sources.length > 1) entry.sources.shift()
    this.emit({ status: 'loading' })
    this.report({
      phase: 'waiting',
      startedAt: entry.startedAt,
      attempt: entry.failures + 1,
      attempts: this.backoff.retries + 1,
      retryAt: Date.now() + delay,
    })
    entry.retryTimer = setTimeout(() => {
      if (this.current !== entry) return
      this.reportLoading(entry)
      void this.spawn(entry)
    }, delay)
  }

  private reportLoading(entry: Entry): void {
    const attempts = this.backoff.retries + 1
    this.report({ phase: 'loading', startedAt: entry.startedAt, attempt: entry.failures + 1, attempts })
  }

  private release(): void {
    this.stopTicker()
    if (!this.current) return
    clearTimeout(this.current.retryTimer)
    this.current.howl?.unload()
    this.current = null
    this.report(null)
  }

  private dropPreloaded(): void {
    this.preloaded?.howl?.unload()
    this.preloaded = null
  }

  private startTicker(): void {
    this.stopTicker()
    this.ticker = setInterval(() => {
      const howl = this.current?.howl
      if (howl) this.emit({ time: howl.seek() })
    }, 250)
  }

  private stopTicker(): void {
    clearInterval(this.ticker)
    this.ticker = undefined
  }

  private emit(update: NarratorUpdate): void {
    for (const listener of this.listeners) listener(update)
  }

  private report(progress: LoadProgress | null): void {
    for (const listener of this.loadListeners) listener(progress)
  }
}
