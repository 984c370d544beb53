import { describe, expect, it } from 'vitest'

import { shownCueIndex } from './active-cue'

describe('shownCueIndex', () => {
  const cues = [
    { start: 0.2, end: 2.0, text: 'First sentence.' },
    { start: 2.6, end: 5.0, text: 'After a short pause.' },
    { start: 7.0, end: 9.0, text: 'After a long pause.' },
  ]

  it.each([
    [0.1, -1, 'before the first cue'],
    [1.0, 0, 'during a cue'],
    [2.3, 0, 'in a pause shorter than a second: the caption does not blink empty'],
    [2.6, 1, 'the next cue as soon as it starts'],
    [6.0, -1, 'in a pause of two seconds'],
    [9.5, -1, 'after the last cue'],
  ])('at %s s shows cue %s (%s)', (time, index) => {
    expect(shownCueIndex(cues, time)).toBe(index)
  })

  it('shows nothing for an empty track', () => {
    expect(shownCueIndex([], 1)).toBe(-1)
  })
})
