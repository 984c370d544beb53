import type { ElementType } from 'react'

import { LANGUAGE_LABELS } from '@/i18n/messages'
import { useT } from '@/i18n/use-t'
import { pickText } from '@/route/localised'
import type { LocalisedText as Text } from '@/route/schema'
import { useTour } from '@/tour/tour-context'

/**
 * Authored text in the visitor's language, rendered as text (never as markup). A fallback to another language
 * is marked visibly and with its own `lang`, so screen readers pronounce it right.
 */
export function LocalisedText({
  text,
  as: Tag = 'span',
  className,
}: {
  text: Text
  as?: ElementType
  className?: string
}) {
  const t = useT()
  const lang = useTour((s) => s.lang)
  const defaultLang = useTour((s) => s.route.defaultLanguage)
  const picked = pickText(text, lang, defaultLang)
  return (
    <Tag lang={picked.lang} className={className}>
      {picked.text}
      {picked.fallback && (
        <span className="fallback-badge" lang={lang}>
          {' '}
          ({t('inLanguage', { lang: LANGUAGE_LABELS[picked.lang] })})
        </span>
      )}
    </Tag>
  )
}
