import { AdaptiveDpr, OrbitControls, PerformanceMonitor } from '@react-three/drei'
import { Canvas } from '@react-three/fiber'
import { useEffect, useReducer, useRef, useState } from 'react'

import { useT } from '@/i18n/use-t'
import { assetUrl } from '@/route/asset-url'
import { pickText } from '@/route/localised'
import type { Vec3 } from '@/route/schema'
import { currentStop } from '@/tour/tour-machine'
import { useTour } from '@/tour/tour-context'
import { ErrorBoundary } from '@/ui/error-boundary'

import { AutoOrbit } from './auto-orbit'
import { CameraCapture } from './camera-capture'
import { CameraRig, type CameraGoal } from './camera-rig'
import { ContextGuard } from './context-guard'
import { GpuStats } from './gpu-stats'
import { HotspotMarkers } from './hotspot-markers'
import { LightShow } from './light-show'
import { ModelStatus } from './model-status'
import { NightLighting } from './night-lighting'
import { HORIZON, NightSky } from './night-sky'
import { Placeholder } from './placeholder'
import { QUALITY_SETTINGS } from './quality'
import { RiverBank, type RiverBankApi } from './river-bank'
import { selectionFor, useSceneStore } from './scene-store'
import { INITIAL_SCENE_VIEW, sceneViewFlags, sceneViewReducer } from './scene-view-state'
import { VIEW_FOV, type Site } from './site-layout'
import { StopModel } from './stop-model'
import { useModel } from './use-model'
import { useNarrationCues } from './use-narration-cues'
import { Water } from './water'

/**
 * The one 3D canvas of the visit (one WebGL context): the open stop's model mounts inside it, keyed by stop,
 * and is disposed when it leaves. Renders on demand, so a listening visitor's battery is not spent on
 * identical frames. Survives a lost WebGL context without a reload.
 */
export function SceneCanvas() {
  useNarrationCues()
  const t = useT()
  const stop = useTour(currentStop)
  const packUrl = useTour((s) => s.packUrl)
  const lang = useTour((s) => s.lang)
  const defaultLang = useTour((s) => s.route.defaultLanguage)
  const viewId = useSceneStore((s) => selectionFor(s, stop?.id).viewId)
  const hotspotId = useSceneStore((s) => selectionFor(s, stop?.id).hotspotId)
  const chooseHotspot = useSceneStore((s) => s.chooseHotspot)
  const autoOrbit = useSceneStore((s) => s.autoOrbit)
  // The show plays only on a landmark the route gives a lighting programme; the choice is kept for the next one.
  const lightShow = useSceneStore((s) => s.lightShow) && stop?.model?.lightShow === true
  // The quality is measured only while the canvas draws continuously (the light show): frames drawn on demand
  // say nothing about frame rate.
  const [state, dispatch] = useReducer(sceneViewReducer, INITIAL_SCENE_VIEW)
  const { quality, overview, arrived } = state
  const bank = useRef<RiverBankApi>(null)
  const [placeBank] = useState(() => (site: Site | null) => bank.current?.place(site))
  const modelUrl = stop?.model ? assetUrl(packUrl, stop.model.src) : null
  const model = useModel(modelUrl)
  const load = model.load
  const onFramed = (frame: { position: Vec3; target: Vec3 }) => {
    if (stop) dispatch({ type: 'framed', stopId: stop.id, ...frame })
  }

  const view = stop?.views?.find((v) => v.id === viewId)
  let goal: CameraGoal | null = null
  if (stop && view) goal = { stopId: stop.id, viewId: view.id, position: view.position, target: view.target }
  else if (stop && overview?.stopId === stop.id) goal = { ...overview, viewId: 'overview' }

  const flags = sceneViewFlags(state, stop?.id, load)
  const { ready, shown } = flags
  const setShownStop = useSceneStore((s) => s.setShownStop)
  const setDrawn = useSceneStore((s) => s.setDrawn)
  useEffect(() => {
    if (shown && stop) setShownStop(stop.id)
  }, [shown, stop, setShownStop])
  return (
    <>
      <Canvas
        className="scene-canvas"
        frameloop="demand"
        dpr={[1, QUALITY_SETTINGS[quality].maxDpr]}
        // While the visitor drags, AdaptiveDpr draws at half resolution, then sharp again when they let go.
        performance={{ min: 0.5 }}
        camera={{ position: [120, 60, 160], fov: VIEW_FOV, near: 1, far: 20000 }}
        data-ready-stop={ready ? state.drawnStop : ''}
        data-view={ready && goal && arrived === `${goal.stopId}/${goal.viewId}` ? goal.viewId : ''}
        data-quality={quality}
      >
        <GpuStats />
        <CameraCapture />
        <ContextGuard
          onLost={() => dispatch({ type: 'context-lost' })}
          onRestored={() => {
            dispatch({ type: 'context-restored' })
            if (stop && state.drawnStop === stop.id) setDrawn(stop.id)
          }}
        />
        <color attach="background" args={[HORIZON]} />
        <fog attach="fog" args={[HORIZON, 900, 6000]} />
        <NightLighting />
        <NightSky />
        <Water reflection={QUALITY_SETTINGS[quality].reflection} />
        <RiverBank ref={bank} />
        {stop && (load?.status === 'failed' || load?.status === 'cancelled') && (
          <Placeholder key={stop.id} onPlaced={placeBank} onFramed={onFramed} />
        )}
        {stop?.model && modelUrl && load?.status === 'ready' && (
          <ErrorBoundary
            key={stop.id}
            onError={() => dispatch({ type: 'model-failed', stopId: stop.id })}
            fallback={<Placeholder onPlaced={placeBank} onFramed={onFramed} />}
          >
            <StopModel
              gltf={load.gltf}
              url={modelUrl}
              placement={stop.model}
              onPlaced={placeBank}
              onFramed={onFramed}
              onReady={() => {
                dispatch({ type: 'model-drawn', stopId: stop.id })
                setDrawn(stop.id)
              }}
            >
              {stop.hotspots && (
                <HotspotMarkers
                  hotspots={stop.hotspots}
                  chosenId={hotspotId}
                  labelOf={(h) => pickText(h.label, lang, defaultLang).text}
                  onChoose={(id) => chooseHotspot(stop.id, id)}
                />
              )}
            </StopModel>
          </ErrorBoundary>
        )}
        <CameraRig
          goal={goal}
          onArrive={(id) => dispatch({ type: 'arrived', stopId: stop?.id ?? '', viewId: id })}
        />
        <LightShow on={lightShow} />
        <AutoOrbit on={autoOrbit} />
        {lightShow && (
          <PerformanceMonitor
            flipflops={2}
            onDecline={() => dispatch({ type: 'quality', change: 'decline' })}
            onIncline={() => dispatch({ type: 'quality', change: 'incline' })}
            onFallback={() => dispatch({ type: 'quality', change: 'settle' })}
          />
        )}
        <AdaptiveDpr />
        {/* Only a visitor's drag lowers the resolution: the kiosk's swing moves the controls every frame, and
            regressing on every frame left its 3D view blank. */}
        <OrbitControls
          makeDefault
          regress={!autoOrbit}
          enableDamping={false}
          maxPolarAngle={Math.PI * 0.49}
        />
      </Canvas>
      {flags.failedMessage && <p className="scene-status error">{t('sceneFailed')}</p>}
      {flags.restoringMessage && <p className="scene-status">{t('sceneRestoring')}</p>}
      {flags.loadStatus && load && (
        <ModelStatus load={load} t={t} onCancel={model.cancel} onRetry={model.retry} />
      )}
      {flags.drawingMessage && <p className="scene-status">{t('sceneLoading')}</p>}
      <p className="scene-hint" aria-hidden="true">
        {t('sceneHint')}
      </p>
    </>
  )
}
