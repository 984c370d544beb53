import { lazy, Suspense, useState } from 'react'

import { useT } from '@/i18n/use-t'
import { MapView } from '@/map/map-view'
import { NarratorProvider } from '@/narration/narrator-context'
import { CreditsDialog } from '@/stop/credits-dialog'
import { LanguageSwitch } from '@/stop/language-switch'
import { StopList } from '@/stop/stop-list'
import { StopView } from './stop-view'
import { TourStoreContext, useTour } from '@/tour/tour-context'
import type { TourStore } from '@/tour/tour-store'
import { pickText } from '@/route/localised'

import { useUrlSync } from '../../use-url-sync'

// three, R3F and drei arrive in their own chunk, after the stop list has painted.
const SceneCanvas = lazy(() => import('@/scene/scene-canvas').then((m) => ({ default: m.SceneCanvas })))

/** The tourist's layout: header, map, the open stop (3D, player, story) and the list of stops. */
export function TourShell({ store }: { store: TourStore }) {
  useUrlSync(store)
  return (
    <TourStoreContext.Provider value={store}>
      <NarratorProvider>
        <TourLayout />
      </NarratorProvider>
    </TourStoreContext.Provider>
  )
}

function TourLayout() {
  const t = useT()
  const route = useTour((s) => s.route)
  const lang = useTour((s) => s.lang)
  const hasStop = useTour((s) => s.stopId !== null)
  const [creditsOpen, setCreditsOpen] = useState(false)
  // The 3D canvas is created on the first opened stop and then kept for the whole visit: one WebGL context.
  const [sceneWanted, setSceneWanted] = useState(hasStop)
  if (hasStop && !sceneWanted) setSceneWanted(true)
  const title = pickText(route.title, lang, route.defaultLanguage)

  return (
    <div className="tour">
      <header className="tour-header">
        <h1 lang={title.lang}>{title.text}</h1>
        <div className="tour-header-actions">
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => setCreditsOpen(true)}>
            {t('credits')}
          </button>
        </div>
      </header>
      <MapView />
      <main className="tour-main">
        <StopView
          scene={
            sceneWanted ? (
              <Suspense fallback={<p className="scene-status">{t('sceneLoading')}</p>}>
                <SceneCanvas />
              </Suspense>
            ) : null
          }
        />
        <StopList />
      </main>
      {creditsOpen && <CreditsDialog onClose={() => setCreditsOpen(false)} />}
    </div>
  )
}
