import { describe, expect, it } from 'vitest'

import { createTestRoute } from '../../tests/helpers/create-test-route'

import { routeExtent } from './geo-extent'

describe('routeExtent', () => {
  it('frames the course and all stops', () => {
    const route = createTestRoute({ stops: 2 })
    route.stops[1]!.position = [113.3, 23.14]
    expect(routeExtent(route)).toEqual([
      [113.21, 23.1],
      [113.39, 23.14],
    ])
  })
})
