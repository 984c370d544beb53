import { useEffect, useRef } from 'react'

import { useT } from '@/i18n/use-t'
import { useTour } from '@/tour/tour-context'

import { LocalisedText } from './localised-text'

/** Every data source, model and recording the route credits, in a modal dialog. */
export function CreditsDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const credits = useTour((s) => s.route.credits)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    return () => element?.close()
  }, [])

  return (
    <dialog ref={dialog} className="credits" aria-labelledby="credits-title" onClose={onClose}>
      <h2 id="credits-title">{t('creditsTitle')}</h2>
      <ul>
        {credits.map((credit, i) => (
          <li key={i}>
            <LocalisedText text={credit.title} className="credit-title" />
            <span className="credit-meta">
              {credit.author} · {credit.license}
              {credit.url && /^https?:\/\//.test(credit.url) && (
                <>
                  {' · '}
                  <a href={credit.url} rel="noreferrer noopener" target="_blank">
                    {new URL(credit.url).host}
                  </a>
                </>
              )}
              {credit.url && !/^https?:\/\//.test(credit.url) && <> · {credit.url}</>}
            </span>
          </li>
        ))}
      </ul>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('close')}
        </button>
      </form>
    </dialog>
  )
}
