import type { Cue } from '@/lib/parse-vtt'
import type { HowlInit, HowlLike } from './narrator'

/**
 * The device's speech synthesis behind the Howl interface, so the narrator drives it like a recording: one
 * utterance per caption cue, the position estimated within the cue being read. Pausing cancels and resumes at
 * the start of the cue, because speechSynthesis.pause() is unreliable on Android.
 */
export class SpeechHowl implements HowlLike {
  private index = 0
  private position = 0
  private startedAt = 0
  private speaking = false
  private speed = 1
  private token = 0

  constructor(
    private readonly init: HowlInit,
    private readonly cues: readonly Cue[],
    private readonly voiceLang: string,
    private readonly synth: SpeechSynthesis = speechSynthesis,
  ) {
    // Nothing to fetch: ready at once, but after the narrator has stored this stand-in.
    queueMicrotask(() => init.onload())
  }

  play(): number {
    if (this.speaking) return 1
    this.speaking = true
    this.speakFrom(this.cueAt(this.position))
    this.init.onplay()
    return 1
  }

  pause(): this {
    if (!this.speaking) return this
    this.position = this.seek()
    this.stopSpeaking()
    this.init.onpause()
    return this
  }

  seek(): number
  seek(seconds: number): this
  seek(seconds?: number): number | this {
    if (seconds === undefined) {
      if (!this.speaking) return this.position
      const cue = this.cues[this.index]
      const elapsed = ((performance.now() - this.startedAt) / 1000) * this.speed
      return cue ? Math.min(cue.end, cue.start + elapsed) : this.duration()
    }
    this.position = seconds
    if (this.speaking) this.speakFrom(this.cueAt(seconds))
    return this
  }

  duration(): number {
    return this.cues.at(-1)?.end ?? 0
  }

  playing(): boolean {
    return this.speaking
  }

  rate(): number
  rate(speed: number): this
  rate(speed?: number): number | this {
    if (speed === undefined) return this.speed
    this.speed = speed
    if (this.speaking) this.speakFrom(this.index)
    return this
  }

  unload(): void {
    if (this.speaking) this.stopSpeaking()
  }

  private cueAt(seconds: number): number {
    const index = this.cues.findIndex((cue) => seconds < cue.end)
    return index === -1 ? this.cues.length : index
  }

  private stopSpeaking(): void {
    this.speaking = false
    this.token++
    this.synth.cancel()
  }

  private speakFrom(index: number): void {
    const token = ++this.token
    this.synth.cancel()
    const next = (i: number) => {
      if (token !== this.token) return
      const cue = this.cues[i]
      if (!cue) {
        this.speaking = false
        this.position = this.duration()
        this.init.onend()
        return
      }
      this.index = i
      this.position = cue.start
      this.startedAt = performance.now()
      const utterance = new SpeechSynthesisUtterance(cue.text)
      utterance.lang = this.voiceLang
      utterance.rate = this.speed
      utterance.onend = () => next(i + 1)
      utterance.onerror = (event) => {
        if (token !== this.token || event.error === 'interrupted' || event.error === 'canceled') return
        this.speaking = false
        this.init.onloaderror(0, `speech synthesis failed (${event.error})`)
      }
      this.synth.speak(utterance)
    }
    next(index)
  }
}
