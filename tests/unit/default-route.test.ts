import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { distanceMetres, polylineLengthMetres } from '@/route/geo'
import { RouteIndexSchema } from '@/route/schema'
import { validateRouteText } from '@/route/validate'

const folder = resolve('routes-data/pearl-river-night')
const { route, problems } = validateRouteText(readFileSync(resolve(folder, 'route.json'), 'utf8'), {
  assetExists: (path) => existsSync(resolve(folder, path)) && statSync(resolve(folder, path)).isFile(),
})

describe('the default Pearl River night route', () => {
  it('is valid, with every asset present and no warning', () => {
    expect(problems).toEqual([])
    expect(route).toBeDefined()
  })

  it('has at least ten stops, each with a story and narration in Chinese and English', () => {
    expect(route!.stops.length).toBeGreaterThanOrEqual(10)
    for (const stop of route!.stops) {
      expect(Object.keys(stop.story).sort(), stop.id).toEqual(['en', 'zh-Hans'])
      expect(Object.keys(stop.narration).sort(), stop.id).toEqual(['en', 'zh-Hans'])
    }
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
