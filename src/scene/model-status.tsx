import type { MessageKey } from '@/i18n/messages'

import { isTransient, MODEL_BACKOFF, type ModelLoad } from './model-loader'

type T = (key: MessageKey, values?: Record<string, string | number>) => string

/**
 * The model's download under the 3D view: its progress with a button to stop it, the retries after a dropped
 * connection, and what happened when it did not load, with a button to try again where that can help. The
 * sentence is a polite live region; the changing figures are not read out on every chunk.
 */
export function ModelStatus({
  load,
  t,
  onCancel,
  onRetry,
}: {
  load: ModelLoad
  t: T
  onCancel: () => void
  onRetry: () => void
}) {
  if (load.status === 'ready') return null
  if (load.status === 'loading' || load.status === 'waiting') {
    const known = load.status === 'loading' && load.total !== null
    const percent = known ? Math.min(100, Math.floor((100 * load.loaded) / load.total!)) : null
    return (
      <div className="scene-status scene-model-status" data-model={load.status}>
        <p role="status">
          {load.status === 'waiting'
            ? t('sceneModelRetrying', { attempt: load.attempt, attempts: MODEL_BACKOFF.retries })
            : t('sceneModelLoading')}
        </p>
        {load.status === 'loading' && (
          <span className="scene-model-progress">
            <progress
              aria-label={t('sceneModelLoading')}
              max={known ? load.total! : undefined}
              value={known ? load.loaded : undefined}
            />
            <span aria-hidden="true">
              {percent !== null
                ? t('sceneModelProgress', { percent })
                : t('sceneModelBytes', { kb: Math.round(load.loaded / 1000) })}
            </span>
          </span>
        )}
        <button type="button" onClick={onCancel}>
          {t('sceneModelCancel')}
        </button>
      </div>
    )
  }
  const [message, action] =
    load.status === 'cancelled'
      ? (['sceneModelCancelled', 'sceneModelLoad'] as const)
      : isTransient(load.failure)
        ? (['sceneModelOffline', 'sceneModelRetry'] as const)
        : (['sceneFailed', null] as const)
  return (
    <div
      className={`scene-status scene-model-status${load.status === 'failed' ? ' error' : ''}`}
      data-model={load.status}
    >
      <p role="status">{t(message)}</p>
      {action && (
        <button type="button" onClick={onRetry}>
          {t(action)}
        </button>
      )}
    </div>
  )
}
