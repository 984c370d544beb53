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

/** Why a track could not be played, in the categories a visitor can act on. */
export type NarrationFailure = 'network' | 'source' | 'decode' | 'speech'

/** What the narrator reports to the tour: status changes at once, time about four times a second. */
export interface NarratorUpdate {
  status?: 'idle' | 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'blocked' | 'error'
  time?: number
  duration?: number
  /** With status 'error': why, as a NarrationFailure the player puts in words. */
  error?: NarrationFailure
}

/** How the current recording's loading is going: the player shows a slow load's time and lets it be stopped. */
export type LoadProgress =
  | { phase: 'loading'; startedAt: number; attempt: number; attempts: number }
  /** Attempt `attempt - 1` failed; attempt `attempt` starts at `retryAt` (ms, Date.now() clock). */
  | { phase: 'waiting'; startedAt: number; attempt: number; attempts: number; retryAt: number }
  /** The visitor stopped the load: nothing plays until they try again. */
  | { phase: 'cancelled' }
