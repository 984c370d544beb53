import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'

import { useT } from '@/i18n/use-t'
import { afterFirstPaint } from '@/lib/after-first-paint'
import { useUserActivated } from '@/lib/user-activation'
import { MapView } from '@/map/map-view'
import { NarratorProvider } from '@/narration/narrator-context'
import { NextStopLine, SideHint } from '@/position/boat-views'
import { PositionPanel } from '@/position/position-panel'
import { PositionSources } from '@/position/position-sources'
import { OfflineNotice } from '@/offline/offline-notice'
import { UpdatePrompt } from '@/offline/update-prompt'
import { LanguageSwitch } from '@/stop/language-switch'
import { posterFirst, ScenePoster } from '@/scene/scene-poster'
import { createSceneStore, SceneStoreContext, useSceneStore, type SceneStoreApi } from '@/scene/scene-store'
import { RouteIntroduction } from '@/stop/route-introduction'
import { StopList } from '@/stop/stop-list'
import { StopView } from './stop-view'
import { currentStop } from '@/tour/tour-machine'
import { TourStoreContext, useTour } from '@/tour/tour-context'
import type { TourStore } from '@/tour/tour-store'
import { pickText } from '@/route/localised'

import { ErrorBoundary } from '@/ui/error-boundary'

import { useUrlSync } from '../../use-url-sync'

import './tour-phone.css'

// three, R3F and drei arrive in their own chunk, once the stop list (or a deep link's stop text) is on screen:
// asked for earlier, their 280 KB compete with that first paint on a slow link.
const SceneCanvas = lazy(() =>
  afterFirstPaint()
    .then(() => import('@/scene/scene-canvas'))
    .then((m) => ({ default: m.SceneCanvas })),
)
// Opened by a tap on "Credits" only.
const CreditsDialog = lazy(() => import('@/stop/credits-dialog').then((m) => ({ default: m.CreditsDialog })))
// The offline download sits at the end of the introduction: it need not be in the first chunk.
const OfflineDownload = lazy(() =>
  import('@/offline/offline-download').then((m) => ({ default: m.OfflineDownload })),
)

/**
 * One scene store per tour store: a new visit (a kiosk reset, another route) starts the 3D view afresh too, with
 * no light show left on by the last visitor.
 */
const sceneStores = new WeakMap<TourStore, SceneStoreApi>()
function sceneStoreOf(store: TourStore): SceneStoreApi {
  let scene = sceneStores.get(store)
  if (!scene) sceneStores.set(store, (scene = createSceneStore()))
  return scene
}

/**
 * The tourist's layout: header, map, the open stop (3D, player, story) and the list of stops.
 * `sharedScreen`: a kiosk or a studio preview, where one visit follows another: history entries are replaced and
 * nothing is remembered for the next visitor. `mapOverlay`: what a shared screen lays over the top of its map
 * (the kiosk's invitation and QR code), where a phone has its position panel.
 */
export function TourShell({
  store,
  sharedScreen = false,
  mapOverlay,
  children,
}: {
  store: TourStore
  sharedScreen?: boolean
  mapOverlay?: ReactNode
  children?: ReactNode
}) {
  useUrlSync(store, { sharedScreen })
  const scene = sceneStoreOf(store)
  return (
    <TourStoreContext.Provider value={store}>
      <SceneStoreContext.Provider value={scene}>
        <NarratorProvider sharedScreen={sharedScreen}>
          <PositionSources simulateFromUrl={!sharedScreen} />
          <TourLayout sharedScreen={sharedScreen} mapOverlay={mapOverlay} />
          {children}
        </NarratorProvider>
      </SceneStoreContext.Provider>
    </TourStoreContext.Provider>
  )
}

/**
 * A phone is offered GPS and the simulation, and starts with the still map; a shared screen drives its own
 * simulated boat on the live map from the start.
 */
function TourLayout({ sharedScreen, mapOverlay }: { sharedScreen: boolean; mapOverlay: ReactNode }) {
  const t = useT()
  const route = useTour((s) => s.route)
  const lang = useTour((s) => s.lang)
  const stop = useTour(currentStop)
  const packUrl = useTour((s) => s.packUrl)
  const [creditsOpen, setCreditsOpen] = useState(false)
  // A stop opened from a link shows its poster first: three and the model (300 KB, and seconds of a phone's
  // main thread) wait for the visitor's first touch. The stop a tap opens starts its 3D view at once.
  const [linkedStopId] = useState(() => stop?.id ?? null)
  const activated = useUserActivated()
  const waitsBehindPoster = posterFirst({ sharedScreen, activated, stop, linkedStopId })
  // The 3D canvas is created on the first opened stop and then kept for the whole visit: one WebGL context.
  const [sceneWanted, setSceneWanted] = useState(false)
  if (stop?.model && !waitsBehindPoster && !sceneWanted) setSceneWanted(true)
  // The poster gives way once the canvas has shown the linked stop, for good.
  const linkedShown = useSceneStore((s) => s.shownStopId !== null && s.shownStopId === linkedStopId)
  const [posterDone, setPosterDone] = useState(false)
  if (linkedShown && !posterDone) setPosterDone(true)
  const showPoster = !sharedScreen && !posterDone && stop !== undefined && stop.id === linkedStopId
  const title = pickText(route.title, lang, route.defaultLanguage)
  const summary = pickText(route.summary, lang, route.defaultLanguage).text
  // The page is named after the route it shows, in the visitor's language (index.html names the default one).
  useEffect(() => {
    document.title = title.text
    document.querySelector('meta[name="description"]')?.setAttribute('content', summary)
  }, [title.text, summary])
  // On a phone the map shrinks to a strip while a stop is open (the stop's view and the player need the
  // screen); one tap brings it back, until the next stop opens.
  const [mapLargeFor, setMapLargeFor] = useState<string | null>(null)
  const mapSmall = !sharedScreen && stop !== undefined && mapLargeFor !== stop.id
  // Offered on the introduction ("before you board"); under the stop list while a stop is open, or when the
  // route has no introduction. A download in progress goes on between the two. Not on a shared screen: a kiosk
  // is not the visitor's to keep, and a studio preview's draft is not published.
  const offlineDownload = sharedScreen ? null : (
    <Suspense fallback={null}>
      <OfflineDownload />
    </Suspense>
  )

  return (
    <div
      className={sharedScreen ? 'tour' : 'tour phone'}
      data-map={stop === undefined || sharedScreen ? undefined : mapSmall ? 'small' : 'large'}
    >
      <header className="tour-header">
        <h1 lang={title.lang}>{title.text}</h1>
        <div className="tour-header-actions">
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => setCreditsOpen(true)}>
            {t('credits')}
          </button>
        </div>
        <OfflineNotice />
      </header>
      <ErrorBoundary
        fallback={
          <div className="map-panel">
            <p className="map-status error">{t('viewFailed', { what: t('map', { route: title.text }) })}</p>
          </div>
        }
      >
        <MapView live={sharedScreen}>
          {sharedScreen ? (
            mapOverlay
          ) : (
            <div className="map-bar">
              <PositionPanel />
              {stop && (
                <button
                  type="button"
                  className="map-size"
                  aria-pressed={!mapSmall}
                  onClick={() => setMapLargeFor(mapSmall ? stop.id : null)}
                >
                  {t('mapLarger')}
                </button>
              )}
              <NextStopLine />
            </div>
          )}
        </MapView>
      </ErrorBoundary>
      <main className="tour-main">
        <StopView
          side={stop && <SideHint stop={stop} />}
          scene={
            <>
              {sceneWanted && (
                <ErrorBoundary
                  fallback={<p className="scene-status error">{t('viewFailed', { what: '3D' })}</p>}
                >
                  <Suspense fallback={<p className="scene-status">{t('sceneLoading')}</p>}>
                    <SceneCanvas />
                  </Suspense>
                </ErrorBoundary>
              )}
              {showPoster && <ScenePoster stop={stop} packUrl={packUrl} />}
              {!sceneWanted && stop && (
                <p className="scene-hint" aria-hidden="true">
                  {t('sceneHint')}
                </p>
              )}
            </>
          }
        />
        <RouteIntroduction download={offlineDownload} />
        <StopList />
        {(stop || !route.introduction) && offlineDownload}
      </main>
      <UpdatePrompt />
      {creditsOpen && (
        <Suspense fallback={null}>
          <CreditsDialog onClose={() => setCreditsOpen(false)} />
        </Suspense>
      )}
    </div>
  )
}
