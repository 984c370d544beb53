import { useSyncExternalStore } from 'react'

import { useT } from '@/i18n/use-t'

import { dismissUpdate, reloadToUpdate, subscribeSw, swSnapshot } from './sw-state'

/** "A new version is available — Reload": shown when a new build is installed and waiting for the visitor. */
export function UpdatePrompt() {
  const t = useT()
  const { updateWaiting } = useSyncExternalStore(subscribeSw, swSnapshot)
  if (!updateWaiting) return null
  return (
    <div className="update-prompt" role="status">
      <span>{t('updateAvailable')}</span>
      <button type="button" className="primary-button" onClick={reloadToUpdate}>
        {t('updateReload')}
      </button>
      <button type="button" className="link-button" onClick={dismissUpdate}>
        {t('updateLater')}
      </button>
    </div>
  )
}
