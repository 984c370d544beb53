import { createContext, useContext } from 'react'
import { useStore } from 'zustand'

import type { TourStore, TourStoreState } from './tour-store'

/** The tour store of the visit being shown; each visit (and kiosk reset) provides a new one. */
export const TourStoreContext = createContext<TourStore | null>(null)

/** The store itself, for engines that subscribe outside React's render cycle. */
export function useTourStore(): TourStore {
  const store = useContext(TourStoreContext)
  if (!store) throw new Error('useTourStore must be used inside <TourStoreContext.Provider>')
  return store
}

/** Slow tour state for a component: re-renders only when the selected value changes. */
export function useTour<T>(selector: (state: TourStoreState) => T): T {
  return useStore(useTourStore(), selector)
}
