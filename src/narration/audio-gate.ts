import {
  addToHtml5Pool,
  unlockedAudioElements,
  type Html5AudioPool,
  type UnlockableAudio,
} from './unlock-audio'

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

/**
 * When Howls may be made: after the visitor's first touch (when the page waits for one, see
 * NarratorOptions.firstTouch), then after the elements a tap unlocked are in howler's pool, so each Howl takes one.
 */
export class AudioGate {
  private unlocked = false
  private touched: boolean
  /** Settles once the elements a tap unlocked are in the pool. */
  private unlockedPool: Promise<void> = Promise.resolve()

  constructor(
    /** Settles once the first touch has been handled; absent, Howls may be made at once. */
    readonly firstTouch: Promise<void> | undefined,
    private readonly unlocking: AudioUnlocking = howlerUnlocking,
  ) {
    this.touched = firstTouch === undefined
    void firstTouch?.then(() => (this.touched = true))
  }

  /** Whether the first touch has come (or none is awaited). */
  get open(): boolean {
    return this.touched
  }

  /** Settles once a Howl made now would take an unlocked element (at once when no tap unlocked any). */
  get pool(): Promise<void> {
    return this.unlockedPool
  }

  /**
   * Unlocks audio for the whole visit. Call it inside a tap: the elements are made and loaded at once, in the tap,
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
}
