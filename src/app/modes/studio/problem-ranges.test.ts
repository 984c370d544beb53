import { describe, expect, it } from 'vitest'

import { offsetAt, problemRange } from './problem-ranges'

const TEXT = '{\n  "schemaVersion": 1,\n  "titel": "x"\n}\n'

describe('problem ranges', () => {
  it('turns line and column into an offset', () => {
    expect(TEXT.slice(offsetAt(TEXT, 3, 3))).toMatch(/^"titel"/)
  })

  it('underlines the key a problem points at', () => {
    const { from, to } = problemRange(TEXT, {
      severity: 'error',
      pointer: '/titel',
      line: 3,
      col: 3,
      message: '',
    })
    expect(TEXT.slice(from, to)).toBe('"titel"')
  })

  it('stays inside the text for a position past its end', () => {
    const { from, to } = problemRange(TEXT, { severity: 'error', pointer: '', line: 99, col: 1, message: '' })
    expect([from, to]).toEqual([TEXT.length, TEXT.length])
  })
})
