import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import { Box3, MathUtils, Vector3, type Group, type PerspectiveCamera } from 'three'
import type { GLTF } from 'three/addons/loaders/GLTFLoader.js'

import type { Vec3 } from '@/route/schema'

import { disposeObject3D } from './dispose-object3d'
import {
  bankHints,
  defaultBank,
  overviewCamera,
  overviewHint,
  type Footprint,
  type OverviewAngles,
  type Site,
  VIEW_FOV,
} from './site-layout'
import { useOrbitControls, type OrbitControlsLike } from './use-orbit-controls'

/** How a model sits in the scene, from the route JSON. */
export interface Placement {
  scale?: number | undefined
  rotation?: Vec3 | undefined
  anchor?: Vec3 | undefined
}

/**
 * Frames the camera on a placed landmark: the overview of `site-layout`, also the orbit's centre, through the
 * field of view the overview asks for (the usual one otherwise, so the next stop gets it back).
 */
export function frameOn(
  box: Box3,
  camera: PerspectiveCamera,
  controls: OrbitControlsLike | null,
  angles: OverviewAngles = {},
): { position: Vec3; target: Vec3 } {
  camera.fov = angles.fov ?? VIEW_FOV
  camera.updateProjectionMatrix()
  const { position, target } = overviewCamera(
    { min: box.min.toArray(), max: box.max.toArray() },
    camera.fov,
    camera.aspect,
    angles,
  )
  camera.position.set(...position)
  camera.lookAt(...target)
  if (controls) {
    controls.target.set(...target)
    controls.update()
  }
  return { position, target }
}

/** The ground plan of a box in the scene. */
export function footprintOf(box: Box3): Footprint {
  return { minX: box.min.x, maxX: box.max.x, minZ: box.min.z, maxZ: box.max.z }
}

/**
 * One stop's landmark, loaded (`useModel`): places it as the route says, frames the camera on it, tells the
 * shared river bank where it stands (`onPlaced`, null when it leaves), reports the first frame drawn with it,
 * and frees its GPU resources when it leaves. `children` (hotspot markers) live in the model's own
 * coordinates.
 */
export function StopModel({
  gltf,
  url,
  placement = {},
  onReady,
  onFramed,
  onPlaced,
  children,
}: {
  gltf: GLTF
  /** Where the model came from, to name it in a warning. */
  url: string
  placement?: Placement
  onReady: () => void
  onFramed?: (frame: { position: Vec3; target: Vec3 }) => void
  onPlaced?: (site: Site | null) => void
  children?: ReactNode
}) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const controls = useOrbitControls()
  const invalidate = useThree((s) => s.invalidate)
  const group = useRef<Group>(null)
  const model = useRef<Group>(null)
  const reported = useRef(false)
  const callbacks = useRef({ onFramed, onPlaced })
  useEffect(() => {
    callbacks.current = { onFramed, onPlaced }
  })
  const { scale = 1, rotation = [0, 0, 0], anchor = [0, 0, 0] } = placement
  const placementKey = JSON.stringify([scale, rotation, anchor])

  useLayoutEffect(() => {
    if (!group.current || !model.current) return
    group.current.updateWorldMatrix(true, true)
    const box = new Box3().setFromObject(group.current)
    const footprint = footprintOf(box)
    const hints = bankHints(gltf.scene.userData)
    if (hints.problem) console.warn(`${url}: ${hints.problem}`)
    // The model's banks are in its own metres and degrees: placed, scaled and turned with it.
    const toScene = model.current.matrixWorld
    const banks = (hints.banks ?? [defaultBank(footprint)]).map((bank) => {
      if (!hints.banks) return bank
      const at = new Vector3(bank.x, 0, bank.z).applyMatrix4(toScene)
      const a = MathUtils.degToRad(bank.facing)
      const out = new Vector3(Math.sin(a), 0, Math.cos(a)).transformDirection(toScene)
      return { x: at.x, z: at.z, facing: MathUtils.radToDeg(Math.atan2(out.x, out.z)) }
    })
    callbacks.current.onPlaced?.({ footprint, banks })
    // The angles a model asks for its overview, in the scene as placed.
    const view = overviewHint(gltf.scene.userData)
    if (view.problem) console.warn(`${url}: ${view.problem}`)
    // A focus names the part of the model to frame, in its own metres: placed with it.
    const focus = view.angles.focus
    const framed = focus
      ? new Box3(new Vector3(...focus.min), new Vector3(...focus.max)).applyMatrix4(toScene)
      : box
    callbacks.current.onFramed?.(frameOn(framed, camera, controls, view.angles))
    invalidate()
  }, [gltf, url, camera, controls, invalidate, placementKey])

  useEffect(
    () => () => {
      callbacks.current.onPlaced?.(null)
      // Loaded models are not cached across stops: a kiosk cycling for hours keeps one model in memory.
      disposeObject3D(gltf.scene)
    },
    [gltf],
  )

  useFrame(() => {
    if (reported.current) return
    reported.current = true
    // Reported after this frame has been drawn, so a screenshot then shows the model.
    requestAnimationFrame(onReady)
  })

  return (
    <group
      ref={group}
      scale={scale}
      rotation={[
        MathUtils.degToRad(rotation[0]),
        MathUtils.degToRad(rotation[1]),
        MathUtils.degToRad(rotation[2]),
      ]}
    >
      <group ref={model} position={[-anchor[0], -anchor[1], -anchor[2]]}>
        <primitive object={gltf.scene} />
        {children}
      </group>
    </group>
  )
}
