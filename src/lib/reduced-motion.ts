/**
 * Whether the visitor asked the system for less motion: camera flights become cuts, the light show drifts without
 * pulsing, the kiosk's attract loop holds still. False where there is no `matchMedia` (Node).
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}
