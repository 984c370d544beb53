import { describe, expect, it } from 'vitest'

import type { ModelLoad } from './model-loader'
import {
  INITIAL_SCENE_VIEW,
  sceneViewFlags,
  sceneViewReducer,
  type SceneViewEvent,
  type SceneViewState,
} from './scene-view-state'

const READY = { status: 'ready', gltf: {} } as ModelLoad
const LOADING: ModelLoad = { status: 'loading', attempt: 1, loaded: 0, total: null }

const after = (...events: SceneViewEvent[]): SceneViewState =>
  events.reduce(sceneViewReducer, INITIAL_SCENE_VIEW)

describe('the 3D view state', () => {
  it('is ready for a stop only once its own model is drawn, not one drawn on an earlier visit', () => {
    expect(sceneViewFlags(after(), 'a', READY)).toMatchObject({
      ready: false,
      shown: false,
      drawingMessage: true,
    })
    const drawnA = after({ type: 'model-drawn', stopId: 'a' })
    expect(sceneViewFlags(drawnA, 'a', READY)).toMatchObject({
      ready: true,
      shown: true,
      drawingMessage: false,
    })
    expect(sceneViewFlags(drawnA, 'b', READY)).toMatchObject({ ready: false, shown: false })
    expect(sceneViewFlags(drawnA, 'a', LOADING)).toMatchObject({ ready: false, loadStatus: true })
  })

  it('shows the stand-in for a model that failed to draw, or a load that failed or was stopped', () => {
    expect(sceneViewFlags(after({ type: 'model-failed', stopId: 'a' }), 'a', READY)).toMatchObject({
      shown: true,
      failedMessage: true,
      drawingMessage: false,
      loadStatus: false,
    })
    expect(sceneViewFlags(after(), 'a', { status: 'cancelled' })).toMatchObject({
      shown: true,
      loadStatus: true,
    })
  })

  it('is not ready while the context is lost, and says it is restoring', () => {
    const lost = after({ type: 'model-drawn', stopId: 'a' }, { type: 'context-lost' })
    expect(sceneViewFlags(lost, 'a', READY)).toMatchObject({ ready: false, restoringMessage: true })
    const back = sceneViewReducer(lost, { type: 'context-restored' })
    expect(sceneViewFlags(back, 'a', READY)).toMatchObject({ ready: true, restoringMessage: false })
  })

  it('shows nothing without an open stop', () => {
    const flags = sceneViewFlags(after({ type: 'context-lost' }), undefined, null)
    expect(Object.values(flags).every((flag) => !flag)).toBe(true)
  })

  it('arrives at the overview when a stop is framed, then at the views the camera flies to', () => {
    const framed = after({ type: 'framed', stopId: 'a', position: [1, 2, 3], target: [0, 0, 0] })
    expect(framed.overview).toEqual({ stopId: 'a', position: [1, 2, 3], target: [0, 0, 0] })
    expect(framed.arrived).toBe('a/overview')
    expect(sceneViewReducer(framed, { type: 'arrived', stopId: 'a', viewId: 'clock' }).arrived).toBe(
      'a/clock',
    )
  })

  it('lowers the quality when the device cannot keep up, and raises it again', () => {
    const low = after({ type: 'quality', change: 'decline' }, { type: 'quality', change: 'decline' })
    expect(low.quality).not.toBe('high')
    expect(sceneViewReducer(low, { type: 'quality', change: 'incline' }).quality).not.toBe(low.quality)
  })
})
