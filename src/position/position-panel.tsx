import { useT } from '@/i18n/use-t'
import { useNarrator } from '@/narration/narrator-context'
import { useTour } from '@/tour/tour-context'

import './position-panel.css'

/** The simulated cruise the panel's button starts: ten times faster between stories, for a demonstration. */
const DEMO_SPEEDUP = 10

/**
 * Over the map: the offer to follow the visitor's position (a button, and why), then what the position is doing
 * in one sentence — waiting for permission, refused, unavailable, too imprecise (and that "Next stop" still
 * works), or good — with auto-play by position and a way to stop. Publishes the position's state as data
 * attributes for staff and tests. The tap that starts following unlocks audio: the stories it starts later
 * come with no tap of their own.
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

  return (
    <section
      className="position-panel"
      aria-label={t('positionFollow')}
      data-source={source ?? 'none'}
      data-status={status}
      data-along={along}
      data-cruise-time={cruiseTime}
      data-started={started ? `${started.stopId}@${Math.round(started.at / 1000)}` : undefined}
    >
      <p className={trouble ? 'position-sentence position-trouble' : 'position-sentence'} aria-live="polite">
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
          </>
        ) : (
          <>
            {(status === 'ok' || source === 'simulated') && (
              <label className="position-auto">
                <input
                  type="checkbox"
                  checked={autoPlay}
                  onChange={(e) => dispatch({ type: 'toggle-auto-play', on: e.target.checked })}
                />
                {t('positionAutoPlay')}
              </label>
            )}
            <button type="button" className="link-button" onClick={() => dispatch({ type: 'position-off' })}>
              {source === 'simulated' ? t('simulateStop') : t('positionStop')}
            </button>
          </>
        )}
      </div>
    </section>
  )
}
