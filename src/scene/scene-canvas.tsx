import { AdaptiveDpr, OrbitControls, PerformanceMonitor } from '@react-three/drei'
import { Canvas } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'

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
import { declined, inclined, QUALITY_SETTINGS, settled, type Quality } from './quality'
import { RiverBank, type RiverBankApi } from './river-bank'
import { selectionFor, useSceneStore } from './scene-store'
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
  // Full quality until a PerformanceMonitor measures that this device cannot keep up. It measures only while
  // the canvas draws continuously (the light show): frames drawn on demand say nothing about frame rate.
  const [quality, setQuality] = useState<Quality>('high')
  const bank = useRef<RiverBankApi>(null)
  const [placeBank] = useState(() => (site: Site | null) => bank.current?.place(site))
  const [failedStop, setFailedStop] = useState<string | null>(null)
  const [readyStop, setReadyStop] = useState<string | null>(null)
  const [lost, setLost] = useState(false)
  const [overview, setOverview] = useState<{ stopId: string; position: Vec3; target: Vec3 } | null>(null)
  const [arrived, setArrived] = useState('')
  const modelUrl = stop?.model ? assetUrl(packUrl, stop.model.src) : null
  const model = useModel(modelUrl)
  const load = model.load
  const onFramed = (frame: { position: Vec3; target: Vec3 }) => {
    if (!stop) return
    setOverview({ stopId: stop.id, ...frame })
    setArrived(`${stop.id}/overview`)
  }

  const view = stop?.views?.find((v) => v.id === viewId)
  let goal: CameraGoal | null = null
  if (stop && view) goal = { stopId: stop.id, viewId: view.id, position: view.position, target: view.target }
  else if (stop && overview?.stopId === stop.id) goal = { ...overview, viewId: 'overview' }

  // Drawn with this stop's model, and not one drawn on an earlier visit to the stop while this one loads.
  const ready = !lost && load?.status === 'ready' && readyStop !== null && readyStop === stop?.id
  // Shown: the stop's model drawn, or the stand-in (and its message) for a model that failed or was stopped.
  const shown =
    stop !== undefined &&
    (ready || failedStop === stop.id || load?.status === 'failed' || load?.status === 'cancelled')
  const setShownStop = useSceneStore((s) => s.setShownStop)
  const setDrawn = useSceneStore((s) => s.setDrawn)
  useEffect(() => {
    if (shown) setShownStop(stop.id)
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
        data-ready-stop={ready ? readyStop : ''}
        data-view={ready && goal && arrived === `${goal.stopId}/${goal.viewId}` ? goal.viewId : ''}
        data-quality={quality}
      >
        <GpuStats />
        <CameraCapture />
        <ContextGuard
          onLost={() => setLost(true)}
          onRestored={() => {
            setLost(false)
            if (stop && readyStop === stop.id) setDrawn(stop.id)
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
            onError={() => setFailedStop(stop.id)}
            fallback={<Placeholder onPlaced={placeBank} onFramed={onFramed} />}
          >
            <StopModel
              gltf={load.gltf}
              url={modelUrl}
              placement={stop.model}
              onPlaced={placeBank}
              onFramed={onFramed}
              onReady={() => {
                setReadyStop(stop.id)
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
        <CameraRig goal={goal} onArrive={(id) => setArrived(`${stop?.id ?? ''}/${id}`)} />
        <LightShow on={lightShow} />
        <AutoOrbit on={autoOrbit} />
        {lightShow && (
          <PerformanceMonitor
            flipflops={2}
            onDecline={() => setQuality(declined)}
            onIncline={() => setQuality(inclined)}
            onFallback={() => setQuality(settled)}
          />
        )}
        <AdaptiveDpr />
        <OrbitControls makeDefault regress enableDamping={false} maxPolarAngle={Math.PI * 0.49} />
      </Canvas>
      {stop && failedStop === stop.id && <p className="scene-status error">{t('sceneFailed')}</p>}
      {stop && lost && <p className="scene-status">{t('sceneRestoring')}</p>}
      {stop && !lost && failedStop !== stop.id && load && load.status !== 'ready' && (
        <ModelStatus load={load} t={t} onCancel={model.cancel} onRetry={model.retry} />
      )}
      {stop && !lost && failedStop !== stop.id && load?.status === 'ready' && readyStop !== stop.id && (
        <p className="scene-status">{t('sceneLoading')}</p>
      )}
      <p className="scene-hint" aria-hidden="true">
        {t('sceneHint')}
      </p>
    </>
  )
}
