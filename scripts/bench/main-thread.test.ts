import { describe, expect, it } from 'vitest'

import { mainThreadFigures, overlapMs } from './main-thread'

describe('overlapMs', () => {
  it('counts only the part of each wait that falls inside a long task', () => {
    const tasks = [
      { start: 100, duration: 200 },
      { start: 500, duration: 60 },
    ]
    const waits = [
      { start: 150, duration: 50 }, // inside the first task: 50
      { start: 280, duration: 40 }, // half inside: 20
      { start: 400, duration: 30 }, // between tasks: 0
      { start: 540, duration: 100 }, // the last 20 ms of the second task
    ]
    expect(overlapMs(tasks, waits)).toBe(90)
  })
})

describe('mainThreadFigures', () => {
  it('adds up long tasks, their time over 50 ms, and the WebGL waits inside them', () => {
    const figures = mainThreadFigures(
      [
        { start: 0, duration: 120 },
        { start: 200, duration: 55 },
      ],
      [{ start: 10, duration: 100 }],
    )
    expect(figures).toEqual({ longTaskMs: 175, blockingMs: 75, webglWaitMs: 100 })
  })
})
