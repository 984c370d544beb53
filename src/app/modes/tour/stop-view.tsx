import { useEffect, useRef, type ReactNode } from 'react'

import { useT } from '@/i18n/use-t'
import { NarrationPlayer } from '@/narration/narration-player'
import { ErrorBoundary } from '@/ui/error-boundary'
import { pickText } from '@/route/localised'
import { currentStop } from '@/tour/tour-machine'
import { useTour } from '@/tour/tour-context'
import { SceneControls } from '@/scene/scene-controls'

import { LocalisedText } from '@/stop/localised-text'

/**
 * The open stop: its 3D view (none for an interlude), narration player and story. The section stays mounted
 * (hidden while no stop is open) so the one 3D canvas inside it lives for the whole visit.
 */
export function StopView({ scene, side }: { scene: ReactNode; side?: ReactNode }) {
  const t = useT()
  const stop = useTour(currentStop)
  const stops = useTour((s) => s.route.stops)
  const lang = useTour((s) => s.lang)
  const defaultLang = useTour((s) => s.route.defaultLanguage)
  const dispatch = useTour((s) => s.dispatch)
  const heading = useRef<HTMLHeadingElement>(null)
  const mounting = useRef(true)
  const index = stop ? stops.indexOf(stop) : -1

  useEffect(() => {
    const opened = !mounting.current
    mounting.current = false
    // A new stop moves keyboard and screen-reader focus to its title, as a page change would.
    if (
      stop &&
      heading.current &&
      document.activeElement?.closest('.stop-list, .stop-nav, .maplibregl-canvas')
    ) {
      heading.current.focus({ preventScroll: true })
    }
    // A stop opened from further down the panel (the list) brings its view back into sight. A stop the page opens
    // with (a link) is already at the top of the fresh panel: asking would only force the page's first layout
    // into this task (80-120 ms on a slow phone).
    if (stop && opened) heading.current?.closest('section')?.scrollIntoView({ block: 'start' })
  }, [stop])

  const story = stop ? pickText(stop.story, lang, defaultLang) : null
  // In the player bar, beside play: on a phone it stays on screen while the stop scrolls. "All stops" is with the
  // stop's number, above its title.
  const navigation = (
    <>
      <nav className="stop-nav" aria-label={t('stops')}>
        <button
          type="button"
          aria-label={t('prev')}
          onClick={() => dispatch({ type: 'prev' })}
          disabled={index <= 0}
        >
          <span aria-hidden="true">←</span>
        </button>
        <button
          type="button"
          aria-label={t('next')}
          onClick={() => dispatch({ type: 'next' })}
          disabled={index >= stops.length - 1}
        >
          <span aria-hidden="true">→</span>
        </button>
      </nav>
      {side}
    </>
  )
  return (
    // Named by its title only while a stop is open: a nameless section has no role that may carry a name.
    <section className="stop-view" hidden={!stop} aria-labelledby={stop ? 'stop-title' : undefined}>
      {stop && (
        <header className="stop-view-header">
          <p className="stop-position">
            {t('stopOf', { n: index + 1, total: stops.length })}
            {stop.kind === 'interlude' && ` · ${t('interlude')}`}
            <button
              type="button"
              className="link-button all-stops"
              onClick={() => dispatch({ type: 'select-stop', stopId: null })}
            >
              {t('allStops')}
            </button>
          </p>
          <h2 id="stop-title" ref={heading} tabIndex={-1}>
            <LocalisedText text={stop.title} />
          </h2>
          <LocalisedText as="p" text={stop.summary} className="stop-summary" />
        </header>
      )}
      {/* An interlude has no 3D view: the figure (and the one canvas in it) stays mounted, out of sight. */}
      <figure className="scene-host" hidden={!stop?.model}>
        {scene}
        {stop?.model && (
          <figcaption className="visually-hidden">
            {pickText(stop.model.alt, lang, defaultLang).text}
          </figcaption>
        )}
      </figure>
      {stop && (
        <>
          <ErrorBoundary
            key={stop.id}
            fallback={
              <div className="player error">
                <p>{t('viewFailed', { what: t('play') })}</p>
                {navigation}
              </div>
            }
          >
            <NarrationPlayer stop={stop}>{navigation}</NarrationPlayer>
          </ErrorBoundary>
          {/* After the player, so that Play stays the first stop after the title for keyboard users. */}
          {stop.model && <SceneControls stop={stop} />}
          <article className="story" aria-label={t('story')} lang={story?.lang}>
            {story?.text.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </article>
          {stop.sources.length > 0 && (
            <details className="sources">
              <summary>{t('sources')}</summary>
              <ul>
                {stop.sources.map((source) => (
                  <li key={source.url}>
                    <a href={source.url} rel="noreferrer noopener" target="_blank">
                      {source.title}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  )
}
