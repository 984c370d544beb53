import { Html } from '@react-three/drei'

import type { Hotspot } from '@/route/schema'

/**
 * Tappable markers at the stop's hotspots, in the model's own coordinates (render inside the placed model).
 * They are for pointers and touch: keyboard and screen-reader users get the same hotspots as a list of
 * buttons under the view, so the markers stay out of the tab order and the accessibility tree. The label is
 * text content, never markup.
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
  return hotspots.map((hotspot, i) => (
    <Html key={hotspot.id} position={hotspot.position} center zIndexRange={[20, 10]}>
      <button
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
  ))
}
