import { describe, expect, it } from 'vitest'

import { at, cruiseThrough, routeWithStops, track } from '../../tests/helpers/simulated-track'

import { TRIGGER_RULES, triggerZones } from '@/route/trigger-zones'

import { NO_TRACKING, dueStop, filterGains, observeFix } from './triggers'

const SPEED = 3

describe('triggerZones', () => {
  it('places a radius trigger on the stretch of course within its radius', () => {
    const [zone] = triggerZones(
      routeWithStops([{ along: 2000, off: 60, trigger: { type: 'radius', radius: 100 } }]),
    )
    // sqrt(100² − 60²) = 80 m either side of the point abeam of the stop.
    expect(zone!.passAlong).toBeCloseTo(2000, 0)
    expect(zone!.span!.start).toBeCloseTo(1920, -1)
    expect(zone!.span!.end).toBeCloseTo(2080, -1)
  })

  it('knows when the course never comes within a radius', () => {
    const [zone] = triggerZones(
      routeWithStops([{ along: 2000, off: 400, trigger: { type: 'radius', radius: 300 } }]),
    )
    expect(zone!.span).toBeNull()
  })

  it('places a segment trigger between the course points nearest its ends, the story ending abeam of the site', () => {
    const route = routeWithStops([
      { along: 2500, off: 500, trigger: { type: 'segment', from: at(2000, 100), to: at(3000, -100) } },
    ])
    const [zone] = triggerZones(route)
    expect(zone!.span!.start).toBeCloseTo(2000, 0)
    expect(zone!.span!.end).toBeCloseTo(3000, 0)
    expect(zone!.passAlong).toBeCloseTo(2500, 0)
  })
})

describe('the speed filter', () => {
  it('trusts precise fixes more than poor ones', () => {
    expect(filterGains(5, 1).alpha).toBeGreaterThan(filterGains(50, 1).alpha)
    expect(filterGains(5, 1).beta).toBeGreaterThan(filterGains(50, 1).beta)
  })

  it('learns the speed along the course from positions alone', () => {
    const route = routeWithStops([{ along: 5000, trigger: { type: 'radius', radius: 300 } }])
    let tracking = NO_TRACKING
    for (const fix of track([{ from: 0, speed: SPEED, seconds: 120 }], { sigma: 8, accuracy: 10 }))
      tracking = observeFix(route, tracking, fix)
    expect(tracking.speed).toBeGreaterThan(SPEED - 0.4)
    expect(tracking.speed).toBeLessThan(SPEED + 0.4)
  })
})

describe('a boat sailing past a stop', () => {
  it('starts the story so that it ends as the boat passes the site', () => {
    const route = routeWithStops([{ along: 1500, trigger: { type: 'radius', radius: 300 } }])
    const fixes = track([{ from: 0, speed: SPEED, seconds: 900 }])
    const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 60 } })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1'])
    // 60 s at 3 m/s: the story starts 180 m before the site and ends as the boat passes it.
    const story = told[0]!
    expect(story.startAlong).toBeGreaterThanOrEqual(1500 - 180 - 3)
    expect(story.startAlong).toBeLessThanOrEqual(1500 - 180 + 3)
    expect(Math.abs(story.end - 1500 / SPEED)).toBeLessThanOrEqual(1.5)
  })

  it('never starts before the boat is inside the trigger, even for a story too long to fit', () => {
    const route = routeWithStops([{ along: 1500, trigger: { type: 'radius', radius: 150 } }])
    const { told } = cruiseThrough(route, track([{ from: 0, speed: SPEED, seconds: 900 }]), {
      lengths: { 'stop-1': 200 },
    })
    expect(told).toHaveLength(1)
    expect(told[0]!.startAlong).toBeGreaterThanOrEqual(1500 - 150)
    // Two fixes inside are needed: one second, 3 m, after the edge.
    expect(told[0]!.startAlong).toBeLessThanOrEqual(1500 - 150 + 2 * SPEED)
  })

  it('times the story within a few seconds through GPS noise, on every seed, and tells it once', () => {
    const route = routeWithStops([{ along: 1500, trigger: { type: 'radius', radius: 300 } }])
    const errors: number[] = []
    for (let seed = 1; seed <= 20; seed++) {
      const fixes = track([{ from: 0, speed: SPEED, seconds: 900 }], { sigma: 10, accuracy: 12, seed })
      const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 60 } })
      expect(told.map((s) => s.stopId)).toEqual(['stop-1'])
      errors.push(told[0]!.end - 1500 / SPEED)
    }
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(8)
  })

  it('follows a segment trigger for a site away from the river', () => {
    const route = routeWithStops([
      { along: 2500, off: 600, trigger: { type: 'segment', from: at(2200), to: at(2700) } },
    ])
    const { told } = cruiseThrough(route, track([{ from: 0, speed: SPEED, seconds: 1200 }]), {
      lengths: { 'stop-1': 60 },
    })
    expect(told).toHaveLength(1)
    // The segment starts 300 m before the point abeam; the 60 s story starts 180 m before it.
    expect(told[0]!.startAlong).toBeCloseTo(2500 - 180, -1)
  })
})

describe('stops 150 m apart', () => {
  const route = routeWithStops([
    { along: 1000, trigger: { type: 'radius', radius: 100 } },
    { along: 1150, trigger: { type: 'radius', radius: 100 } },
    { along: 1300, trigger: { type: 'radius', radius: 100 } },
  ])

  it('tells each in order, one after the other, never two at once', () => {
    const fixes = track([{ from: 500, speed: SPEED, seconds: 600 }], { sigma: 5, accuracy: 8, seed: 7 })
    const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 40, 'stop-2': 40, 'stop-3': 40 } })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1', 'stop-2', 'stop-3'])
    for (let i = 1; i < told.length; i++) expect(told[i]!.start).toBeGreaterThanOrEqual(told[i - 1]!.end)
  })

  it('skips a stop the boat has left while another story was being told', () => {
    // 90 s stories at 3 m/s: the first ends inside the second's trigger, which then starts at once; the third
    // trigger is behind the boat by the time the second ends.
    const fixes = track([{ from: 500, speed: SPEED, seconds: 600 }])
    const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 90, 'stop-2': 90, 'stop-3': 90 } })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1', 'stop-2'])
    // (at the last fix before the end)
    expect(told[1]!.start).toBeGreaterThanOrEqual(told[0]!.end - 1)
    expect(told[1]!.start).toBeLessThanOrEqual(told[0]!.end)
  })
})

describe('a boat that turns back', () => {
  const route = routeWithStops([
    { along: 1000, trigger: { type: 'radius', radius: 200 } },
    { along: 2500, trigger: { type: 'radius', radius: 200 } },
  ])
  const fixes = track(
    [
      { from: 400, speed: SPEED, seconds: 350 }, // past stop 1, towards stop 2
      { speed: -SPEED, seconds: 400 }, // turns back, past stop 1 again
      { speed: SPEED, seconds: 800 }, // and forward again, past both
    ],
    { sigma: 6, accuracy: 10, seed: 3 },
  )

  it('does not tell a stop twice, and tells the next one when the boat gets there', () => {
    const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 30, 'stop-2': 30 } })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1', 'stop-2'])
  })

  it('knows the boat is going back', () => {
    let tracking = NO_TRACKING
    for (const fix of fixes.slice(0, 500)) tracking = observeFix(route, tracking, fix)
    expect(tracking.speed).toBeLessThan(-SPEED / 2)
  })

  it('tells a stop reached from the far side as the boat comes back to it', () => {
    const { told } = cruiseThrough(route, track([{ from: 3200, speed: -SPEED, seconds: 600 }]), {
      lengths: { 'stop-2': 30 },
    })
    expect(told[0]!.stopId).toBe('stop-2')
    // 30 s at 3 m/s: 90 m before the site, coming from the east.
    expect(told[0]!.startAlong).toBeCloseTo(2500 + 90, -1)
  })
})

describe('poor accuracy', () => {
  const route = routeWithStops([{ along: 1500, trigger: { type: 'radius', radius: 80 } }])

  it('starts nothing on fixes too imprecise for the trigger, and says the position is poor', () => {
    const vague = track([{ from: 1000, speed: SPEED, seconds: 400 }], { accuracy: 150 })
    const { told, state } = cruiseThrough(route, vague)
    expect(told).toEqual([])
    expect(state.position.status).toBe('poor')
    // 60 m is good enough for the map but not for an 80 m trigger (at most 40 m).
    expect(
      cruiseThrough(route, track([{ from: 1000, speed: SPEED, seconds: 400 }], { accuracy: 60 })).told,
    ).toEqual([])
  })

  it('ignores a burst of wild fixes in a good track', () => {
    const fixes = track([{ from: 1000, speed: SPEED, seconds: 400 }], { sigma: 5, accuracy: 8 })
    // A multipath burst: fixes thrown 500 m off with a large accuracy, just before the stop.
    for (const fix of fixes.slice(100, 110)) {
      fix.position = at(fix.trueAlong + 500, 300)
      fix.accuracy = 400
    }
    const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 20 } })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1'])
    expect(Math.abs(told[0]!.end - (1500 - 1000) / SPEED)).toBeLessThanOrEqual(5)
  })
})

describe('a stationary boat', () => {
  const route = routeWithStops([{ along: 1500, trigger: { type: 'radius', radius: 300 } }])

  it('starts nothing outside a trigger, however the GPS wanders, and knows it is still', () => {
    const fixes = track([{ from: 1100, speed: 0, seconds: 600 }], { sigma: 12, accuracy: 15, seed: 11 })
    const { told, state } = cruiseThrough(route, fixes)
    expect(told).toEqual([])
    expect(Math.abs(state.position.tracking.speed)).toBeLessThan(TRIGGER_RULES.moving)
  })

  it('starts the story of a stop it waits at, after a while, and only once', () => {
    const fixes = track([{ from: 1300, speed: 0, seconds: 600 }], { sigma: 12, accuracy: 15, seed: 5 })
    const { told } = cruiseThrough(route, fixes, { lengths: { 'stop-1': 60 } })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1'])
    expect(told[0]!.start).toBeGreaterThanOrEqual(TRIGGER_RULES.stillStart)
    expect(told[0]!.start).toBeLessThan(TRIGGER_RULES.stillStart + 20)
  })

  it('does not flicker in and out at the edge of a trigger', () => {
    // Idling right at the edge, 300 m from the site, with 12 m of noise.
    const fixes = track([{ from: 1200, speed: 0, seconds: 600 }], { sigma: 12, accuracy: 15, seed: 2 })
    let tracking = NO_TRACKING
    let changes = 0
    let inside = false
    for (const fix of fixes) {
      tracking = observeFix(route, tracking, fix)
      const now = tracking.zones['stop-1']?.inside ?? false
      if (now !== inside) changes++
      inside = now
    }
    expect(changes).toBeLessThanOrEqual(1)
    expect(dueStop(route, tracking, ['stop-1'], () => 60)).toBeNull()
  })
})

describe('a boat sailing the course the other way', () => {
  // Segments drawn for a boat going east (each ends abeam of its site); the boat comes from the east.
  const route = routeWithStops([
    { along: 1400, off: 150, trigger: { type: 'segment', from: at(1000), to: at(1400) } },
    { along: 2400, off: -150, trigger: { type: 'segment', from: at(2000), to: at(2400) } },
    { along: 3400, off: 150, trigger: { type: 'segment', from: at(3000), to: at(3400) } },
  ])

  it('tells every story once, in the order it meets them, each starting inside its segment', () => {
    const fixes = track([{ from: 4000, speed: -SPEED, seconds: 1500 }], { sigma: 6, accuracy: 10, seed: 7 })
    const lengths = { 'stop-1': 40, 'stop-2': 40, 'stop-3': 40 }
    const { told } = cruiseThrough(route, fixes, { lengths })
    expect(told.map((s) => s.stopId)).toEqual(['stop-3', 'stop-2', 'stop-1'])
    const ends = { 'stop-1': 1400, 'stop-2': 2400, 'stop-3': 3400 }
    for (const story of told) {
      // Going west the boat enters at the segment's east end, which is abeam of the site: the story starts there.
      const end = ends[story.stopId as keyof typeof ends]
      expect(story.startAlong, story.stopId).toBeLessThanOrEqual(end + 10)
      expect(story.startAlong, story.stopId).toBeGreaterThan(end - 400)
    }
  })

  it('times a story to end as a westbound boat passes a site inside a long segment', () => {
    const long = routeWithStops([
      { along: 2000, off: 100, trigger: { type: 'segment', from: at(1000), to: at(3000) } },
    ])
    const { told } = cruiseThrough(long, track([{ from: 3500, speed: -SPEED, seconds: 900 }]), {
      lengths: { 'stop-1': 60 },
    })
    expect(told.map((s) => s.stopId)).toEqual(['stop-1'])
    // 60 s at 3 m/s: 180 m east of the site, coming from the east.
    expect(told[0]!.startAlong).toBeCloseTo(2000 + 180, -1)
  })
})
