import { negotiateLanguage } from '@/i18n/negotiate'
import type { MessageKey } from '@/i18n/messages'
import { LANGUAGES } from '@/route/schema'

import { translateStudio, type StudioMessageKey } from './studio-messages'

/** The studio's own words follow the curator's browser; the route's languages are the route's business. */
export const STUDIO_LANG = negotiateLanguage(navigator.languages, LANGUAGES, 'en')

export type StudioT = (key: StudioMessageKey | MessageKey, values?: Record<string, string | number>) => string

export const studioT: StudioT = (key, values) => translateStudio(STUDIO_LANG, key, values)
