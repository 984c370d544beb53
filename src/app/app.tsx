import { lazy, startTransition, Suspense, useEffect, useState } from 'react'

import { negotiateLanguage, parseLang } from '@/i18n/negotiate'
import { translate, type MessageKey } from '@/i18n/messages'
import type { LoadedRoute, RouteFailure } from '@/route/load-route'
import { loadRouteOffThread } from '@/route/load-route-off-thread'
import { formatProblem } from '@/route/problem'
import type { Lang } from '@/route/schema'
import { preloadPoster } from '@/scene/scene-poster'
import { createTourStore, type TourStore } from '@/tour/tour-store'

import { TourShell } from './modes/tour/tour-shell'
import { readUrlState } from './url-state'
import { rememberedLanguage } from './use-url-sync'

// The kiosk shell is for museum screens only; phones never download it.
const KioskShell = lazy(() => import('./modes/kiosk/kiosk-shell').then((m) => ({ default: m.KioskShell })))

// The curators' studio (CodeMirror and all) is its own chunk too.
const StudioShell = lazy(() =>
  import('./modes/studio/studio-shell').then((m) => ({ default: m.StudioShell })),
)

const ROUTES_URL = new URL(`${import.meta.env.BASE_URL}routes-data/`, location.href).href

/** `?mode=`: a museum kiosk, the curators' studio, or (null) the tourist's tour. */
function pageMode(): string | null {
  return new URLSearchParams(location.search).get('mode')
}

function browserLanguage(): Lang {
  return negotiateLanguage(navigator.languages, ['zh-Hans', 'en', 'yue'], 'en')
}

/** Loads the route named in the URL (or the default), then shows the tour; a broken route shows its problems. */
export function App() {
  if (pageMode() === 'studio') {
    return (
      <Suspense fallback={null}>
        <StudioShell />
      </Suspense>
    )
  }
  return <TourApp />
}

function TourApp() {
  const [loaded, setLoaded] = useState<{ result: LoadedRoute; store?: TourStore } | null>(null)

  useEffect(() => {
    let cancelled = false
    const url = readUrlState(location.search)
    void loadRouteOffThread(ROUTES_URL, url.routeId).then((result) => {
      if (cancelled) return
      if (!result.ok) {
        setLoaded({ result })
        return
      }
      const { route } = result
      // A kiosk starts its 3D view at once: no poster.
      if (pageMode() !== 'kiosk') {
        preloadPoster(
          route.stops.find((stop) => stop.id === url.stopId),
          result.packUrl,
        )
      }
      const lang =
        parseLang(url.lang, route.languages) ??
        parseLang(rememberedLanguage(), route.languages) ??
        negotiateLanguage(navigator.languages, route.languages, route.defaultLanguage)
      const store = createTourStore(route, { stopId: url.stopId, lang, packUrl: result.packUrl })
      // A transition: React renders the tour in slices, giving the main thread back between them, so a phone
      // stays responsive while the first view is built (only the commit to the page is one piece).
      startTransition(() => setLoaded({ result, store }))
    })
    return () => {
      cancelled = true
    }
  }, [])

  if (!loaded) {
    return (
      <p className="status" role="status">
        {translate(browserLanguage(), 'loadingRoute')}
      </p>
    )
  }
  if (!loaded.result.ok || !loaded.store) {
    return <RouteProblems result={loaded.result} />
  }
  if (pageMode() === 'kiosk') {
    return (
      <Suspense fallback={null}>
        <KioskShell
          route={loaded.result.route}
          packUrl={loaded.result.packUrl}
          publicUrl={loaded.result.index.publicUrl}
        />
      </Suspense>
    )
  }
  return <TourShell store={loaded.store} />
}

/** What the visitor is told for each reason a route could not be opened: a title, and what to do. */
const FAILURE_TEXT = {
  offline: ['routeOffline', 'routeOfflineHint'],
  timeout: ['routeTimeout', 'routeTimeoutHint'],
  server: ['routeServerError', 'routeServerErrorHint'],
  link: ['routeLink', null],
  invalid: ['routeFailed', 'routeFailedHint'],
} as const satisfies Record<RouteFailure, readonly [MessageKey, MessageKey | null]>

/**
 * Why the route could not be opened, told truthfully: the connection and the server are the visitor's to retry;
 * only an invalid route file speaks to curators, with its problems listed.
 */
function RouteProblems({ result }: { result: LoadedRoute }) {
  const lang = browserLanguage()
  if (result.ok) return null
  const [title, hint] = FAILURE_TEXT[result.failure]
  const retry = result.failure === 'offline' || result.failure === 'timeout' || result.failure === 'server'
  return (
    <main className="route-problems" data-failure={result.failure}>
      <h1>{translate(lang, title)}</h1>
      {hint && <p>{translate(lang, hint)}</p>}
      {result.message && <p className="problem">{`${result.file}: ${result.message}`}</p>}
      <p>
        {retry ? (
          <button type="button" onClick={() => location.reload()}>
            {translate(lang, 'tryAgain')}
          </button>
        ) : (
          <a href={location.pathname}>{translate(lang, 'openDefaultRoute')}</a>
        )}
      </p>
      <ul>
        {result.problems.map((p, i) => (
          <li key={i} className="problem">
            {formatProblem(result.file, p)}
          </li>
        ))}
      </ul>
    </main>
  )
}
