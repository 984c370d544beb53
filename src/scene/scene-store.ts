import { create } from 'zustand'

/** What the visitor chose in the 3D view of one stop: a camera view and a hotspot (null: none). */
export interface SceneSelection {
  /** The stop the choices belong to: choices of another stop are ignored, so a new stop starts fresh. */
  stopId: string | null
  viewId: string | null
  hotspotId: string | null
  /** Guangzhou's lighting festival: the landmark's lights animate while on. */
  lightShow: boolean
}

interface SceneStore extends SceneSelection {
  /**
   * The last stop the canvas has shown: its model drawn, or the stand-in for a model that failed or was stopped.
   * A linked stop's poster (main chunk) gives way to the canvas then.
   */
  shownStopId: string | null
  setShownStop: (stopId: string) => void
  chooseView: (stopId: string, viewId: string | null) => void
  chooseHotspot: (stopId: string, hotspotId: string | null) => void
  setLightShow: (on: boolean) => void
  /** A kiosk's attract loop: the camera swings slowly about the landmark by itself (auto-orbit.tsx). */
  autoOrbit: boolean
  setAutoOrbit: (on: boolean) => void
}

/**
 * Shared by the buttons under the 3D view (main chunk) and the canvas (lazy chunk). Holds no three.js objects,
 * so importing it does not pull the 3D stack into the first view.
 */
export const useSceneStore = create<SceneStore>()((set, get) => ({
  stopId: null,
  viewId: null,
  hotspotId: null,
  lightShow: false,
  shownStopId: null,
  setShownStop: (shownStopId) => set({ shownStopId }),
  chooseView: (stopId, viewId) =>
    set({ stopId, viewId, hotspotId: get().stopId === stopId ? get().hotspotId : null }),
  chooseHotspot: (stopId, hotspotId) =>
    set({ stopId, hotspotId, viewId: get().stopId === stopId ? get().viewId : null }),
  setLightShow: (lightShow) => set({ lightShow }),
  autoOrbit: false,
  setAutoOrbit: (autoOrbit) => set({ autoOrbit }),
}))

/** The chosen view and hotspot of `stopId`, or nulls when the choices belong to another stop. */
export function selectionFor(state: SceneSelection, stopId: string | undefined) {
  const own = stopId !== undefined && state.stopId === stopId
  return { viewId: own ? state.viewId : null, hotspotId: own ? state.hotspotId : null }
}
