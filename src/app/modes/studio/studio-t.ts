import { negotiateLanguage } from '@/i18n/negotiate'
import { translate, type MessageKey } from '@/i18n/messages'
import { LANGUAGES } from '@/route/schema'

/** The studio's own words follow the curator's browser; the route's languages are the route's business. */
export const STUDIO_LANG = negotiateLanguage(navigator.languages, LANGUAGES, 'en')

export type StudioT = (key: MessageKey, values?: Record<string, string | number>) => string

export const studioT: StudioT = (key, values) => translate(STUDIO_LANG, key, values)
