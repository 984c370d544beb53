import { Html } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useRef } from 'react'
import { Matrix4, Raycaster, Vector3, type Group } from 'three'

import type { Hotspot } from '@/route/schema'

/**
 * A marker on the far side of the landmark is hidden: something of the model lies between it and the camera,
 * nearer than the marker by more than this share of the distance (markers sit on the surface they describe).
 */
const OCCLUSION_MARGIN = 0.03

/**
 * Tappable markers at the stop's hotspots, in the model's own coordinates (render inside the placed model,
 * which they test for being hidden behind). They are for pointers and touch: keyboard and screen-reader users
 * get the same hotspots as a list of buttons under the view, so the markers stay out of the tab order and the
 * accessibility tree. The label is text content, never markup.
 */
export function HotspotMarkers({
  hotspots,
  chosenId,
  labelOf,
  onChoose,
}: {
  hotspots: Hotspot[]
  chosenId: string | null
  labelOf: (hotspot: Hotspot) => string
  onChoose: (id: string | null) => void
}) {
  const group = useRef<Group>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const seenFrom = useRef<Matrix4 | null>(null)
  const ray = useRef(new Raycaster())
  const invalidate = useThree((s) => s.invalidate)

  // One ray per marker from the camera, only when the camera has moved (or a marker just appeared).
  useFrame(({ camera }) => {
    const model = group.current?.parent
    if (!model || buttons.current.size === 0) return
    if (seenFrom.current?.equals(camera.matrixWorld)) return
    seenFrom.current = camera.matrixWorld.clone()
    const eye = new Vector3().setFromMatrixPosition(camera.matrixWorld)
    const at = new Vector3()
    for (const hotspot of hotspots) {
      const button = buttons.current.get(hotspot.id)
      if (!button) continue
      at.set(...hotspot.position).applyMatrix4(model.matrixWorld)
      const distance = eye.distanceTo(at)
      ray.current.set(eye, at.clone().sub(eye).normalize())
      ray.current.far = distance * (1 - OCCLUSION_MARGIN)
      const hidden = ray.current.intersectObject(model, true).length > 0
      button.dataset.occluded = String(hidden)
    }
  })

  return (
    <group ref={group}>
      {hotspots.map((hotspot, i) => (
        <Html key={hotspot.id} position={hotspot.position} center zIndexRange={[20, 10]}>
          <button
            ref={(button) => {
              // Called again on every render: only a new element needs a look (and a frame to look in).
              if (!button || buttons.current.get(hotspot.id) === button) return
              buttons.current.set(hotspot.id, button)
              seenFrom.current = null
              invalidate()
            }}
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            className={`hotspot-marker${hotspot.id === chosenId ? ' is-chosen' : ''}`}
            data-hotspot-marker={hotspot.id}
            onClick={() => onChoose(hotspot.id === chosenId ? null : hotspot.id)}
          >
            {i + 1}
            {hotspot.id === chosenId && <span className="hotspot-marker-label">{labelOf(hotspot)}</span>}
          </button>
        </Html>
      ))}
    </group>
  )
}
