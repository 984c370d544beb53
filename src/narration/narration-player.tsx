import { useT } from '@/i18n/use-t'
import { assetUrl } from '@/route/asset-url'
import type { Stop } from '@/route/schema'
import { useTour } from '@/tour/tour-context'

import { activeCueIndex } from './captions/active-cue'
import { useNarrator } from './narrator-context'
import { useCaptions } from './use-captions'

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Play/pause, position and the caption in sync with the audio, for the open stop in the chosen language. */
export function NarrationPlayer({ stop }: { stop: Stop }) {
  const t = useT()
  const narrator = useNarrator()
  const lang = useTour((s) => s.lang)
  const packUrl = useTour((s) => s.packUrl)
  const narration = useTour((s) => s.narration)
  const track = stop.narration[lang]
  const { cues, error: captionError } = useCaptions(track && assetUrl(packUrl, track.captions))

  if (!track) {
    return (
      <div className="player" role="region" aria-label={t('captions')}>
        <p className="player-message">{t('noNarration')}</p>
      </div>
    )
  }

  const playing = narration.status === 'playing'
  const cue = cues[activeCueIndex(cues, narration.time)]
  const duration = narration.duration || cues.at(-1)?.end || 0
  return (
    <div className="player" role="region" aria-label={t('play')} data-status={narration.status}>
      <div className="player-controls">
        <button
          type="button"
          className="play-button"
          aria-label={playing ? t('pause') : t('play')}
          onClick={() => (playing ? narrator.pause() : narrator.play())}
          disabled={narration.status === 'loading' || narration.status === 'error'}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
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
        <span className="player-time" aria-hidden="true">
          {clock(narration.time)} / {clock(duration)}
        </span>
      </div>
      <p className="caption" lang={lang} data-testid="caption">
        {cue?.text ?? '\u00a0'}
      </p>
      {narration.status === 'loading' && <p className="player-message">{t('narrationLoading')}</p>}
      {narration.status === 'error' && (
        <p className="player-message error">{t('narrationFailed', { reason: narration.error ?? '' })}</p>
      )}
      {captionError && <p className="player-message error">{captionError}</p>}
    </div>
  )
}
