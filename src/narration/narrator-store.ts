import type { LoadProgress, NarratorUpdate } from './narration-types'

/**
 * What the narrator tells the page, and who listens: status, time and duration (`NarratorUpdate`; the time about
 * four times a second while a track plays) and how the current recording's load is going (`LoadProgress`).
 */
export class NarratorStore {
  private readonly listeners = new Set<(update: NarratorUpdate) => void>()
  private readonly loadListeners = new Set<(progress: LoadProgress | null) => void>()
  private ticker: ReturnType<typeof setInterval> | undefined

  /** `readTime`: seconds into the track playing now, undefined while there is none. */
  constructor(private readonly readTime: () => number | undefined) {}

  subscribe(listener: (update: NarratorUpdate) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  subscribeLoad(listener: (progress: LoadProgress | null) => void): () => void {
    this.loadListeners.add(listener)
    return () => this.loadListeners.delete(listener)
  }

  emit(update: NarratorUpdate): void {
    for (const listener of this.listeners) listener(update)
  }

  /** The current recording's load: null once it has loaded, failed for good, or there is none. */
  report(progress: LoadProgress | null): void {
    for (const listener of this.loadListeners) listener(progress)
  }

  /** Reports the time every 250 ms from now until `stopTicker`. */
  startTicker(): void {
    this.stopTicker()
    this.ticker = setInterval(() => {
      const time = this.readTime()
      if (time !== undefined) this.emit({ time })
    }, 250)
  }

  stopTicker(): void {
    clearInterval(this.ticker)
    this.ticker = undefined
  }
}
