/**
 * Bench row: how long the validator takes on a 5,000-stop route (the default route's stops repeated with new
 * ids), median of 5, against the default route in the same run. Issue 8 asks for under a second.
 */
import { readFileSync } from 'node:fs'

import { validateRouteText } from '../../src/route/validate'

export interface ValidateBenchRow {
  stops: number
  bytes: number
  medianMs: number
  defaultRouteMs: number
  ratio: number
  valid: boolean
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function timeValidate(text: string, runs: number): { ms: number; valid: boolean } {
  const times: number[] = []
  let valid = false
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    valid = validateRouteText(text).route !== undefined
    times.push(performance.now() - start)
  }
  return { ms: median(times), valid }
}

/** Validates the default route and a 5,000-stop route built from it; figures for the bench table. */
export function benchValidateLargeRoute(stops = 5000, runs = 5): ValidateBenchRow {
  const text = readFileSync('routes-data/pearl-river-night/route.json', 'utf8')
  const route = JSON.parse(text) as { stops: { id: string }[] }
  const large = {
    ...route,
    stops: Array.from({ length: stops }, (_, i) => ({
      ...route.stops[i % route.stops.length]!,
      id: `stop-${i + 1}`,
    })),
  }
  const largeText = JSON.stringify(large, null, 2)
  const small = timeValidate(text, runs)
  const big = timeValidate(largeText, runs)
  return {
    stops,
    bytes: Buffer.byteLength(largeText),
    medianMs: Math.round(big.ms),
    defaultRouteMs: Math.round(small.ms * 10) / 10,
    ratio: Math.round((big.ms / small.ms) * 10) / 10,
    valid: big.valid,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchValidateLargeRoute())
