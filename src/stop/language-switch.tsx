import { LANGUAGE_LABELS } from '@/i18n/messages'
import { useT } from '@/i18n/use-t'
import { useTour } from '@/tour/tour-context'

/** One button per language the route offers; the current one is pressed. */
export function LanguageSwitch() {
  const t = useT()
  const languages = useTour((s) => s.route.languages)
  const current = useTour((s) => s.lang)
  const dispatch = useTour((s) => s.dispatch)
  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          onClick={() => dispatch({ type: 'set-language', lang })}
        >
          {LANGUAGE_LABELS[lang]}
        </button>
      ))}
    </div>
  )
}
