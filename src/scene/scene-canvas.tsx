import { AdaptiveDpr, OrbitControls, Stars } from '@react-three/drei'
import { Canvas } from '@react-three/fiber'
import { Suspense, useState } from 'react'

import { useT } from '@/i18n/use-t'
import { assetUrl } from '@/route/asset-url'
import { pickText } from '@/route/localised'
import type { Vec3 } from '@/route/schema'
import { currentStop } from '@/tour/tour-machine'
import { useTour } from '@/tour/tour-context'
import { ErrorBoundary } from '@/ui/error-boundary'

import { CameraRig, type CameraGoal } from './camera-rig'
import { ContextGuard } from './context-guard'
import { GpuStats } from './gpu-stats'
import { HotspotMarkers } from './hotspot-markers'
import { LightShow } from './light-show'
import { NightLighting } from './night-lighting'
import { selectionFor, useSceneStore } from './scene-store'
import { StopModel } from './stop-model'
import { useNarrationCues } from './use-narration-cues'
import { Water } from './water'

/** Stands in for a model that could not be loaded, so the scene still shows where the landmark would be. */
function Placeholder() {
  return (
    <mesh position={[0, 20, 0]}>
      <boxGeometry args={[40, 40, 40]} />
      <meshBasicMaterial color="#f0a23a" wireframe />
    </mesh>
  )
}

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
  const lightShow = useSceneStore((s) => s.lightShow)
  // Full resolution up to 2× until the light show measures that this phone cannot keep up.
  const [maxDpr, setMaxDpr] = useState(2)
  const [failedStop, setFailedStop] = useState<string | null>(null)
  const [readyStop, setReadyStop] = useState<string | null>(null)
  const [lost, setLost] = useState(false)
  const [overview, setOverview] = useState<{ stopId: string; position: Vec3; target: Vec3 } | null>(null)
  const [arrived, setArrived] = useState('')

  const view = stop?.views?.find((v) => v.id === viewId)
  let goal: CameraGoal | null = null
  if (stop && view) goal = { stopId: stop.id, viewId: view.id, position: view.position, target: view.target }
  else if (stop && overview?.stopId === stop.id) goal = { ...overview, viewId: 'overview' }

  const ready = !lost && readyStop !== null && readyStop === stop?.id
  return (
    <>
      <Canvas
        className="scene-canvas"
        frameloop="demand"
        dpr={[1, maxDpr]}
        // While the visitor drags, AdaptiveDpr draws at half resolution, then sharp again when they let go.
        performance={{ min: 0.5 }}
        camera={{ position: [120, 60, 160], fov: 40, near: 1, far: 20000 }}
        data-ready-stop={ready ? readyStop : ''}
        data-view={ready && goal && arrived === `${goal.stopId}/${goal.viewId}` ? goal.viewId : ''}
      >
        <GpuStats />
        <ContextGuard
          onLost={() => setLost(true)}
          onRestored={() => {
            setLost(false)
            if (stop && readyStop === stop.id) {
              window.dispatchEvent(new CustomEvent('scene-ready', { detail: { stopId: stop.id } }))
            }
          }}
        />
        <color attach="background" args={['#060a16']} />
        <fog attach="fog" args={['#060a16', 900, 6000]} />
        <NightLighting />
        <Stars radius={4000} depth={600} count={1500} factor={60} fade speed={0} />
        <Water />
        {stop && (
          <ErrorBoundary key={stop.id} onError={() => setFailedStop(stop.id)} fallback={<Placeholder />}>
            <Suspense fallback={null}>
              <StopModel
                url={assetUrl(packUrl, stop.model.src)}
                placement={stop.model}
                onFramed={(frame) => {
                  setOverview({ stopId: stop.id, ...frame })
                  setArrived(`${stop.id}/overview`)
                }}
                onReady={() => {
                  setReadyStop(stop.id)
                  window.dispatchEvent(new CustomEvent('scene-ready', { detail: { stopId: stop.id } }))
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
            </Suspense>
          </ErrorBoundary>
        )}
        <CameraRig goal={goal} onArrive={(id) => setArrived(`${stop?.id ?? ''}/${id}`)} />
        <LightShow on={lightShow} onSlow={() => setMaxDpr(1)} />
        <AdaptiveDpr />
        <OrbitControls makeDefault regress enableDamping={false} maxPolarAngle={Math.PI * 0.49} />
      </Canvas>
      {stop && failedStop === stop.id && <p className="scene-status error">{t('sceneFailed')}</p>}
      {stop && lost && <p className="scene-status">{t('sceneRestoring')}</p>}
      {stop && !lost && readyStop !== stop.id && failedStop !== stop.id && (
        <p className="scene-status">{t('sceneLoading')}</p>
      )}
      <p className="scene-hint" aria-hidden="true">
        {t('sceneHint')}
      </p>
    </>
  )
}
