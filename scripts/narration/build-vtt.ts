/** One caption with its times in milliseconds. */
export interface TimedCue {
  startMs: number
  endMs: number
  text: string
}

/** A synthesised segment: its speech length and the silence after it, both in samples. */
export interface TimedSegment {
  text: string
  samples: number
  silenceAfter: number
  /** The shortest time its cue may be on screen (to be read at the caption rules' speed), in samples. */
  minSamples?: number
}

/** Where each segment sits in the concatenated track, the silence after each, and the total, in samples. */
export interface CueLayout {
  cues: TimedCue[]
  silences: number[]
  totalSamples: number
}

/** Formats milliseconds as a WebVTT timestamp, HH:MM:SS.mmm. */
export function formatVttTimestamp(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`timestamp must be a non-negative number, got ${ms}`)
  const total = Math.round(ms)
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor((total % 3_600_000) / 60_000)
  const seconds = Math.floor((total % 60_000) / 1000)
  const millis = total % 1000
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`
}

/**
 * Lays segments end to end after `leadIn` samples of silence, counting in whole samples so that cue times
 * match the concatenated audio exactly (no drift from rounding each segment). A cue stays on screen through the
 * pause after it, up to the next cue (the last one through half its pause), so short cues last long enough to
 * be read and the caption does not blink empty between sentences.
 */
export function layoutCues(segments: readonly TimedSegment[], sampleRate: number, leadIn = 0): CueLayout {
  const toMs = (samples: number) => Math.round((samples * 1000) / sampleRate)
  const cues: TimedCue[] = []
  const silences: number[] = []
  let position = leadIn
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1
    // A cue that would be gone before it can be read lengthens the pause after it.
    const short = Math.max(0, (segment.minSamples ?? 0) - segment.samples)
    const silence = Math.max(segment.silenceAfter, last ? 2 * short : short)
    silences.push(silence)
    const start = position
    position += segment.samples + silence
    const end = last ? position - Math.floor(silence / 2) : position
    cues.push({ startMs: toMs(start), endMs: toMs(end), text: segment.text })
  })
  return { cues, silences, totalSamples: position }
}

// A blank line would end the cue, so a cue's lines are kept and empty ones dropped; < & > are markup in cue
// text (escaping > also rules out "-->").
function cueText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Builds a WebVTT file with one numbered cue per segment and an optional NOTE saying where it came from. */
export function buildVtt(cues: readonly TimedCue[], note?: string): string {
  const blocks = ['WEBVTT']
  if (note) blocks.push(`NOTE ${note.replace(/\s*\n\s*/g, ' ')}`)
  cues.forEach((cue, i) => {
    if (!(cue.endMs > cue.startMs))
      throw new RangeError(`cue ${i + 1} ("${cue.text}") must end after it starts`)
    blocks.push(
      `${i + 1}\n${formatVttTimestamp(cue.startMs)} --> ${formatVttTimestamp(cue.endMs)}\n${cueText(cue.text)}`,
    )
  })
  return `${blocks.join('\n\n')}\n`
}
