import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseVtt } from '@/lib/parse-vtt'
import { courseGeometry, cruiseSpeed, pointAlong } from '@/route/course'
import { distanceMetres, polylineLengthMetres } from '@/route/geo'
import { RouteIndexSchema } from '@/route/schema'
import { triggerZones } from '@/route/trigger-zones'
import { validateRouteText } from '@/route/validate'

import { cruiseThrough } from '../helpers/simulated-track'

const folder = resolve('routes-data/pearl-river-night')
const { route, problems } = validateRouteText(readFileSync(resolve(folder, 'route.json'), 'utf8'), {
  assetExists: (path) => existsSync(resolve(folder, path)) && statSync(resolve(folder, path)).isFile(),
})

describe('the default Pearl River night route', () => {
  it('is valid, with every asset present and no warning', () => {
    expect(problems).toEqual([])
    expect(route).toBeDefined()
  })

  it('has at least ten stops, each with its text and narration in Chinese, English and Cantonese', () => {
    expect(route!.languages).toEqual(['zh-Hans', 'en', 'yue'])
    expect(route!.stops.length).toBeGreaterThanOrEqual(10)
    for (const stop of route!.stops) {
      for (const text of [stop.title, stop.summary, stop.story, ...(stop.model ? [stop.model.alt] : [])])
        expect(Object.keys(text).sort(), stop.id).toEqual(['en', 'yue', 'zh-Hans'])
      expect(Object.keys(stop.narration).sort(), stop.id).toEqual(['en', 'yue', 'zh-Hans'])
    }
    for (const text of [route!.title, route!.summary, ...route!.credits.map((c) => c.title)])
      expect(Object.keys(text).sort()).toEqual(['en', 'yue', 'zh-Hans'])
  })

  it('writes Cantonese in Traditional characters, in spoken Cantonese', () => {
    // Simplified forms that never appear in Traditional text, and Cantonese words Mandarin text does not use.
    const simplified = /[们这说个为时来对发门东车马长关话间见还应经书买卖边过进]/
    for (const stop of route!.stops) {
      const yue = `${stop.title.yue}${stop.summary.yue}${stop.story.yue}${stop.model?.alt.yue ?? ''}`
      expect(yue.match(simplified), stop.id).toBeNull()
      expect(stop.story.yue, stop.id).toMatch(/[嘅喺係佢咗]/)
      expect(stop.story.yue, stop.id).not.toBe(stop.story['zh-Hans'])
    }
  })

  it('captions every Cantonese narration with the Cantonese story, cue by cue', () => {
    for (const stop of route!.stops) {
      const vtt = readFileSync(resolve(folder, stop.narration.yue!.captions), 'utf8')
      const spoken = parseVtt(vtt)
        .map((cue) => cue.text)
        .join('')
      const written = `${stop.title.yue}${stop.story.yue}`.replace(/\s+/g, '')
      expect(spoken.replace(/\s+/g, ''), stop.id).toBe(written)
    }
  })

  it('times every narration cue inside its track, naming views and hotspots the stop has', () => {
    let count = 0
    for (const stop of route!.stops) {
      for (const track of Object.values(stop.narration)) {
        const end = parseVtt(readFileSync(resolve(folder, track.captions), 'utf8')).at(-1)!.end
        for (const cue of track.cues ?? []) {
          count++
          expect(cue.at, stop.id).toBeLessThan(end)
          if (cue.type === 'camera-view') expect(stop.views?.map((v) => v.id)).toContain(cue.view)
          if (cue.type === 'highlight-hotspot') expect(stop.hotspots?.map((h) => h.id)).toContain(cue.hotspot)
        }
      }
    }
    expect(count).toBeGreaterThan(0)
  })

  it('lists the stops in the order the boat passes them along the course', () => {
    const course = route!.course
    const alongAt = course.map((_, i) => polylineLengthMetres(course.slice(0, i + 1)))
    const along = route!.stops.map((stop) => {
      const distances = course.map((p) => distanceMetres(p, stop.position))
      return alongAt[distances.indexOf(Math.min(...distances))]!
    })
    // Sites abreast of each other on opposite banks (Haixinsha, Canton Tower) may come in either order.
    along
      .slice(1)
      .forEach((metres, i) => expect(metres, route!.stops[i + 1]!.id).toBeGreaterThan(along[i]! - 250))
  })

  it('starts a story at least every 1.8 km of the course (10 minutes at cruise speed), whichever way the boat goes', () => {
    const length = courseGeometry(route!.course).length
    const spans = triggerZones(route!).map((zone) => zone.span!)
    expect(spans.every(Boolean)).toBe(true)
    /** The longest stretch of course with no trigger starting, for a boat that meets triggers at `entries`. */
    const longestSilence = (entries: number[]) => {
      const marks = [0, ...entries.sort((a, b) => a - b), length]
      return Math.max(...marks.slice(1).map((m, i) => m - marks[i]!))
    }
    // Sailing the course from its first point, a boat enters each trigger at its start; the other way, at its end.
    expect(longestSilence(spans.map((s) => s.start))).toBeLessThanOrEqual(1800)
    expect(longestSilence(spans.map((s) => length - s.end))).toBeLessThanOrEqual(1800)
  })

  it('tells every story once by position, sailing the course either way at cruise speed', () => {
    const geometry = courseGeometry(route!.course)
    const speed = cruiseSpeed(route!)
    const sail = (from: number, direction: 1 | -1) =>
      Array.from({ length: Math.ceil(geometry.length / speed) + 60 }, (_, t) => {
        const along = from + direction * speed * t
        const [lng, lat] = pointAlong(geometry, route!.course, along).position
        return {
          position: [lng, lat] as [number, number],
          accuracy: 8,
          speed: null,
          heading: null,
          timestamp: t * 1000,
          trueAlong: along,
        }
      })
    const ids = route!.stops.map((s) => s.id).sort()
    for (const [from, direction] of [
      [0, 1],
      [geometry.length, -1],
    ] as const) {
      const { told } = cruiseThrough(route!, sail(from, direction))
      expect(told.map((s) => s.stopId).sort(), `direction ${direction}`).toEqual(ids)
    }
  })

  it('is the default of a valid route index', () => {
    const index = RouteIndexSchema.parse(JSON.parse(readFileSync('routes-data/index.json', 'utf8')))
    expect(index.routes.find((r) => r.id === index.default)?.folder).toBe('pearl-river-night')
    expect(route!.id).toBe(index.default)
  })

  it('credits OpenStreetMap for the basemap', () => {
    expect(route!.credits.some((c) => c.author.includes('OpenStreetMap') && c.license.includes('ODbL'))).toBe(
      true,
    )
  })
})
