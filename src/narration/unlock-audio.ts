/** An HTML5 audio element, as far as unlocking it goes. */
export interface UnlockableAudio {
  load(): void
}

/**
 * The part of howler's global object (howler 2.2.4, pinned) that keeps HTML5 audio elements for later Howls:
 * an html5 Howl takes the last element of `_html5AudioPool` and gives it back when unloaded, if it is marked
 * `_unlocked`. `autoUnlock` is howler's own unlocker (see {@link addToHtml5Pool}).
 */
export interface Html5AudioPool<A extends UnlockableAudio> {
  autoUnlock: boolean
  _html5AudioPool: A[]
  _releaseHtml5Audio(audio: A): unknown
}

/**
 * Makes `count` audio elements and loads each at once. Called inside the visitor's tap, this unlocks them for
 * good: iOS Safari, and Chromium with `--autoplay-policy=user-gesture-required`, let an element play later
 * without a tap only if play() or load() was called on it during one (howler unlocks the elements of Howls
 * that already exist the same way).
 */
export function unlockedAudioElements<A extends UnlockableAudio>(count: number, create: () => A): A[] {
  return Array.from({ length: count }, () => {
    const audio = create()
    audio.load()
    return audio
  })
}

/**
 * Hands unlocked elements to howler's pool, last (html5 Howls take the last one first), marked so that howler
 * returns them to the pool after use. howler's own unlocker is then turned off: it would add elements made in
 * a tap but never loaded, which the rules above do not count as unlocked, on top of these.
 */
export function addToHtml5Pool<A extends UnlockableAudio>(
  pool: Html5AudioPool<A>,
  elements: readonly A[],
): void {
  for (const audio of elements) pool._releaseHtml5Audio(Object.assign(audio, { _unlocked: true }))
  pool.autoUnlock = false
}
