/** The most a simulated cruise may be compressed: beyond it the boat skips whole triggers between fixes. */
export const MAX_SPEEDUP = 1000

/**
 * The simulated cruise the URL asks for: `?simulate` sails at real speed, `?simulate=10` ten times faster
 * between stories; absent, none. Out-of-range or unreadable factors are clamped or read as 1, never trusted.
 */
export function readSimulation(search: string): { speedup: number } | null {
  const params = new URLSearchParams(search)
  const raw = params.get('simulate')
  if (raw === null) return null
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value)) return { speedup: 1 }
  return { speedup: Math.min(MAX_SPEEDUP, Math.max(1, value)) }
}
