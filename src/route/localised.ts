import type { Lang, LocalisedText } from './schema'

/** A text picked for a language, and which language it really is in (so a fallback can be shown as one). */
export interface PickedText {
  text: string
  lang: Lang
  fallback: boolean
}

/** Picks the text in `lang`, else in the route's default language, else any language present. */
export function pickText(text: LocalisedText, lang: Lang, defaultLang: Lang): PickedText {
  const own = text[lang]
  if (own !== undefined) return { text: own, lang, fallback: false }
  const fallback = text[defaultLang]
  if (fallback !== undefined) return { text: fallback, lang: defaultLang, fallback: true }
  const [anyLang, anyText] = (Object.entries(text) as [Lang, string][])[0] ?? [defaultLang, '']
  return { text: anyText, lang: anyLang, fallback: true }
}
