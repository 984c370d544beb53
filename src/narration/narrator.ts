/** The part of a howler Howl the narrator uses: a seam so unit tests can count and drive fake Howls. */
export interface HowlLike {
  play(): number
  pause(): this
  seek(): number
  seek(seconds: number): this
  duration(): number
  playing(): boolean
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
  status?: 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'error'
  time?: number
  duration?: number
  error?: string
}

const defaultFactory: HowlFactory = async (init) => {
  // howler arrives on first use: nothing can play before a stop is open anyway.
  const { Howl } = await import('howler')
  return new Howl(init)
}

/**
 * Owns at most one Howl at a time: `load` always unloads the previous one first. html5 mode streams long
 * tracks instead of decoding a minute of speech into ~11 MB of PCM.
 * @see https://github.com/goldfire/howler.js#html5-boolean-false
 */
export class Narrator {
  private howl: HowlLike | null = null
  private generation = 0
  private ticker: ReturnType<typeof setInterval> | undefined
  private readonly listeners = new Set<(update: NarratorUpdate) => void>()

  constructor(private readonly createHowl: HowlFactory = defaultFactory) {}

  /** Number of Howls this narrator holds (0 or 1): the kiosk and the tests watch it. */
  get liveHowls(): number {
    return this.howl ? 1 : 0
  }

  subscribe(listener: (update: NarratorUpdate) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Replaces the current track; resolves when the new Howl exists (not when it has loaded). */
  async load(sources: string[]): Promise<void> {
    this.release()
    const generation = ++this.generation
    this.emit({ status: 'loading', time: 0, duration: 0 })
    const howl = await this.createHowl({
      src: sources,
      html5: true,
      preload: true,
      onload: () => this.isCurrent(generation) && this.emit({ status: 'ready', duration: howl.duration() }),
      onloaderror: (_id, error) => this.isCurrent(generation) && this.fail(error),
      onplayerror: (_id, error) => this.isCurrent(generation) && this.fail(error),
      onplay: () => {
        if (!this.isCurrent(generation)) return
        this.emit({ status: 'playing', duration: howl.duration() })
        this.startTicker()
      },
      onpause: () => {
        if (!this.isCurrent(generation)) return
        this.stopTicker()
        this.emit({ status: 'paused', time: howl.seek() })
      },
      onend: () => {
        if (!this.isCurrent(generation)) return
        this.stopTicker()
        this.emit({ status: 'ended', time: howl.duration() })
      },
    })
    if (generation !== this.generation) {
      howl.unload() // a newer load (or destroy) came while howler was arriving
      return
    }
    this.howl = howl
  }

  play(): void {
    if (this.howl && !this.howl.playing()) this.howl.play()
  }

  pause(): void {
    this.howl?.pause()
  }

  seek(seconds: number): void {
    if (!this.howl) return
    this.howl.seek(Math.max(0, Math.min(seconds, this.howl.duration() || seconds)))
    this.emit({ time: this.howl.seek() })
  }

  /** Unloads the current track, and cancels a load still under way. */
  destroy(): void {
    this.release()
    this.generation++
  }

  private release(): void {
    this.stopTicker()
    this.howl?.unload()
    this.howl = null
  }

  private isCurrent(generation: number): boolean {
    return generation === this.generation
  }

  private fail(error: unknown): void {
    this.stopTicker()
    this.emit({ status: 'error', error: typeof error === 'string' ? error : String(error) })
  }

  private startTicker(): void {
    this.stopTicker()
    this.ticker = setInterval(() => {
      if (this.howl) this.emit({ time: this.howl.seek() })
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
