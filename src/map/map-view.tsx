import { useCallback, useRef, type ReactNode } from 'react'

import { useT } from '@/i18n/use-t'
import { routeExtent } from '@/route/geo-extent'
import { useTourStore } from '@/tour/tour-context'

import { nightStyle } from './night-style'
import { useFollowStop } from './use-follow-stop'
import { useMapCues } from './use-map-cues'
import { useMapInteraction } from './use-map-interaction'
import { useMapLibre } from './use-maplibre'
import { useYouAreHere } from './use-you-are-here'

/**
 * The night map of the river: owns the container element and the one MapLibre map inside it. `children` are
 * laid over the map (the position panel).
 */
export function MapView({ children }: { children?: ReactNode }) {
  const t = useT()
  const store = useTourStore()
  const container = useRef<HTMLDivElement>(null)
  const createStyle = useCallback(() => {
    const { route, packUrl, lang } = store.getState()
    return nightStyle(route, packUrl, lang, route.map.attribution)
  }, [store])
  const initialView = useCallback(() => {
    const { route, stopId } = store.getState()
    const stop = route.stops.find((s) => s.id === stopId)
    return stop ? { center: stop.position, zoom: stop.zoom } : { bounds: routeExtent(route) }
  }, [store])
  const { status, failedSources } = useMapLibre(container, createStyle, initialView)
  const map = status.state === 'ready' ? status.map : null
  useFollowStop(map)
  useMapInteraction(map)
  useMapCues(map)
  useYouAreHere(map)

  return (
    <div className="map-panel" aria-busy={status.state === 'loading'} data-state={status.state}>
      <div ref={container} className="map" role="region" aria-label={t('map')} />
      {children}
      {status.state === 'loading' && (
        <p className="map-status" role="status">
          {t('mapLoading')}
        </p>
      )}
      {status.state === 'ready' && failedSources.length > 0 && (
        <p className="map-status error">{t('mapLayersFailed', { layers: failedSources.join(', ') })}</p>
      )}
      {status.state === 'failed' && (
        <p className="map-status error">{t('mapFailed', { reason: status.reason })}</p>
      )}
    </div>
  )
}
