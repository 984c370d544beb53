import { useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Box3, Vector3, type PerspectiveCamera } from 'three'

import type { Vec3 } from '@/route/schema'

import { defaultBank, type Site } from './site-layout'
import { footprintOf, frameOn } from './stop-model'
import { useOrbitControls } from './use-orbit-controls'

const SIZE = 40

/**
 * Stands in for a model that could not be loaded (or whose loading the visitor stopped): an orange wireframe
 * box where the landmark would be, on its bank and framed as a landmark would be.
 */
export function Placeholder({
  onPlaced,
  onFramed,
}: {
  onPlaced: (site: Site | null) => void
  onFramed: (frame: { position: Vec3; target: Vec3 }) => void
}) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const controls = useOrbitControls()
  const invalidate = useThree((s) => s.invalidate)
  const callbacks = useRef({ onPlaced, onFramed })
  useEffect(() => {
    callbacks.current = { onPlaced, onFramed }
  })
  useEffect(() => {
    const box = new Box3(new Vector3(-SIZE / 2, 0, -SIZE / 2), new Vector3(SIZE / 2, SIZE, SIZE / 2))
    const footprint = footprintOf(box)
    const placed = callbacks.current
    placed.onPlaced({ footprint, banks: [defaultBank(footprint)] })
    placed.onFramed(frameOn(box, camera, controls))
    invalidate()
    return () => placed.onPlaced(null)
  }, [camera, controls, invalidate])
  return (
    <mesh position={[0, SIZE / 2, 0]}>
      <boxGeometry args={[SIZE, SIZE, SIZE]} />
      <meshBasicMaterial color="#f0a23a" wireframe />
    </mesh>
  )
}
