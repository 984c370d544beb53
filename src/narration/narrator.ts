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
  status?: 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'blocked' | 'error'
  time?: number
  duration?: number
  error?: string
}

/** Playback speeds the player offers. */
export const SPEEDS = [0.75, 1, 1.25, 1.5] as const

const defaultFactory: HowlFactory = async (init) => {
  // howler arrives on first use: nothing can play before a stop is open anyway.
  const { Howl } = await import('howler')
  return new Howl(init)
}

/** One track: a Howl (or a stand-in such as speech synthesis) and what is known about it. */
interface Entry {
  key: string
  howl: HowlLike | null
  loaded: boolean
  /** play() came before the Howl existed: play as soon as it does (still inside the tap's task for howler). */
  wantPlay: boolean
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

  constructor(private readonly createHowl: HowlFactory = defaultFactory) {}

  /** Number of Howls this narrator holds (0, 1, or 2 while the next track preloads): tests watch it. */
  get liveHowls(): number {
    return (this.current?.howl ? 1 : 0) + (this.preloaded?.howl ? 1 : 0)
  }

  /** The playback speed applied to every track. */
  get rate(): number {
    return this.speed
  }

  subscribe(listener: (update: NarratorUpdate) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Replaces the current track; resolves when the new Howl exists (not when it has loaded). */
  async load(sources: string[]): Promise<void> {
    return this.loadWith(sources.join('\n'), (entry) => this.createHowl(this.howlInit(sources, entry)))
  }

  /** Replaces the current track with a stand-in made by `create` (e.g. speech synthesis), driven the same way. */
  async loadCustom(key: string, create: (init: HowlInit) => HowlLike): Promise<void> {
    return this.loadWith(`custom:${key}`, (entry) => create(this.howlInit([], entry)))
  }

  /** Starts loading `sources` in an inactive Howl so that the next `load` of them starts at once. */
  async preload(sources: string[]): Promise<void> {
    const key = sources.join('\n')
    if (this.current?.key === key || this.preloaded?.key === key) return
    this.dropPreloaded()
    const entry: Entry = { key, howl: null, loaded: false, wantPlay: false }
    this.preloaded = entry
    const howl = await this.createHowl(this.howlInit(sources, entry))
    if (this.preloaded !== entry && this.current !== entry) {
      howl.unload() // replaced while howler was arriving
      return
    }
    entry.howl = howl
    if (this.current === entry) {
      // Promoted to the current track before it existed.
      howl.rate(this.speed)
      if (entry.wantPlay) howl.play()
    }
  }

  play(): void {
    const entry = this.current
    if (!entry) return
    if (!entry.howl) entry.wantPlay = true
    else if (!entry.howl.playing()) entry.howl.play()
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

  private async loadWith(key: string, make: (entry: Entry) => HowlLike | Promise<HowlLike>): Promise<void> {
    this.release()
    this.emit({ status: 'loading', time: 0, duration: 0 })
    const preloaded = this.preloaded
    if (preloaded?.key === key) {
      // The next stop's track was preloaded: it becomes the current one, and no Howl is created.
      this.preloaded = null
      this.current = preloaded
      preloaded.howl?.rate(this.speed)
      if (preloaded.loaded) this.emit({ status: 'ready', duration: preloaded.howl?.duration() ?? 0 })
      return
    }
    this.dropPreloaded()
    const entry: Entry = { key, howl: null, loaded: false, wantPlay: false }
    this.current = entry
    const howl = await make(entry)
    if (this.current !== entry) {
      howl.unload() // a newer load (or destroy) came while howler was arriving
      return
    }
    entry.howl = howl
    howl.rate(this.speed)
    if (entry.wantPlay) howl.play()
  }

  private howlInit(sources: string[], entry: Entry): HowlInit {
    const isCurrent = () => this.current === entry
    const duration = () => entry.howl?.duration() ?? 0
    return {
      src: sources,
      html5: true,
      preload: true,
      onload: () => {
        entry.loaded = true
        if (isCurrent()) this.emit({ status: 'ready', duration: duration() })
      },
      onloaderror: (_id, error) => isCurrent() && this.fail(error),
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
        this.stopTicker()
        this.emit({ status: 'ended', time: duration() })
      },
    }
  }

  private release(): void {
    this.stopTicker()
    this.current?.howl?.unload()
    this.current = null
  }

  private dropPreloaded(): void {
    this.preloaded?.howl?.unload()
    this.preloaded = null
  }

  private fail(error: unknown): void {
    this.stopTicker()
    this.emit({ status: 'error', error: typeof error === 'string' ? error : String(error) })
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
}
