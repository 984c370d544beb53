import { useCallback } from 'react'

import { useTour } from '@/tour/tour-context'

import { translate, type MessageKey } from './messages'

/** The translate function for the tour's current language. */
export function useT() {
  const lang = useTour((s) => s.lang)
  return useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(lang, key, values),
    [lang],
  )
}
