import { EventDispatcher, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'

import { isOrbitControls } from './use-orbit-controls'

describe('isOrbitControls', () => {
  it('accepts controls with a target and an update', () => {
    expect(isOrbitControls({ target: new Vector3(), update: () => undefined })).toBe(true)
  })

  it('refuses no controls, or controls that cannot orbit a target', () => {
    expect(isOrbitControls(null)).toBe(false)
    expect(isOrbitControls(new EventDispatcher())).toBe(false)
    expect(isOrbitControls({ target: [0, 0, 0], update: () => undefined })).toBe(false)
    expect(isOrbitControls({ target: new Vector3() })).toBe(false)
  })
})
