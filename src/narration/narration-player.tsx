import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

import { LANGUAGE_LABELS, type MessageKey } from '@/i18n/messages'
import { useT } from '@/i18n/use-t'
import { assetUrl } from '@/route/asset-url'
import { pickText } from '@/route/localised'
import type { Stop } from '@/route/schema'
import { useTour } from '@/tour/tour-context'

import { shownCueIndex } from './captions/active-cue'
import { cueLines, isHanLanguage } from '@/lib/caption-rules'
import type { Cue } from '@/lib/parse-vtt'
import { speechCues } from './choose-narration'
import { SPEEDS, type LoadProgress, type NarrationFailure } from './narrator'
import {
  rememberSpeed,
  useNarrationLoad,
  useNarrationNotSaved,
  useNarrationPlan,
  useNarrator,
} from './narrator-context'
import { useCaptions } from './use-captions'

/** A load that has taken this long shows its time and a way to stop it; a quick one just says "loading". */
const SLOW_LOAD_MS = 3000

const FAILURE_REASONS: Record<NarrationFailure, MessageKey> = {
  network: 'narrationFailedNetwork',
  source: 'narrationFailedSource',
  decode: 'narrationFailedDecode',
  speech: 'narrationFailedSpeech',
}

function isFailure(error: string | undefined): error is NarrationFailure {
  return error !== undefined && error in FAILURE_REASONS
}

/** The time now, again every second while `ticking`: for counting a slow load's seconds. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    if (!ticking) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [ticking])
  return now
}

/**
 * A recording that is loading: after a few seconds, how long it has taken (or when it tries again after a
 * failure) and a button to stop waiting. The seconds are hidden from screen readers, which would read each one.
 */
function LoadingNotice({ load, onCancel }: { load: LoadProgress | null; onCancel: () => void }) {
  const t = useT()
  const now = useNow(load !== null && load.phase !== 'cancelled')
  if (load?.phase === 'waiting') {
    return (
      <div className="player-message player-loading" role="status" data-load="waiting">
        {t('narrationRetrying', { attempt: load.attempt, attempts: load.attempts })}{' '}
        <span aria-hidden="true">
          {t('narrationSeconds', { seconds: Math.max(1, Math.ceil((load.retryAt - now) / 1000)) })}
        </span>{' '}
        <button type="button" onClick={onCancel}>
          {t('narrationStopLoading')}
        </button>
      </div>
    )
  }
  const elapsed = load?.phase === 'loading' ? now - load.startedAt : 0
  const text =
    load?.phase === 'loading' && load.attempt > 1
      ? t('narrationLoadingAttempt', { attempt: load.attempt, attempts: load.attempts })
      : t('narrationLoading')
  if (elapsed < SLOW_LOAD_MS) return <p className="player-message">{text}</p>
  return (
    <div className="player-message player-loading" role="status" data-load="slow">
      {text} <span aria-hidden="true">{t('narrationSeconds', { seconds: Math.floor(elapsed / 1000) })}</span>{' '}
      <button type="button" onClick={onCancel}>
        {t('narrationStopLoading')}
      </button>
    </div>
  )
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/**
 * The open stop's narration in two parts. The player bar (`.player`): the caption in sync, play/pause, what went
 * wrong, and `children` (the stop's previous/next): what a listener needs at hand, kept on a phone's screen while
 * the stop scrolls. Then the rest (`.player-more`): ±10 s, seek, speed, auto-advance and the full transcript (the
 * current line highlighted; a line seeks there). A stop with no recording in the chosen language is read by the
 * device, or plays another language, and says which.
 */
export function NarrationPlayer({ stop, children }: { stop: Stop; children?: ReactNode }) {
  const t = useT()
  const narrator = useNarrator()
  const plan = useNarrationPlan()
  const load = useNarrationLoad()
  const notSaved = useNarrationNotSaved()
  const lang = useTour((s) => s.lang)
  const packUrl = useTour((s) => s.packUrl)
  const narration = useTour((s) => s.narration)
  const autoAdvance = useTour((s) => s.autoAdvance)
  const activeCues = useTour((s) => s.cues)
  const defaultLang = useTour((s) => s.route.defaultLanguage)
  const dispatch = useTour((s) => s.dispatch)
  const isLast = useTour((s) => s.route.stops.at(-1)?.id === stop.id)
  const track = plan?.kind === 'track' || plan?.kind === 'other-language' ? plan.track : undefined
  const captionLang = plan?.kind === 'other-language' ? plan.trackLang : lang
  const { cues: fileCues, failed: captionsFailed } = useCaptions(track && assetUrl(packUrl, track.captions))
  const spoken = plan?.kind === 'speech' ? plan.text : undefined
  const generated = useMemo(() => (spoken ? speechCues(spoken) : []), [spoken])
  const cues: Cue[] = spoken ? generated : fileCues
  const current = shownCueIndex(cues, narration.time)
  const transcript = useRef<HTMLOListElement>(null)

  useEffect(() => {
    // Keep the line being read in view inside the transcript (not the page: the visitor may be reading).
    const list = transcript.current
    const line = list?.querySelector<HTMLElement>('[aria-current="true"]')
    if (list && line && list.closest('details')?.open)
      list.scrollTop = line.offsetTop - list.offsetTop - list.clientHeight / 3
  }, [current])

  if (!plan || plan.kind === 'none') {
    return (
      <div className="player" role="region" aria-label={t('captions')} data-plan="none">
        <p className="player-message">{t('noNarration')}</p>
        {children}
      </div>
    )
  }

  const playing = narration.status === 'playing'
  const cue = cues[current]
  const duration = narration.duration || cues.at(-1)?.end || 0
  const cancelled = load?.phase === 'cancelled'
  const unusable = narration.status === 'error' || cancelled || notSaved !== null
  const tryAgain = track && (
    <button type="button" onClick={() => narrator.retry()}>
      {t('narrationTryAgain')}
    </button>
  )
  const notice =
    plan.kind === 'speech'
      ? t('speechFallback')
      : plan.kind === 'other-language'
        ? t('otherLanguageFallback', {
            lang: LANGUAGE_LABELS[plan.lang],
            other: LANGUAGE_LABELS[plan.trackLang],
          })
        : null
  return (
    <>
      <div
        className="player"
        role="region"
        aria-label={t('play')}
        data-status={narration.status}
        data-plan={plan.kind}
        // The timed cues in effect, for the people and tests checking what the narration asked the views to do.
        data-cue-camera={activeCues.camera?.view}
        data-cue-hotspot={activeCues.hotspot?.hotspot}
        data-cue-map={activeCues.map && `${activeCues.map.center.join(',')}@${activeCues.map.zoom}`}
        data-cue-feature={activeCues.feature && `${activeCues.feature.layer}:${activeCues.feature.name}`}
      >
        {notice && (
          <p className="player-message notice" role="status">
            {notice}
          </p>
        )}
        <p className="caption" lang={captionLang} data-testid="caption" aria-live="off">
          {cue?.text ?? '\u00a0'}
        </p>
        {/* Play comes first: it is the next tab stop after the stop's title. */}
        <div className="player-controls">
          <button
            type="button"
            className="play-button"
            aria-label={playing ? t('pause') : t('play')}
            // play() runs inside the tap: mobile browsers only start sound from a user gesture. The same tap
            // unlocks audio for the tracks that will start by themselves (auto-advance, position, lock screen).
            onClick={() => {
              narrator.unlock()
              if (playing) narrator.pause()
              else narrator.play()
            }}
            disabled={unusable}
          >
            <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          </button>
          {children}
        </div>
        {narration.status === 'loading' && !notSaved && (
          // A new phase or attempt remounts the notice, so that its clock starts from now, not from a stale tick.
          <LoadingNotice
            key={load && load.phase !== 'cancelled' ? `${load.phase}:${load.attempt}:${load.startedAt}` : ''}
            load={load}
            onCancel={() => narrator.cancel()}
          />
        )}
        {/* Refused by the browser, or asked for (the position, auto-advance) before the page has had a touch. */}
        {(narration.status === 'blocked' ||
          (narration.status === 'idle' && narration.autoplay && !cancelled)) && (
          <p className="player-message notice">{t('tapToListen')}</p>
        )}
        {cancelled && (
          <p className="player-message" data-load="cancelled">
            {t('narrationStopped')} {tryAgain}
          </p>
        )}
        {narration.status === 'error' && (
          <p className="player-message error">
            {t('narrationFailed', {
              reason: t(FAILURE_REASONS[isFailure(narration.error) ? narration.error : 'source']),
            })}{' '}
            {tryAgain}
          </p>
        )}
        {notSaved && (
          <p className="player-message notice" role="status" data-load="not-saved">
            {t('narrationNotSaved', { lang: LANGUAGE_LABELS[notSaved] })}
          </p>
        )}
        {captionsFailed && !notSaved && (
          <p className="player-message error captions-failed">{t('captionsFailed')}</p>
        )}
      </div>
      <div className="player-more">
        <div className="player-seek-row">
          <button
            type="button"
            className="skip-button"
            aria-label={t('back10')}
            onClick={() => narrator.skip(-10)}
            disabled={unusable}
          >
            <span aria-hidden="true">−10</span>
          </button>
          <input
            type="range"
            className="player-seek"
            aria-label={t('seek')}
            aria-valuetext={`${clock(narration.time)} / ${clock(duration)}`}
            min={0}
            max={duration || 1}
            step={0.1}
            value={Math.min(narration.time, duration || 1)}
            onChange={(e) => narrator.seek(Number(e.target.value))}
          />
          <button
            type="button"
            className="skip-button"
            aria-label={t('forward10')}
            onClick={() => narrator.skip(10)}
            disabled={unusable}
          >
            <span aria-hidden="true">+10</span>
          </button>
        </div>
        <div className="player-options">
          <span className="player-time" aria-hidden="true">
            {clock(narration.time)} / {clock(duration)}
          </span>
          <label className="player-speed">
            {t('speed')}
            <select
              defaultValue={String(narrator.rate)}
              onChange={(e) => {
                const speed = Number(e.target.value)
                narrator.setRate(speed)
                rememberSpeed(speed)
              }}
            >
              {SPEEDS.map((speed) => (
                <option key={speed} value={String(speed)}>
                  {speed}×
                </option>
              ))}
            </select>
          </label>
          <label className="player-auto">
            <input
              type="checkbox"
              checked={autoAdvance}
              disabled={isLast}
              onChange={(e) => dispatch({ type: 'toggle-auto-advance', on: e.target.checked })}
            />
            {t('autoAdvance')}
          </label>
        </div>
        {activeCues.image && (
          <figure className="cue-image">
            <img
              src={assetUrl(packUrl, activeCues.image.src)}
              alt={pickText(activeCues.image.alt, lang, defaultLang).text}
            />
            <figcaption>{activeCues.image.credit}</figcaption>
          </figure>
        )}
        {cues.length > 0 && (
          <details className="transcript">
            <summary>{t('transcript')}</summary>
            <ol ref={transcript} lang={captionLang}>
              {cues.map((line, i) => (
                <li key={i}>
                  <button
                    type="button"
                    aria-current={i === current ? 'true' : undefined}
                    onClick={() => narrator.seek(line.start)}
                  >
                    <span className="transcript-time" aria-hidden="true">
                      {clock(line.start)}
                    </span>
                    {cueLines(line.text).join(isHanLanguage(captionLang) ? '' : ' ')}
                  </button>
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
    </>
  )
}
