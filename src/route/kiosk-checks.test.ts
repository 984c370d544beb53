import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { validateRouteText } from './validate'

const toText = (route: unknown) => JSON.stringify(route, null, 2) + '\n'

describe("the kiosk block's checks", () => {
  it('accepts an attract loop that opens on stops of the route', () => {
    const route = createTestRoute()
    route.kiosk = { attract: { stops: ['stop-3', 'stop-1'], seconds: 60 } }
    expect(validateRouteText(toText(route)).problems).toEqual([])
  })

  it('names an unknown stop in the attract loop at its place, with the likely id', () => {
    const route = createTestRoute()
    route.kiosk = { attract: { stops: ['stop-1', 'stop-33'] } }
    const text = toText(route)
    const { problems, route: valid } = validateRouteText(text)
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: '/kiosk/attract/stops/1',
        line: text.split('\n').findIndex((line) => line.includes('"stop-33"')) + 1,
        message:
          'no stop has the id "stop-33": did you mean "stop-3"? (the stops are stop-1, stop-2, stop-3)',
      }),
    ])
    expect(valid).toBeUndefined()
  })

  it('lists at most ten of a long route’s stops in that message', () => {
    const route = createTestRoute({ stops: 25 })
    route.kiosk = { attract: { stops: ['stop-99'] } }
    const problem = validateRouteText(toText(route)).problems.find(
      (p) => p.pointer === '/kiosk/attract/stops/0',
    )
    expect(problem?.message).toBe(
      'no stop has the id "stop-99": did you mean "stop-9"? (the stops are stop-1, stop-2, stop-3, stop-4, ' +
        'stop-5, stop-6, stop-7, stop-8, stop-9, stop-10 and 15 more)',
    )
  })

  it('warns of a stop listed twice, and keeps the route', () => {
    const route = createTestRoute()
    route.kiosk = { attract: { stops: ['stop-2', 'stop-2'] } }
    const { problems, route: valid } = validateRouteText(toText(route))
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/kiosk/attract/stops/1' }),
    ])
    expect(valid?.kiosk?.attract?.stops).toEqual(['stop-2', 'stop-2'])
  })

  it('refuses a showing time outside 10–600 seconds', () => {
    const route = createTestRoute()
    route.kiosk = { attract: { stops: ['stop-1'], seconds: 2 } }
    expect(validateRouteText(toText(route)).problems).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/kiosk/attract/seconds' }),
    ])
  })
})
