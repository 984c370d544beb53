/** One caption: shown from `start` to `end` seconds. */
export interface Cue {
  start: number
  end: number
  text: string
}

const TIMING = /^((?:\d+:)?\d{1,2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}\.\d{3})/

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
}

/** WebVTT escapes &, < and > in cue text; captions are shown as text, so they are turned back into characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name] ?? '')
}

function seconds(stamp: string): number {
  const parts = stamp.split(':').map(Number)
  return parts.reduce((total, part) => total * 60 + part, 0)
}

/**
 * Parses a WebVTT file into cues, sorted by start. Cue settings, notes and styles are ignored; tags in the cue
 * text are stripped because captions are shown as plain text, never as markup.
 * @throws Error naming the line when the file is not WebVTT or a timing line is malformed.
 */
export function parseVtt(text: string): Cue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? ''))
    throw new Error('line 1: a WebVTT file must start with "WEBVTT"')
  const cues: Cue[] = []
  let i = 1
  while (i < lines.length) {
    const line = lines[i] ?? ''
    if (line.trim() === '') {
      i++
      continue
    }
    if (/^(NOTE|STYLE|REGION)\b/.test(line)) {
      while (i < lines.length && (lines[i] ?? '').trim() !== '') i++
      continue
    }
    // A cue may start with an identifier line; the timing is then on the next line.
    const timingIndex = !line.includes('-->') && (lines[i + 1] ?? '').includes('-->') ? i + 1 : i
    const match = TIMING.exec(lines[timingIndex] ?? '')
    if (!match)
      throw new Error(`line ${timingIndex + 1}: expected a cue timing like "00:00:01.000 --> 00:00:04.000"`)
    const start = seconds(match[1] ?? '')
    const end = seconds(match[2] ?? '')
    if (!(end > start)) throw new Error(`line ${timingIndex + 1}: a cue must end after it starts`)
    i = timingIndex + 1
    const body: string[] = []
    while (i < lines.length && (lines[i] ?? '').trim() !== '') body.push(lines[i++] ?? '')
    cues.push({ start, end, text: decodeEntities(body.join('\n').replace(/<[^>]*>/g, '')) })
  }
  return cues.sort((a, b) => a.start - b.start)
}
