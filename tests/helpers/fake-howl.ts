import type { HowlFactory, HowlInit, HowlLike } from '@/narration/narrator'

/** A Howl stand-in at the engine edge: records what the narrator did and lets a test fire howler's events. */
export class FakeHowl implements HowlLike {
  static live = new Set<FakeHowl>()
  position = 0
  isPlaying = false
  unloaded = false
  speed = 1

  constructor(
    readonly init: HowlInit,
    readonly length = 90,
  ) {
    FakeHowl.live.add(this)
  }

  play(): number {
    this.isPlaying = true
    this.init.onplay()
    return 1
  }
  pause(): this {
    this.isPlaying = false
    this.init.onpause()
    return this
  }
  seek(): number
  seek(seconds: number): this
  seek(seconds?: number): number | this {
    if (seconds === undefined) return this.position
    this.position = seconds
    return this
  }
  duration(): number {
    return this.length
  }
  rate(): number
  rate(speed: number): this
  rate(speed?: number): number | this {
    if (speed === undefined) return this.speed
    this.speed = speed
    return this
  }
  playing(): boolean {
    return this.isPlaying
  }
  unload(): void {
    this.unloaded = true
    FakeHowl.live.delete(this)
  }
}

/** A factory that makes FakeHowls and keeps them in order of creation. */
export function fakeHowlFactory(): HowlFactory & { created: FakeHowl[] } {
  const created: FakeHowl[] = []
  const factory = (init: HowlInit) => {
    const howl = new FakeHowl(init)
    created.push(howl)
    return howl
  }
  return Object.assign(factory, { created })
}
