import { parseVtt } from '@/lib/parse-vtt'
import { captionTextProblems } from './caption-checks'
import { courseGeometry, cruiseSpeed, projectOnCourse } from './course'
import { triggerZones, type TriggerZone } from './trigger-zones'

import type { DomainCheck, DomainProblem, NarrationMedia } from './validation-types'
import { MAX_TRIGGER_RADIUS_M, type Lang, type Route } from './schema'

/** Seconds a stop's narration lasts in a language (its audio), or undefined when it is not known. */
export type NarrationSeconds = (stopId: string, lang: Lang) => number | undefined

export type { NarrationMedia } from './validation-types'

/** How long each stop's narration lasts in a language: the duration of its first (preferred) audio file. */
export function narrationSecondsFrom(route: Route, media: NarrationMedia): NarrationSeconds {
  return (stopId, lang) => {
    const file = route.stops.find((stop) => stop.id === stopId)?.narration[lang]?.audio[0]
    return file === undefined ? undefined : media.audioSeconds(file)
  }
}

/**
 * The validator's checks of triggers, and (when the CLI can read the route folder's audio and captions) of the
 * narrations' lengths and captions.
 */
export const positionProblems: DomainCheck = (route, ctx) => {
  const media = ctx.narrationMedia
  if (!media) return ctx.errorsOnly ? [] : triggerProblems(route)
  return [
    ...triggerProblems(route, narrationSecondsFrom(route, media)),
    ...captionProblems(route, media),
    ...captionTextProblems(route, media),
  ]
}

/** Metres beyond which a segment's end is too far from the course to be where the curator meant. */
const SEGMENT_END_OFF_COURSE_M = 300
/** Seconds by which captions may outlast the audio (rounding of cue times, encoder padding). */
const CAPTION_END_TOLERANCE_S = 0.25

const m = (metres: number) => `${Math.round(metres)} m`
const s = (seconds: number) => `${Math.round(seconds)} s`
const kmh = (route: Route) => `${Math.round(cruiseSpeed(route) * 3.6 * 10) / 10} km/h`

/**
 * Checks of the stops' position triggers against the course: a trigger the course never enters, a segment end
 * far from the course, triggers that overlap, and (given the narrations' lengths) a story too long to end before
 * the boat reaches the next trigger at cruise speed. All warnings: the tour still works by tapping.
 */
export function triggerProblems(route: Route, narrationSeconds?: NarrationSeconds): DomainProblem[] {
  const problems: DomainProblem[] = []
  const warn = (path: DomainProblem['path'], message: string) =>
    problems.push({ severity: 'warning', path, message })
  const geometry = courseGeometry(route.course)
  const zones = triggerZones(route)

  zones.forEach((zone, i) => {
    const at = ['stops', i, 'trigger']
    const trigger = zone.trigger
    if (trigger.type === 'radius' && !zone.span) {
      const closest = projectOnCourse(geometry, zone.site).offset
      const wanted = Math.ceil((closest + 50) / 10) * 10
      const fix =
        wanted <= MAX_TRIGGER_RADIUS_M
          ? `use a radius over ${m(wanted)} or a "segment" trigger`
          : `use a "segment" trigger on the stretch of river where it is seen (a radius is at most ${m(MAX_TRIGGER_RADIUS_M)})`
      warn(
        [...at, 'radius'],
        `the course never comes within ${m(trigger.radius)} of stop "${zone.stopId}" (closest: ${m(closest)}): ` +
          `its story never starts by position; ${fix}`,
      )
    }
    if (trigger.type === 'segment') {
      for (const end of ['from', 'to'] as const) {
        const off = projectOnCourse(geometry, trigger[end]).offset
        if (off > SEGMENT_END_OFF_COURSE_M)
          warn(
            [...at, end],
            `"${end}" is ${m(off)} from the course: the segment ${end === 'from' ? 'starts' : 'ends'} at the ` +
              `nearest point of the course; put it on the river`,
          )
      }
      if (zone.span && zone.span.end - zone.span.start < 1)
        warn(at, `"from" and "to" meet the course at the same point: the segment is empty`)
    }
  })

  const placed = zones
    .map((zone, index) => ({ zone, index }))
    .filter((z): z is { zone: TriggerZone & { span: NonNullable<TriggerZone['span']> }; index: number } =>
      Boolean(z.zone.span),
    )
    .sort((a, b) => a.zone.span.start - b.zone.span.start)
  // One sweep in course order: each trigger is compared with the one reaching furthest so far, so a route of
  // thousands of stops gets at most one warning a stop.
  let reach: (typeof placed)[number] | undefined
  for (const current of placed) {
    // (Triggers that merely meet, within a metre, do not overlap.)
    if (reach && current.zone.span.start < reach.zone.span.end - 1)
      warn(
        ['stops', current.index, 'trigger'],
        `overlaps the trigger of "${reach.zone.stopId}" from ${m(current.zone.span.start)} to ` +
          `${m(Math.min(reach.zone.span.end, current.zone.span.end))} along the course: where the boat is in both, ` +
          `one story waits for the other`,
      )
    if (!reach || current.zone.span.end > reach.zone.span.end) reach = current
  }

  if (!narrationSeconds) return problems
  const speed = cruiseSpeed(route)
  placed.forEach(({ zone, index }, k) => {
    let next = placed[k + 1]
    for (let j = k + 2; next && next.zone.span.start <= zone.span.start; j++) next = placed[j]
    if (!next) return
    for (const lang of route.languages) {
      const length = narrationSeconds(zone.stopId, lang)
      if (length === undefined) continue
      // Where the story starts: early enough to end abeam of the site, but not before the trigger.
      const start = Math.max(zone.span.start, zone.passAlong - length * speed)
      const travel = (next.zone.span.start - start) / speed
      if (length > travel)
        warn(
          ['stops', index, 'narration', lang],
          `the ${lang} narration (${s(length)}) is longer than the boat's ${s(travel)} at ${kmh(route)} from ` +
            `where it starts (${m(start)} along the course) to the next trigger ("${next.zone.stopId}", ` +
            `${m(next.zone.span.start)}): that story will start late; shorten one, or move a trigger`,
        )
    }
  })
  return problems
}

/**
 * Checks each narration's captions against its audio: captions that do not parse, and captions that run past
 * the end of an audio file, are errors (the player would show text for speech that is not there).
 */
export function captionProblems(route: Route, media: NarrationMedia): DomainProblem[] {
  const problems: DomainProblem[] = []
  route.stops.forEach((stop, i) => {
    for (const [lang, track] of Object.entries(stop.narration)) {
      const at = ['stops', i, 'narration', lang]
      const text = media.captionsText(track.captions)
      if (text === undefined) continue
      let end: number
      try {
        end = Math.max(0, ...parseVtt(text).map((cue) => cue.end))
      } catch (error) {
        problems.push({
          severity: 'error',
          path: [...at, 'captions'],
          message: `"${track.captions}" does not parse as WebVTT: ${error instanceof Error ? error.message : String(error)}`,
        })
        continue
      }
      track.audio.forEach((file, j) => {
        const seconds = media.audioSeconds(file)
        if (seconds === undefined || end <= seconds + CAPTION_END_TOLERANCE_S) return
        problems.push({
          severity: 'error',
          path: [...at, 'audio', j],
          message:
            `the captions ("${track.captions}") run to ${end.toFixed(1)} s but "${file}" lasts ` +
            `${seconds.toFixed(1)} s: re-time the captions or re-export the audio`,
        })
      })
    }
  })
  return problems
}
