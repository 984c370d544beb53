import { OrbitControls, Stars } from '@react-three/drei'
import { Canvas } from '@react-three/fiber'
import { Suspense, useState } from 'react'

import { useT } from '@/i18n/use-t'
import { assetUrl } from '@/route/asset-url'
import { currentStop } from '@/tour/tour-machine'
import { useTour } from '@/tour/tour-context'
import { ErrorBoundary } from '@/ui/error-boundary'

import { NightLighting } from './night-lighting'
import { StopModel } from './stop-model'
import { Water } from './water'

/**
 * The one 3D canvas of the visit (one WebGL context): the open stop's model mounts inside it, keyed by stop,
 * and is disposed when it leaves. Renders on demand, so a listening visitor's battery is not spent on
 * identical frames.
 */
export function SceneCanvas() {
  const t = useT()
  const stop = useTour(currentStop)
  const packUrl = useTour((s) => s.packUrl)
  const [failedStop, setFailedStop] = useState<string | null>(null)
  const [readyStop, setReadyStop] = useState<string | null>(null)

  return (
    <>
      <Canvas
        className="scene-canvas"
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ position: [120, 60, 160], fov: 40, near: 1, far: 20000 }}
        data-ready-stop={readyStop ?? ''}
      >
        <color attach="background" args={['#060a16']} />
        <fog attach="fog" args={['#060a16', 900, 6000]} />
        <NightLighting />
        <Stars radius={4000} depth={600} count={1500} factor={60} fade speed={0} />
        <Water />
        {stop && (
          <ErrorBoundary key={stop.id} onError={() => setFailedStop(stop.id)} fallback={null}>
            <Suspense fallback={null}>
              <StopModel
                url={assetUrl(packUrl, stop.model.src)}
                onReady={() => {
                  setReadyStop(stop.id)
                  window.dispatchEvent(new CustomEvent('scene-ready', { detail: { stopId: stop.id } }))
                }}
              />
            </Suspense>
          </ErrorBoundary>
        )}
        <OrbitControls makeDefault enableDamping={false} maxPolarAngle={Math.PI * 0.49} />
      </Canvas>
      {stop && failedStop === stop.id && <p className="scene-status error">{t('sceneFailed')}</p>}
      {stop && readyStop !== stop.id && failedStop !== stop.id && (
        <p className="scene-status">{t('sceneLoading')}</p>
      )}
      <p className="scene-hint" aria-hidden="true">
        {t('sceneHint')}
      </p>
    </>
  )
}
