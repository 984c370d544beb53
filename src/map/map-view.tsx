import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'

import { useT } from '@/i18n/use-t'
import { pickText } from '@/route/localised'
import { useTour, useTourStore } from '@/tour/tour-context'

import { clearAttribution } from './attribution-clearance'
import { StillMap } from './still-map'
import { mapCamera } from './still-map-geometry'
import { coveredTop, useCoveredTop } from './use-covered-top'
import { useFollowStop } from './use-follow-stop'
import { useMapCues } from './use-map-cues'
import { useMapInteraction } from './use-map-interaction'
import { useMapLibre } from './use-maplibre'
import { useStopMarks } from './use-stop-marks'
import { useYouAreHere } from './use-you-are-here'

/**
 * The night map of the river: owns the container element and the one MapLibre map inside it. `children` are
 * laid over the top of the map (the position panel); an open stop is framed in the map below them.
 *
 * Until the map is wanted, the still map stands in for it. It is wanted from the start on a shared screen
 * (`live`: a kiosk, the studio's preview), and otherwise from the first touch of the map, the first story
 * playing (its cues move the map) or the first position followed (the boat's dot), and then kept.
 */
export function MapView({ children, live = false }: { children?: ReactNode; live?: boolean }) {
  const t = useT()
  const store = useTourStore()
  const container = useRef<HTMLDivElement>(null)
  const overlays = useRef<HTMLDivElement>(null)
  const covered = useCoveredTop(overlays)
  const needed = useTour((s) => s.narration.status === 'playing' || s.position.source !== null)
  const routeTitle = useTour((s) => pickText(s.route.title, s.lang, s.route.defaultLanguage).text)
  const [wanted, setWanted] = useState(live || needed)
  if ((live || needed) && !wanted) setWanted(true)
  const createStyle = useCallback(async () => {
    const { nightStyle } = await import('./night-layers')
    const { route, packUrl, lang } = store.getState()
    const style = nightStyle(route, packUrl, lang, route.map.attribution)
    // A screen read from further away (the kiosk's stylesheet) asks for larger symbols.
    const scale =
      container.current && getComputedStyle(container.current).getPropertyValue('--map-symbol-scale')
    if (!scale) return style
    const { withSymbolScale } = await import('./symbol-scale')
    return withSymbolScale(style, Number(scale))
  }, [store])
  const initialView = useCallback(() => {
    const { route, stopId } = store.getState()
    const element = container.current
    const [width, height] = [element?.clientWidth ?? 0, element?.clientHeight ?? 0]
    return mapCamera(route, stopId, width, height, coveredTop(overlays.current))
  }, [store])
  const { status, failedSources } = useMapLibre(container, createStyle, initialView, wanted)
  const map = status.state === 'ready' ? status.map : null
  // Opened from the keyboard, the live map takes the focus the still one had (its canvas pans with the arrows).
  const exploredByKeyboard = useRef(false)
  useEffect(() => {
    if (map && exploredByKeyboard.current) map.getCanvas().focus()
  }, [map])
  useFollowStop(map, overlays)
  useMapInteraction(map)
  useStopMarks(map)
  useMapCues(map)
  useYouAreHere(map)

  return (
    <div className="map-panel" aria-busy={status.state === 'loading'} data-state={status.state}>
      <div ref={container} className="map" role="region" aria-label={t('map', { route: routeTitle })} />
      {status.state !== 'ready' && (
        <StillMap
          coveredTop={covered}
          onExplore={
            status.state === 'failed'
              ? undefined
              : (by) => {
                  exploredByKeyboard.current = by === 'keyboard'
                  setWanted(true)
                }
          }
        />
      )}
      <div ref={overlays} className="map-overlays">
        {children}
      </div>
      {status.state === 'loading' && (
        <p className="map-status" role="status" ref={clearAttribution}>
          {t('mapLoading')}
        </p>
      )}
      {status.state === 'ready' && failedSources.length > 0 && (
        <p className="map-status error" ref={clearAttribution}>
          {t('mapLayersFailed', { layers: failedSources.join(', ') })}
        </p>
      )}
      {status.state === 'failed' && (
        <p className="map-status error" ref={clearAttribution}>
          {t('mapFailed', { reason: status.reason })}
        </p>
      )}
    </div>
  )
}
