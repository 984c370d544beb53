import { useState } from 'react'

import { useT } from '@/i18n/use-t'
import { useNarrator } from '@/narration/narrator-context'
import { useTour } from '@/tour/tour-context'

import './position-panel.css'

/** The simulated cruise the panel's button starts: ten times faster between stories, for a demonstration. */
const DEMO_SPEEDUP = 10

/**
 * Over the map: the offer to follow the visitor's position (a button, and why; or the simulation; or not now),
 * then what the position is doing in one sentence — waiting for permission, refused, unavailable, too imprecise
 * (and that "Next stop" still works), or good — with auto-play by position and a way to stop. Once the visitor
 * has chosen, it shrinks to a chip of one line that leaves the map free; a tap on its arrow shows the whole
 * sentence and auto-play, and trouble is always shown whole. Publishes the position's state as data attributes
 * for staff and tests. The tap that starts following unlocks audio: the stories it starts later come with no
 * tap of their own.
 */
export function PositionPanel() {
  const t = useT()
  const narrator = useNarrator()
  const dispatch = useTour((s) => s.dispatch)
  const source = useTour((s) => s.position.source)
  const status = useTour((s) => s.position.status)
  const autoPlay = useTour((s) => s.position.autoPlay)
  const accuracy = useTour((s) => Math.round(s.position.fix?.accuracy ?? 0))
  const speedup = useTour((s) => s.position.cruise?.speedup ?? 1)
  const cruiseTime = useTour((s) => (s.position.cruise ? Math.round(s.position.cruise.time) : undefined))
  const along = useTour((s) =>
    s.position.tracking.along === null ? undefined : Math.round(s.position.tracking.along),
  )
  const started = useTour((s) => s.position.started)
  const [notNow, setNotNow] = useState(false)
  const [expanded, setExpanded] = useState(false)

  const sentence =
    source === 'simulated'
      ? t('positionSimulated', { n: speedup })
      : status === 'asking'
        ? t('positionAsking')
        : status === 'denied'
          ? t('positionDenied')
          : status === 'unavailable'
            ? t('positionUnavailable')
            : status === 'poor'
              ? t('positionPoor', { m: accuracy })
              : status === 'ok'
                ? t(autoPlay ? 'positionOk' : 'positionOkManual', { m: accuracy })
                : t('positionWhy')
  const trouble = status === 'denied' || status === 'unavailable' || status === 'poor'
  const chip = source !== null || notNow
  const whole = !chip || trouble || expanded
  const data = {
    'data-source': source ?? 'none',
    'data-status': status,
    'data-along': along,
    'data-cruise-time': cruiseTime,
    'data-started': started ? `${started.stopId}@${Math.round(started.at / 1000)}` : undefined,
  }

  if (source === null && notNow) {
    return (
      <section className="position-panel is-chip" aria-label={t('positionFollow')} {...data}>
        <button type="button" className="position-chip-button" onClick={() => setNotNow(false)}>
          <span className="position-dot" aria-hidden="true" />
          {t('positionOff')}
        </button>
      </section>
    )
  }

  return (
    <section
      className={chip ? 'position-panel is-chip' : 'position-panel'}
      aria-label={t('positionFollow')}
      data-expanded={chip ? String(whole) : undefined}
      {...data}
    >
      {chip && <span className="position-dot" data-trouble={trouble} aria-hidden="true" />}
      <p
        id="position-sentence"
        className={trouble ? 'position-sentence position-trouble' : 'position-sentence'}
        aria-live="polite"
      >
        {sentence}
      </p>
      <div className="position-actions">
        {source === null ? (
          <>
            <button
              type="button"
              className="primary-button"
              onClick={() => {
                narrator.unlock()
                dispatch({ type: 'use-gps' })
              }}
            >
              {t('positionFollow')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                narrator.unlock()
                dispatch({ type: 'simulate', speedup: DEMO_SPEEDUP })
              }}
            >
              {t('simulateStart')}
            </button>
            <button type="button" className="link-button" onClick={() => setNotNow(true)}>
              {t('positionNotNow')}
            </button>
          </>
        ) : (
          <>
            {whole && (status === 'ok' || source === 'simulated') && (
              <label className="position-auto">
                <input
                  type="checkbox"
                  checked={autoPlay}
                  onChange={(e) => dispatch({ type: 'toggle-auto-play', on: e.target.checked })}
                />
                {t('positionAutoPlay')}
              </label>
            )}
            {!trouble && (
              <button
                type="button"
                className="position-more"
                aria-expanded={expanded}
                aria-controls="position-sentence"
                aria-label={t('positionDetails')}
                onClick={() => setExpanded(!expanded)}
              >
                <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
              </button>
            )}
            {/* In the chip, a cross: the sentence needs the room. */}
            <button
              type="button"
              className={whole ? 'link-button' : 'position-more'}
              aria-label={whole ? undefined : t(source === 'simulated' ? 'simulateStop' : 'positionStop')}
              onClick={() => dispatch({ type: 'position-off' })}
            >
              {whole ? (
                t(source === 'simulated' ? 'simulateStop' : 'positionStop')
              ) : (
                <span aria-hidden="true">✕</span>
              )}
            </button>
          </>
        )}
      </div>
    </section>
  )
}
