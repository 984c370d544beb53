import type { StyleSpecification } from 'maplibre-gl'

/** The paint and layout properties that give a map symbol its size on screen, in pixels. */
const SIZES = new Set([
  'circle-radius',
  'circle-stroke-width',
  'text-size',
  'text-halo-width',
  'icon-size',
  'line-width',
])

/**
 * A size property multiplied by `scale`. A zoom curve (`interpolate`, `step`) has its outputs scaled, because
 * MapLibre allows a zoom expression only at the top; any other expression is wrapped in `["*", scale, …]`.
 */
function scaled(value: unknown, scale: number): unknown {
  if (typeof value === 'number') return value * scale
  if (!Array.isArray(value)) return value
  const curve: unknown[] = value
  if (curve[0] === 'interpolate') return curve.map((v, i) => (i >= 4 && i % 2 === 0 ? scaled(v, scale) : v))
  if (curve[0] === 'step')
    return curve.map((v, i) => (i === 2 || (i >= 4 && i % 2 === 0) ? scaled(v, scale) : v))
  return ['*', scale, curve]
}

/**
 * The map's style with every symbol, label and line `scale` times larger: a kiosk is read from across a room,
 * where a phone's 12 px stop marker is a speck. The screen says how much (`--map-symbol-scale` in its stylesheet).
 */
export function withSymbolScale(style: StyleSpecification, scale: number): StyleSpecification {
  if (!(scale > 0) || scale === 1) return style
  const resize = (properties: object) =>
    Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [key, SIZES.has(key) ? scaled(value, scale) : value]),
    )
  return {
    ...style,
    layers: style.layers.map((layer) => {
      const { paint, layout } = layer as { paint?: object; layout?: object }
      return {
        ...layer,
        ...(paint && { paint: resize(paint) }),
        ...(layout && { layout: resize(layout) }),
      }
    }),
  }
}
