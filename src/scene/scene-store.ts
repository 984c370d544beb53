import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** What the visitor chose in the 3D view of one stop: a camera view and a hotspot (null: none). */
export interface SceneSelection {
  /** The stop the choices belong to: choices of another stop are ignored, so a new stop starts fresh. */
  stopId: string | null
  viewId: string | null
  hotspotId: string | null
  /** A lighting festival: the landmark's lights animate while on. */
  lightShow: boolean
}

interface SceneStore extends SceneSelection {
  /**
   * The last stop the canvas has shown: its model drawn, or the stand-in for a model that failed or was stopped.
   * A linked stop's poster (main chunk) gives way to the canvas then.
   */
  shownStopId: string | null
  /**
   * Each time the canvas draws a stop's own model, a new object: a kiosk counts a landmark's time on screen
   * from it, the second visit to a stop included.
   */
  drawn: { stopId: string } | null
  setShownStop: (stopId: string) => void
  setDrawn: (stopId: string) => void
  chooseView: (stopId: string, viewId: string | null) => void
  chooseHotspot: (stopId: string, hotspotId: string | null) => void
  setLightShow: (on: boolean) => void
  /** A kiosk's attract loop: the camera swings slowly about the landmark by itself (auto-orbit.tsx). */
  autoOrbit: boolean
  setAutoOrbit: (on: boolean) => void
}

/**
 * The 3D view's state for one visit, beside its tour store: a kiosk reset or a new route starts with no light
 * show and no choices. Shared by the buttons under the 3D view (main chunk) and the canvas (lazy chunk). Holds
 * no three.js objects, so importing it does not pull the 3D stack into the first view.
 */
export function createSceneStore() {
  return createStore<SceneStore>()((set, get) => ({
    stopId: null,
    viewId: null,
    hotspotId: null,
    lightShow: false,
    shownStopId: null,
    drawn: null,
    setShownStop: (shownStopId) => set({ shownStopId }),
    setDrawn: (stopId) => set({ drawn: { stopId } }),
    chooseView: (stopId, viewId) =>
      set({ stopId, viewId, hotspotId: get().stopId === stopId ? get().hotspotId : null }),
    chooseHotspot: (stopId, hotspotId) =>
      set({ stopId, hotspotId, viewId: get().stopId === stopId ? get().viewId : null }),
    setLightShow: (lightShow) => set({ lightShow }),
    autoOrbit: false,
    setAutoOrbit: (autoOrbit) => set({ autoOrbit }),
  }))
}

export type SceneStoreApi = ReturnType<typeof createSceneStore>

/** The scene store of the visit being shown (provided by the tour shell with each tour store). */
export const SceneStoreContext = createContext<SceneStoreApi | null>(null)

/** The store itself, for code that reads or subscribes outside React's render cycle. */
export function useSceneStoreApi(): SceneStoreApi {
  const store = useContext(SceneStoreContext)
  if (!store) throw new Error('useSceneStore must be used inside <SceneStoreContext.Provider>')
  return store
}

/** The visit's 3D view state for a component: re-renders only when the selected value changes. */
export function useSceneStore<T>(selector: (state: SceneStore) => T): T {
  return useStore(useSceneStoreApi(), selector)
}

/** The chosen view and hotspot of `stopId`, or nulls when the choices belong to another stop. */
export function selectionFor(state: SceneSelection, stopId: string | undefined) {
  const own = stopId !== undefined && state.stopId === stopId
  return { viewId: own ? state.viewId : null, hotspotId: own ? state.hotspotId : null }
}
