import { useEffect, useMemo, useRef, useState } from 'react'

import { prefersReducedMotion } from '@/lib/reduced-motion'
import { useNarrator } from '@/narration/narrator-context'
import type { Route } from '@/route/schema'
import { useSceneStoreApi } from '@/scene/scene-store'
import { useTourStore } from '@/tour/tour-context'
import { createTourStore } from '@/tour/tour-store'

import { TourShell } from '../tour/tour-shell'

import { dwellOver, openingStep, openingStops, type SailTo } from './attract-loop'
import { KioskOverlay } from './kiosk-overlay'
import { resolveKioskSettings, type KioskSettings } from './kiosk-settings'
import { lockDown } from './lock-down'
import { watchdogVerdict } from './watchdog'

import './kiosk.css'

/**
 * The museum touch screen: the tour's views in a large-type layout, locked down, with an attract loop while
 * nobody touches it and a reset to the start and the default language after `idleSeconds` without a touch.
 * A reset is a new tour store (a new visit), not a hand-written reset of every field.
 */
export function KioskShell({
  route,
  packUrl,
  publicUrl,
}: {
  route: Route
  packUrl: string
  /** Where visitors' phones open the tour (the route index's `publicUrl`); else the kiosk's own address. */
  publicUrl: string | undefined
}) {
  const settings = useMemo(
    () => resolveKioskSettings(route, location.search, prefersReducedMotion()),
    [route],
  )
  const [visit, setVisit] = useState(0)
  // While nobody touches the screen, the attract loop runs; a new visit starts with it.
  const [attracting, setAttracting] = useState(true)
  const store = useMemo(
    () => createTourStore(route, { lang: route.defaultLanguage, packUrl }),
    // A new visit is a new store; `visit` is the reason to make one.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- because visit only triggers the new store
    [route, packUrl, visit],
  )
  useEffect(() => {
    document.documentElement.classList.add('kiosk-mode')
    const unlock = lockDown(document)
    return () => {
      unlock()
      document.documentElement.classList.remove('kiosk-mode')
    }
  }, [])

  return (
    <div className="kiosk" data-visit={visit}>
      <TourShell
        store={store}
        sharedScreen
        mapOverlay={<KioskOverlay attracting={attracting} publicUrl={publicUrl} />}
      >
        <KioskDriver
          key={visit}
          settings={settings}
          attracting={attracting}
          setAttracting={setAttracting}
          onReset={() => {
            setVisit((v) => v + 1)
            setAttracting(true)
          }}
        />
      </TourShell>
    </div>
  )
}

const INTERACTIONS = ['pointerdown', 'keydown', 'wheel'] as const
/** How long the attract loop waits for a stop's landmark to appear before it counts the dwell time anyway. */
const SCENE_WAIT_SECONDS = 20
const DWELL_CHECK_MS = 100

/**
 * Runs inside the visit's providers: the attract loop (a simulated cruise that sails the course, starts each
 * stop's story as the boat reaches it, and sails on after the dwell time), the hand-over on the first touch,
 * the idle reset and the watchdog. Publishes its state on the kiosk element for staff and tests.
 */
function KioskDriver({
  settings,
  attracting,
  setAttracting,
  onReset,
}: {
  settings: KioskSettings
  attracting: boolean
  setAttracting: (on: boolean) => void
  onReset: () => void
}) {
  const store = useTourStore()
  const scene = useSceneStoreApi()
  const narrator = useNarrator()
  const lastTouch = useRef(0)
  /** When the current stop was opened, when its landmark was first drawn (null: not yet), and the last sign of life. */
  const openedAt = useRef(0)
  const shownAt = useRef<number | null>(null)
  const progressAt = useRef(0)
  const resetsInARow = useRef(0)

  useEffect(() => {
    // Sound for the attract loop is a museum's choice; a visitor's touch always brings it back.
    void import('howler').then(({ Howler }) => Howler.mute(attracting && !settings.sound))
  }, [attracting, settings.sound])

  useEffect(() => {
    // The visit opens on the route's most striking stops (kiosk.attract), the boat put just before each in turn;
    // then it sails round and round the course until someone touches. Without opening stops: from the start.
    const opening = openingStops(store.getState().route)
    const sail = (to?: SailTo) =>
      store.getState().dispatch({
        type: 'simulate',
        speedup: settings.speedup,
        loop: true,
        follow: true,
        ...(to && { fromStopId: to.stopId, heard: to.heard }),
      })
    sail(opening[0] === undefined ? undefined : { stopId: opening[0], heard: [] })
    let shown = 0
    return store.subscribe(
      (s) => s,
      (state) => {
        // A visitor's touch stops the boat (position-off): the opening is over too.
        if (state.position.source !== 'simulated') return
        const step = openingStep(state, opening, shown)
        shown = step.shown
        if (step.sailTo) sail(step.sailTo)
      },
    )
  }, [store, settings.speedup])

  useEffect(() => {
    // While the loop runs, the 3D view swings slowly about each landmark, and a landmark with a lighting
    // programme plays its light show (neither with reduced motion). A visitor's touch stops the swing and leaves the
    // show as it is, for them to turn off.
    scene.getState().setAutoOrbit(attracting && !settings.reducedMotion)
    if (!attracting) return
    const showLights = (stopId: string | null) =>
      scene
        .getState()
        .setLightShow(
          !settings.reducedMotion &&
            store.getState().route.stops.find((s) => s.id === stopId)?.model?.lightShow === true,
        )
    showLights(store.getState().stopId)
    const offStop = store.subscribe((s) => s.stopId, showLights)
    return () => {
      offStop()
      scene.getState().setAutoOrbit(false)
    }
  }, [attracting, settings.reducedMotion, store, scene])

  useEffect(() => {
    let handedOver = false
    const onInteraction = () => {
      lastTouch.current = performance.now()
      if (handedOver) return
      handedOver = true
      // The hand-over: the boat stops where it is, the story on screen goes on, nothing else moves.
      store.getState().dispatch({ type: 'position-off' })
      setAttracting(false)
    }
    for (const type of INTERACTIONS)
      document.addEventListener(type, onInteraction, { capture: true, passive: true })
    return () => {
      for (const type of INTERACTIONS) document.removeEventListener(type, onInteraction, { capture: true })
    }
  }, [store, setAttracting])

  useEffect(
    () =>
      // The loop lets visitors see each landmark: the dwell time counts from the first 3D frame of the stop.
      scene.subscribe((s, previous) => {
        if (s.drawn === previous.drawn) return
        if (s.drawn?.stopId === store.getState().stopId && shownAt.current === null)
          shownAt.current = performance.now()
      }),
    [scene, store],
  )

  useEffect(() => {
    openedAt.current = progressAt.current = performance.now()
    const offStop = store.subscribe(
      (s) => s.stopId,
      (stopId) => {
        openedAt.current = performance.now()
        // An interlude has no 3D view to wait for: it is on screen as soon as it opens.
        const hasModel = store.getState().route.stops.find((s) => s.id === stopId)?.model !== undefined
        shownAt.current = hasModel ? null : openedAt.current
        resetsInARow.current = 0
      },
    )
    // Signs of life for the watchdog: the boat moves, or the story being told moves on.
    const offProgress = store.subscribe(
      (s) => `${s.stopId} ${s.position.cruise?.time ?? 0} ${s.narration.time}`,
      () => (progressAt.current = performance.now()),
    )
    return () => {
      offStop()
      offProgress()
    }
  }, [store])

  useEffect(() => {
    if (!attracting) return
    // Checked ten times a second (not on the watchdog's half-second), so that a short dwell is kept to 0.1 s.
    const dwell = setInterval(() => {
      // A landmark that never draws (a broken model) must not stop the loop: the dwell then counts from
      // SCENE_WAIT_SECONDS after the stop opened.
      const shown = shownAt.current ?? openedAt.current + SCENE_WAIT_SECONDS * 1000
      const secondsShown = Math.max(0, performance.now() - shown) / 1000
      if (dwellOver(store.getState(), secondsShown, settings.dwellSeconds)) narrator.pause()
    }, DWELL_CHECK_MS)
    return () => clearInterval(dwell)
  }, [attracting, settings.dwellSeconds, store, narrator])

  useEffect(() => {
    const tick = setInterval(() => {
      const now = performance.now()
      const state = store.getState()
      const root = document.querySelector<HTMLElement>('.kiosk')
      if (root) {
        root.dataset.attract = String(attracting)
        root.dataset.liveHowls = String(narrator.liveHowls)
        root.dataset.boat = state.position.fix?.position.map((v) => v.toFixed(5)).join(',') ?? ''
      }
      if (!attracting && now - lastTouch.current > settings.idleSeconds * 1000) {
        onReset()
        return
      }
      const memory = (
        performance as Performance & { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } }
      ).memory
      const gpu = window.__sceneStats
      const verdict = watchdogVerdict(
        {
          secondsSinceProgress: (now - progressAt.current) / 1000,
          attracting,
          dwellSeconds: settings.dwellSeconds,
          ...(memory ? { heapUsed: memory.usedJSHeapSize, heapLimit: memory.jsHeapSizeLimit } : {}),
          ...(gpu ? { geometries: gpu.geometries, textures: gpu.textures } : {}),
        },
        resetsInARow.current,
      )
      if (verdict === 'reset') {
        resetsInARow.current++
        console.warn('kiosk watchdog: resetting the visit')
        onReset()
      } else if (verdict === 'reload' && attracting) {
        // Last resort, and only at a quiet moment: nobody is using the screen while the loop runs.
        console.warn('kiosk watchdog: reloading the page')
        location.reload()
      }
    }, 500)
    return () => clearInterval(tick)
  }, [attracting, settings, store, narrator, onReset])

  return null
}
