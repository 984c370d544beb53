/**
 * Bench row: how well position triggers time the stories on the default route. A whole cruise is sailed through
 * the tour's pure machine (no browser): once by the simulated boat (exact positions at cruise speed), and ten
 * times by a GPS with seeded noise (10 m, one fix a second, no device speed). A stand-in player plays each story
 * for its audio's length. For each stop: the planned start (early enough to end abeam of the site, not before
 * the trigger), the actual start, and how far from passing the site the story ended, in seconds.
 * Run alone: `npx tsx scripts/bench/trigger-timing.ts`.
 */
import { readFileSync } from 'node:fs'

import { parseVtt } from '../../src/lib/parse-vtt'
import { validateRouteText } from '../../src/route/validate'
import type { Lang, Route } from '../../src/route/schema'
import { courseGeometry, cruiseSpeed, pointAlong } from '../../src/route/course'
import { transition, type TourEvent, type TourState } from '../../src/tour/tour-machine'
import { createTourStore } from '../../src/tour/tour-store'
import { triggerZones } from '../../src/route/trigger-zones'
import type { Fix } from '../../src/tour/triggers'
import { audioDurationSeconds } from '../narration/audio-duration'
import { gaussian, seeded } from '../seeded-random'

const PACK = 'routes-data/pearl-river-night'
const TICK_S = 0.2
const GPS_SEEDS = 10
const GPS_SIGMA_M = 10

export interface StopTiming {
  stopId: string
  plannedStart: number
  /** Seconds into the cruise, or null when the story never started. */
  start: number | null
  /** Story end minus the moment the boat passes abeam of the site: positive, it ends after. */
  endVsPass: number | null
  /**
   * The story is longer than the boat's time from the trigger to the site, so it is planned to start as the boat
   * enters the trigger and cannot end abeam of the site (the start of the course, or a site passed before its
   * segment): its end is not counted in the end-vs-passing figures.
   */
  entersLate: boolean
}

export interface TriggerTimingRow {
  source: 'simulated' | `gps ±${number} m`
  lang: Lang
  /** The first run's stops (the GPS rows: mean start over the seeds). */
  stops: StopTiming[]
  /** Over the stops that started (and over the seeds, for the GPS); the end figures without `entersLate` stops. */
  meanAbsStartError: number
  maxAbsStartError: number
  meanAbsEndVsPass: number
  maxAbsEndVsPass: number
  missed: number
}

interface Player {
  stopId: string | null
  until: number
}

/** The story lengths the app learns (caption ends), and what the audio really lasts. */
function lengths(route: Route, lang: Lang) {
  const captions: Record<string, number> = {}
  const audio: Record<string, number> = {}
  for (const stop of route.stops) {
    const track = stop.narration[lang]
    if (!track) continue
    const vtt = readFileSync(`${PACK}/${track.captions}`, 'utf8')
    captions[stop.id] = Math.max(...parseVtt(vtt).map((c) => c.end))
    audio[stop.id] = audioDurationSeconds(new Uint8Array(readFileSync(`${PACK}/${track.audio[0]}`))) ?? 60
  }
  return { captions, audio }
}

/**
 * Sails one cruise: `feed(state, t)` moves the boat to `t` seconds; a stand-in player plays each story for its
 * audio length. Returns when each stop's story started (seconds into the cruise).
 */
function sail(
  route: Route,
  lang: Lang,
  first: TourEvent,
  feed: (state: TourState, t: number) => TourState,
  duration: number,
  step: number,
): Record<string, number> {
  const { captions, audio } = lengths(route, lang)
  let state: TourState = createTourStore(route, { lang }).getState()
  state = transition(state, first)
  state = transition(state, { type: 'narration-lengths', lang, lengths: captions })
  const starts: Record<string, number> = {}
  const player: Player = { stopId: null, until: 0 }
  for (let t = step; t <= duration; t += step) {
    state = feed(state, t)
    const started = state.position.started
    if (started && starts[started.stopId] === undefined) {
      starts[started.stopId] = started.at / 1000
      player.stopId = started.stopId
      player.until = started.at / 1000 + (audio[started.stopId] ?? 60)
      state = transition(state, { type: 'narration-changed', narration: { status: 'playing' } })
    }
    if (player.stopId && t >= player.until) {
      player.stopId = null
      state = transition(state, { type: 'narration-changed', narration: { status: 'ended' } })
      state = transition(state, { type: 'narration-ended' })
    }
  }
  return starts
}

function timings(route: Route, lang: Lang, starts: Record<string, number>[]): StopTiming[][] {
  const speed = cruiseSpeed(route)
  const { audio } = lengths(route, lang)
  return starts.map((run) =>
    triggerZones(route).map((zone) => {
      const length = audio[zone.stopId] ?? 60
      const entry = zone.span?.start ?? zone.passAlong
      const ideal = zone.passAlong - length * speed
      const start = run[zone.stopId] ?? null
      return {
        stopId: zone.stopId,
        plannedStart: Math.max(entry, ideal) / speed,
        start,
        endVsPass: start === null ? null : start + length - zone.passAlong / speed,
        entersLate: entry > ideal,
      }
    }),
  )
}

function row(source: TriggerTimingRow['source'], lang: Lang, runs: StopTiming[][]): TriggerTimingRow {
  const all = runs.flat().filter((s) => s.start !== null)
  const startErrors = all.map((s) => Math.abs(s.start! - s.plannedStart))
  const endErrors = all.filter((s) => !s.entersLate).map((s) => Math.abs(s.endVsPass!))
  const round = (v: number) => Math.round(v * 10) / 10
  const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length))
  return {
    source,
    lang,
    stops: runs[0]!.map((stop, i) => {
      const starts = runs.map((run) => run[i]!.start).filter((v): v is number => v !== null)
      if (starts.length === 0) return stop
      const start = starts.reduce((a, b) => a + b, 0) / starts.length
      return { ...stop, start, endVsPass: stop.endVsPass! + start - stop.start! }
    }),
    meanAbsStartError: mean(startErrors),
    maxAbsStartError: round(Math.max(0, ...startErrors)),
    meanAbsEndVsPass: mean(endErrors),
    maxAbsEndVsPass: round(Math.max(0, ...endErrors)),
    missed: runs.flat().length - all.length,
  }
}

/** The trigger timing of the default route in each of its languages: simulated boat, then noisy GPS. */
export function benchTriggerTiming(): TriggerTimingRow[] {
  const route = validateRouteText(readFileSync(`${PACK}/route.json`, 'utf8')).route!
  const speed = cruiseSpeed(route)
  const geometry = courseGeometry(route.course)
  const duration = geometry.length / speed + 120
  const rows: TriggerTimingRow[] = []
  for (const lang of route.languages) {
    const simulated = sail(
      route,
      lang,
      { type: 'simulate', speedup: 1, follow: false },
      (state) => transition(state, { type: 'cruise-tick', seconds: TICK_S }),
      duration,
      TICK_S,
    )
    rows.push(row('simulated', lang, timings(route, lang, [simulated])))
    const gps = Array.from({ length: GPS_SEEDS }, (_, seed) => {
      const random = seeded(seed + 1)
      return sail(
        route,
        lang,
        { type: 'use-gps' },
        (state, t) => {
          const [lng, lat] = pointAlong(geometry, route.course, t * speed).position
          const north = gaussian(random, GPS_SIGMA_M) / 111_320
          const east = gaussian(random, GPS_SIGMA_M) / (111_320 * Math.cos((lat * Math.PI) / 180))
          const fix: Fix = {
            position: [lng + east, lat + north],
            accuracy: 12,
            speed: null,
            heading: null,
            timestamp: t * 1000,
          }
          return transition(state, { type: 'position-fix', fix })
        },
        duration,
        1,
      )
    })
    rows.push(row(`gps ±${GPS_SIGMA_M} m`, lang, timings(route, lang, gps)))
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = benchTriggerTiming()
  for (const r of rows) {
    console.log(
      `${r.source} ${r.lang}: start error mean ${r.meanAbsStartError} s, max ${r.maxAbsStartError} s; ` +
        `story end vs passing the site: mean ${r.meanAbsEndVsPass} s, max ${r.maxAbsEndVsPass} s; missed ${r.missed}`,
    )
  }
  for (const r of rows.filter((r) => r.lang === 'zh-Hans')) {
    console.log(
      `\n${r.source}, zh-Hans, per stop (s into the cruise${r.source === 'simulated' ? '' : ', mean start over the seeds'}):`,
    )
    for (const s of r.stops)
      console.log(
        `  ${s.stopId.padEnd(24)} planned ${s.plannedStart.toFixed(1).padStart(7)}  actual ${
          s.start === null ? '   none' : s.start.toFixed(1).padStart(7)
        }  end − pass ${s.endVsPass === null ? '-' : s.endVsPass.toFixed(1)}${s.entersLate ? ' (story longer than the trigger allows)' : ''}`,
      )
  }
}
