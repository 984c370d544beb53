import { subscribeWithSelector } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'

import type { Lang, Route } from '@/route/schema'

import { NO_CUES } from './active-cues'
import { POSITION_OFF } from './position'
import { IDLE_NARRATION, transition, type TourEvent, type TourState } from './tour-machine'

/** The tour's state plus the one way to change it. */
export interface TourStoreState extends TourState {
  /** Absolute URL of the route pack folder; asset paths in the route resolve against it. */
  packUrl: string
  dispatch: (event: TourEvent) => void
}

/** A store for one visit of one route; kiosk resets and previews make a new one rather than resetting fields. */
export function createTourStore(
  route: Route,
  init: { stopId?: string | null; lang: Lang; packUrl?: string; autoAdvance?: boolean },
) {
  return createStore<TourStoreState>()(
    subscribeWithSelector((set, get) => {
      const initial: TourState = {
        route,
        stopId: null,
        lang: init.lang,
        narration: IDLE_NARRATION,
        autoAdvance: init.autoAdvance ?? false,
        cues: NO_CUES,
        position: POSITION_OFF,
      }
      const start = init.stopId ? transition(initial, { type: 'select-stop', stopId: init.stopId }) : initial
      return {
        ...start,
        packUrl: init.packUrl ?? '/',
        dispatch: (event) => {
          const { dispatch: _dispatch, packUrl: _packUrl, ...state } = get()
          const next = transition(state, event)
          if (next !== state) set(next)
        },
      }
    }),
  )
}

export type TourStore = ReturnType<typeof createTourStore>
