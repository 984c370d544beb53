import type { Vec3 } from '@/route/schema'

import type { ModelLoad } from './model-loader'
import { declined, inclined, settled, type Quality } from './quality'

/** What the 3D view knows of its own drawing, beside the tour (which stop) and the scene store (which view). */
export interface SceneViewState {
  /** Full until a PerformanceMonitor measures that this device cannot keep up (only during the light show). */
  quality: Quality
  /** The stop whose model threw while it was drawn: a placeholder and a message stand in for it. */
  failedStop: string | null
  /** The stop whose model was last drawn. */
  drawnStop: string | null
  /** The WebGL context is lost and not yet restored. */
  lost: boolean
  /** The overview framing of the stop last framed (its model's bounds, or the placeholder's). */
  overview: { stopId: string; position: Vec3; target: Vec3 } | null
  /** The view the camera last arrived at, as `stopId/viewId`. */
  arrived: string
}

export type SceneViewEvent =
  | { type: 'framed'; stopId: string; position: Vec3; target: Vec3 }
  | { type: 'arrived'; stopId: string; viewId: string }
  | { type: 'model-drawn'; stopId: string }
  | { type: 'model-failed'; stopId: string }
  | { type: 'context-lost' }
  | { type: 'context-restored' }
  | { type: 'quality'; change: 'decline' | 'incline' | 'settle' }

export const INITIAL_SCENE_VIEW: SceneViewState = {
  quality: 'high',
  failedStop: null,
  drawnStop: null,
  lost: false,
  overview: null,
  arrived: '',
}

const QUALITY_CHANGES = { decline: declined, incline: inclined, settle: settled }

/** The 3D view's transitions. Pure. */
export function sceneViewReducer(state: SceneViewState, event: SceneViewEvent): SceneViewState {
  switch (event.type) {
    case 'framed': {
      const { stopId, position, target } = event
      return { ...state, overview: { stopId, position, target }, arrived: `${stopId}/overview` }
    }
    case 'arrived':
      return { ...state, arrived: `${event.stopId}/${event.viewId}` }
    case 'model-drawn':
      return { ...state, drawnStop: event.stopId }
    case 'model-failed':
      return { ...state, failedStop: event.stopId }
    case 'context-lost':
      return { ...state, lost: true }
    case 'context-restored':
      return { ...state, lost: false }
    case 'quality':
      return { ...state, quality: QUALITY_CHANGES[event.change](state.quality) }
  }
}

/** What the view shows for the open stop, from its state and the stop model's load. */
export interface SceneViewFlags {
  /** The stop's model is drawn in a live context (not one drawn on an earlier visit while this one loads). */
  ready: boolean
  /** The stop is shown: its model drawn, or the stand-in for a model that failed or was stopped. */
  shown: boolean
  /** Under the view: the model failed to draw. */
  failedMessage: boolean
  /** Under the view: the context is being restored. */
  restoringMessage: boolean
  /** Under the view: the download's progress, wait or failure, with stop and retry. */
  loadStatus: boolean
  /** Under the view: the model has arrived and is being drawn. */
  drawingMessage: boolean
}

/** The flags of the view for `stopId` (undefined: no stop open). Pure. */
export function sceneViewFlags(
  state: SceneViewState,
  stopId: string | undefined,
  load: ModelLoad | null,
): SceneViewFlags {
  const open = stopId !== undefined
  const failed = open && state.failedStop === stopId
  const stoppedLoad = load?.status === 'failed' || load?.status === 'cancelled'
  const ready = open && !state.lost && load?.status === 'ready' && state.drawnStop === stopId
  const quiet = open && !state.lost && !failed
  return {
    ready,
    shown: open && (ready || failed || stoppedLoad),
    failedMessage: failed,
    restoringMessage: open && state.lost,
    loadStatus: quiet && load !== null && load.status !== 'ready',
    drawingMessage: quiet && load?.status === 'ready' && state.drawnStop !== stopId,
  }
}
