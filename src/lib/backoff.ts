/** How often and how patiently to retry something that failed, e.g. a download on a weak signal. */
export interface BackoffPolicy {
  /** The wait before the first retry. */
  baseMs: number
  /** Each later wait is this many times the one before… */
  factor: number
  /** …up to this. */
  maxMs: number
  /** Retries after the first attempt; then the failure is final. */
  retries: number
}

/** Three retries after 1, 2 and 4 s: a visitor hears within ~7 s whether a track will come. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, factor: 2, maxMs: 8000, retries: 3 }

/**
 * The wait before retry number `retry` (1 is the first retry), or null when the retries are used up. `jitter`,
 * from 0 to 1 (pass Math.random()), shortens the wait by up to half so that phones that lost the same signal
 * do not all come back at the same moment. Pure.
 */
export function backoffDelay(
  retry: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  jitter = 0,
): number | null {
  if (!Number.isInteger(retry) || retry < 1 || retry > policy.retries) return null
  const full = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (retry - 1))
  return Math.round(full * (1 - Math.min(Math.max(jitter, 0), 1) / 2))
}
