import { describe, expect, it } from 'vitest'

import { resolveRouteSource } from './load-route'
import type { RouteIndex } from './schema'

const ROUTES = 'https://app.example/routes-data/'
const index: RouteIndex = {
  default: 'pearl-river-night',
  routes: [{ id: 'pearl-river-night', title: { en: 'Night' }, folder: 'pearl-river-night' }],
}

describe('resolveRouteSource', () => {
  it('opens the default route when none is asked for', () => {
    expect(resolveRouteSource(index, null, ROUTES)).toEqual({
      ok: true,
      file: 'routes-data/pearl-river-night/route.json',
      routeUrl: 'https://app.example/routes-data/pearl-river-night/route.json',
      packUrl: 'https://app.example/routes-data/pearl-river-night/',
    })
  })

  it('refuses an unknown id and lists the routes that exist', () => {
    expect(resolveRouteSource(index, 'no-such-route', ROUTES)).toEqual({
      ok: false,
      message: 'there is no route "no-such-route"; this app offers: pearl-river-night',
    })
  })

  it.each([
    'javascript:alert(1)',
    'data:application/json,{}',
    'https://evil.example/route.json',
    'http://museum.example/routes/a/',
  ])('refuses %s when it is not allowed', (param) => {
    const result = resolveRouteSource(
      { ...index, allowRemote: ['https://museum.example/routes/'] },
      param,
      ROUTES,
    )
    expect(result.ok).toBe(false)
  })

  it('refuses a path that is not an id', () => {
    expect(resolveRouteSource(index, '../../etc/passwd', ROUTES)).toMatchObject({
      ok: false,
      message: expect.stringContaining('this is not a route id') as string,
    })
  })

  it('accepts an https pack under an allowed prefix', () => {
    const allowing = { ...index, allowRemote: ['https://museum.example/routes/'] }
    expect(resolveRouteSource(allowing, 'https://museum.example/routes/harbour/', ROUTES)).toEqual({
      ok: true,
      file: 'https://museum.example/routes/harbour/route.json',
      routeUrl: 'https://museum.example/routes/harbour/route.json',
      packUrl: 'https://museum.example/routes/harbour/',
    })
  })
})
