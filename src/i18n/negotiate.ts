import type { Lang } from '@/route/schema'

/**
 * The route language for one browser language tag: zh-CN/zh-SG/zh-Hans read Simplified Chinese; Cantonese
 * regions (zh-HK, zh-MO, zh-TW, yue) prefer Cantonese and read Simplified Chinese where the route has none.
 * @see DESIGN.md "Names and numbers"
 */
function candidatesFor(tag: string): Lang[] {
  const lower = tag.toLowerCase()
  if (lower === 'yue' || lower.startsWith('yue-') || /^zh-(hk|mo|tw|hant)\b/.test(lower))
    return ['yue', 'zh-Hans']
  if (lower === 'zh' || lower.startsWith('zh-')) return ['zh-Hans']
  if (lower === 'en' || lower.startsWith('en-')) return ['en']
  return []
}

/** The first of the browser's preferred languages that the route offers, else the route's default. */
export function negotiateLanguage(
  preferred: readonly string[],
  offered: readonly Lang[],
  fallback: Lang,
): Lang {
  for (const tag of preferred) {
    const match = candidatesFor(tag).find((lang) => offered.includes(lang))
    if (match) return match
  }
  return fallback
}

/** Parses a language tag from a URL or storage into a route language, if it is one the route offers. */
export function parseLang(value: string | null | undefined, offered: readonly Lang[]): Lang | undefined {
  return offered.find((lang) => lang === value)
}
