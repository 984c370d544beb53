import { describe, expect, it } from 'vitest'

import { MAX_SPEEDUP, readSimulation } from './simulate-param'

describe('readSimulation', () => {
  it('reads no simulation, a real-speed one, and a compressed one', () => {
    expect(readSimulation('?stop=shamian')).toBeNull()
    expect(readSimulation('?simulate&stop=shamian')).toEqual({ speedup: 1 })
    expect(readSimulation('?simulate=10')).toEqual({ speedup: 10 })
  })

  it('clamps or ignores factors it cannot trust', () => {
    expect(readSimulation('?simulate=abc')).toEqual({ speedup: 1 })
    expect(readSimulation('?simulate=0.1')).toEqual({ speedup: 1 })
    expect(readSimulation('?simulate=1e9')).toEqual({ speedup: MAX_SPEEDUP })
  })
})
