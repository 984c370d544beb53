import { useT } from '@/i18n/use-t'
import { useTour } from '@/tour/tour-context'

import { LocalisedText } from './localised-text'

/** The numbered stops in river order; tapping one opens it (the map and 3D follow through the store). */
export function StopList() {
  const t = useT()
  const stops = useTour((s) => s.route.stops)
  const stopId = useTour((s) => s.stopId)
  const dispatch = useTour((s) => s.dispatch)
  return (
    <nav className="stop-list" aria-labelledby="stop-list-heading">
      <h2 id="stop-list-heading">{t('stopsNav')}</h2>
      <ol>
        {stops.map((stop, i) => (
          <li key={stop.id}>
            <button
              type="button"
              data-stop-id={stop.id}
              aria-current={stop.id === stopId ? 'location' : undefined}
              onClick={() => dispatch({ type: 'select-stop', stopId: stop.id })}
            >
              <span className="stop-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="stop-list-text">
                <LocalisedText text={stop.title} className="stop-list-title" />
                <LocalisedText text={stop.summary} className="stop-list-summary" />
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
