import { useSyncExternalStore } from 'react'

import { useT } from '@/i18n/use-t'

function subscribe(onChange: () => void): () => void {
  addEventListener('online', onChange)
  addEventListener('offline', onChange)
  return () => {
    removeEventListener('online', onChange)
    removeEventListener('offline', onChange)
  }
}

/**
 * One line while the device has no network: what still works (the stops, the map, the stories, from this device)
 * and what needs the network. Back online, the line goes and the download under the stop list is offered again.
 */
export function OfflineNotice() {
  const t = useT()
  const online = useSyncExternalStore(subscribe, () => navigator.onLine)
  if (online) return null
  return (
    <p className="offline-notice" role="status">
      {t('offlineNotice')}
    </p>
  )
}
