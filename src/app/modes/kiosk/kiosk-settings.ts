import { MAX_SPEEDUP } from '@/position/simulate-param'
import type { Route } from '@/route/schema'

/** How an unattended kiosk behaves: from the route's `kiosk` block, overridden by the URL. */
export interface KioskSettings {
  /** Seconds without a touch before the screen resets to the start and the default language. */
  idleSeconds: number
  /** Seconds the attract loop stays on a stop when its narration does not end it first. */
  dwellSeconds: number
  /** Whether the attract loop plays narration aloud. */
  sound: boolean
  /** How many times faster than real time the attract loop's boat sails between stories. */
  speedup: number
  /** No camera orbit and no pulsing lights in the attract loop (`?motion=reduce`, or the system's setting). */
  reducedMotion: boolean
}

export const KIOSK_DEFAULTS: KioskSettings = {
  idleSeconds: 90,
  dwellSeconds: 120,
  sound: false,
  speedup: 20,
  reducedMotion: false,
}

function numberParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name)
  if (raw === null || raw.trim() === '') return undefined
  const value = Number(raw)
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : undefined
}

/**
 * The shortest dwell the URL may ask for: long enough for the landmark to be drawn and its story to start, short
 * enough for a demo (or the bench's soak) that shows every stop in turn in a few minutes.
 */
export const MIN_DWELL_SECONDS = 0.2

/**
 * The kiosk's settings: URL (`?idle=60&dwell=30&sound=1&simulate=20&motion=reduce`, for the museum's set-up
 * without editing the route), then the route's `kiosk` block (`attract.seconds` before `dwellSeconds`), then the
 * defaults. Out-of-range URL values are clamped, not trusted. `systemReducedMotion`: the screen's own setting.
 */
export function resolveKioskSettings(
  route: Route,
  search: string,
  systemReducedMotion = false,
): KioskSettings {
  const params = new URLSearchParams(search)
  const sound = params.get('sound')
  return {
    idleSeconds:
      numberParam(params, 'idle', 5, 3600) ?? route.kiosk?.idleSeconds ?? KIOSK_DEFAULTS.idleSeconds,
    dwellSeconds:
      numberParam(params, 'dwell', MIN_DWELL_SECONDS, 600) ??
      route.kiosk?.attract?.seconds ??
      route.kiosk?.dwellSeconds ??
      KIOSK_DEFAULTS.dwellSeconds,
    sound: sound === null ? (route.kiosk?.sound ?? KIOSK_DEFAULTS.sound) : sound === '1' || sound === 'on',
    speedup: numberParam(params, 'simulate', 1, MAX_SPEEDUP) ?? KIOSK_DEFAULTS.speedup,
    reducedMotion: params.get('motion') === 'reduce' || systemReducedMotion,
  }
}
