import { useState, type ReactNode } from 'react'

import { useT } from '@/i18n/use-t'
import { courseFacts } from '@/route/course-facts'
import { useTour } from '@/tour/tour-context'

import { LocalisedText } from './localised-text'

import './route-introduction.css'

/**
 * The route's introduction on the home view, before any stop is open: what the cruise is, how long, where it can
 * start and which way it goes, and (`download`) the offer to take the tour offline before boarding. Routes
 * without one show nothing.
 */
export function RouteIntroduction({ download }: { download?: ReactNode }) {
  const t = useT()
  const route = useTour((s) => s.route)
  const open = useTour((s) => s.stopId !== null)
  const dispatch = useTour((s) => s.dispatch)
  // Three lines at first, so the stop list begins on a phone's first screen.
  const [whole, setWhole] = useState(false)
  const intro = route.introduction
  if (!intro || open) return null
  const facts = courseFacts(route)
  const first = route.stops[0]
  return (
    <section className="route-intro" aria-labelledby="route-intro-heading">
      <h2 id="route-intro-heading">{t('introTitle')}</h2>
      <p className="route-intro-facts">
        {t('introFacts', { km: facts.km, minutes: facts.minutes, speed: facts.speedKmh })}
      </p>
      <div id="route-intro-text" className="route-intro-text" data-whole={whole}>
        <LocalisedText as="p" text={intro.text} />
      </div>
      <button
        type="button"
        className="route-intro-more"
        aria-expanded={whole}
        aria-controls="route-intro-text"
        onClick={() => setWhole(!whole)}
      >
        {t(whole ? 'introLess' : 'introMore')}
      </button>
      {/* Folded, so the stop list starts on the first screen of a phone; a visitor still ashore opens it. */}
      <details className="route-intro-boarding">
        <summary>{t('introPiers')}</summary>
        <LocalisedText as="p" text={intro.directions} className="route-intro-directions" />
        <ul className="route-intro-piers">
          {intro.piers.map((pier) => (
            <li key={pier.id} data-pier-id={pier.id}>
              <LocalisedText text={pier.name} />
            </li>
          ))}
        </ul>
      </details>
      {first && (
        <button
          type="button"
          className="route-intro-start"
          onClick={() => dispatch({ type: 'select-stop', stopId: first.id })}
        >
          {t('introStart')}
        </button>
      )}
      {download}
    </section>
  )
}
