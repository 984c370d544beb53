import { Html } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useRef } from 'react'
import { Matrix4, Raycaster, Vector3, type Group } from 'three'

import type { Hotspot } from '@/route/schema'

import { placeBadges, type ScreenPoint } from './hotspot-layout'

import './hotspot-markers.css'

/**
 * A marker on the far side of the landmark is hidden: something of the model lies between it and the camera,
 * nearer than the marker by more than this share of the distance (markers sit on the surface they describe).
 */
const OCCLUSION_MARGIN = 0.03

/**
 * Tappable markers at the stop's hotspots, in the model's own coordinates (render inside the placed model,
 * which they test for being hidden behind). Each is a small ring on the very point, and a numbered badge at the
 * end of a short leader line, placed on screen (`placeBadges`) so that no badge covers a hotspot's point or
 * another badge: the feature named stays in sight. They are for pointers and touch: keyboard and screen-reader
 * users get the same hotspots as a list of buttons under the view, so the markers stay out of the tab order and
 * the accessibility tree. The label is text content, never markup.
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
  const markers = useRef(new Map<string, HTMLDivElement>())
  const seenFrom = useRef<Matrix4 | null>(null)
  const seenSize = useRef('')
  const ray = useRef(new Raycaster())
  const invalidate = useThree((s) => s.invalidate)

  // Only when the camera has moved, the canvas changed size or a marker just appeared: one ray per marker against
  // the model, then the badges laid out on screen.
  useFrame(({ camera, size }) => {
    const model = group.current?.parent
    if (!model || markers.current.size === 0) return
    const sizeKey = `${size.width}x${size.height}`
    if (seenFrom.current?.equals(camera.matrixWorld) && seenSize.current === sizeKey) return
    seenFrom.current = camera.matrixWorld.clone()
    seenSize.current = sizeKey
    const eye = new Vector3().setFromMatrixPosition(camera.matrixWorld)
    const at = new Vector3()
    const inSight: ScreenPoint[] = []
    for (const hotspot of hotspots) {
      const marker = markers.current.get(hotspot.id)
      if (!marker) continue
      at.set(...hotspot.position).applyMatrix4(model.matrixWorld)
      const distance = eye.distanceTo(at)
      ray.current.set(eye, at.clone().sub(eye).normalize())
      ray.current.far = distance * (1 - OCCLUSION_MARGIN)
      const hidden = ray.current.intersectObject(model, true).length > 0
      marker.dataset.occluded = String(hidden)
      marker
        .querySelector<HTMLElement>('[data-hotspot-marker]')
        ?.setAttribute('data-occluded', String(hidden))
      const ndc = at.project(camera)
      if (!hidden && ndc.z < 1) {
        inSight.push({
          id: hotspot.id,
          x: ((ndc.x + 1) / 2) * size.width,
          y: ((1 - ndc.y) / 2) * size.height,
        })
      }
    }
    for (const [id, { dx, dy }] of placeBadges(inSight, size.width, size.height)) {
      const marker = markers.current.get(id)
      marker?.style.setProperty('--dx', `${dx}px`)
      marker?.style.setProperty('--dy', `${dy}px`)
      marker?.style.setProperty('--leader', `${Math.hypot(dx, dy)}px`)
      marker?.style.setProperty('--angle', `${Math.atan2(dy, dx)}rad`)
    }
  })

  return (
    <group ref={group}>
      {hotspots.map((hotspot, i) => (
        <Html key={hotspot.id} position={hotspot.position} zIndexRange={[20, 10]}>
          <div
            className={`hotspot${hotspot.id === chosenId ? ' is-chosen' : ''}`}
            ref={(marker) => {
              // Called again on every render: only a new element needs a look (and a frame to look in).
              if (!marker || markers.current.get(hotspot.id) === marker) return
              markers.current.set(hotspot.id, marker)
              seenFrom.current = null
              invalidate()
            }}
          >
            <span className="hotspot-dot" aria-hidden="true" />
            <span className="hotspot-leader" aria-hidden="true" />
            <button
              type="button"
              tabIndex={-1}
              aria-hidden="true"
              className="hotspot-marker"
              data-hotspot-marker={hotspot.id}
              onClick={() => onChoose(hotspot.id === chosenId ? null : hotspot.id)}
            >
              {i + 1}
              {hotspot.id === chosenId && <span className="hotspot-marker-label">{labelOf(hotspot)}</span>}
            </button>
          </div>
        </Html>
      ))}
    </group>
  )
}
