import { useEffect } from 'react'

import { remember, remembered } from '@/lib/remembered'
import type { TourStore } from '@/tour/tour-store'

import { readUrlState, writeUrlState } from './url-state'

const LANG_KEY = 'reading-gz-by-water.lang'

/**
 * Keeps the address bar and the tour in step: each stop opened is a history entry (so back and forward walk
 * through stops), a language change replaces the entry and is remembered for the next visit. A kiosk serves
 * one visitor after another (`sharedScreen`): it only replaces the entry and remembers nothing.
 */
export function useUrlSync(store: TourStore, { sharedScreen = false }: { sharedScreen?: boolean } = {}) {
  useEffect(() => {
    const write = (wanted: 'push' | 'replace') => {
      const mode = sharedScreen ? 'replace' : wanted
      const { stopId, lang } = store.getState()
      const search = writeUrlState(location.search, { stopId, lang })
      if (search === location.search) return
      const url = `${location.pathname}${search}${location.hash}`
      if (mode === 'push') history.pushState(null, '', url)
      else history.replaceState(null, '', url)
    }
    write('replace')
    document.documentElement.lang = store.getState().lang
    let fromHistory = false
    const offStop = store.subscribe(
      (s) => s.stopId,
      () => {
        if (!fromHistory) write('push')
      },
    )
    const offLang = store.subscribe(
      (s) => s.lang,
      (lang) => {
        document.documentElement.lang = lang
        if (sharedScreen) return write('replace')
        remember(LANG_KEY, lang)
        write('replace')
      },
    )
    const onPopState = () => {
      fromHistory = true
      store.getState().dispatch({ type: 'select-stop', stopId: readUrlState(location.search).stopId })
      fromHistory = false
    }
    addEventListener('popstate', onPopState)
    return () => {
      offStop()
      offLang()
      removeEventListener('popstate', onPopState)
    }
  }, [store, sharedScreen])
}

/** The language remembered from an earlier visit, if any. */
export function rememberedLanguage(): string | null {
  return remembered(LANG_KEY)
}
