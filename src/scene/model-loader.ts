import type { GLTF } from 'three/addons/loaders/GLTFLoader.js'

import { backoffDelay, type BackoffPolicy } from '@/lib/backoff'
import { readBody } from '@/lib/read-body'

/** Why a model did not load. */
export type LoadFailure = { kind: 'network' } | { kind: 'http'; status: number } | { kind: 'corrupt' }

/** Where a model's download is, for the progress, retry and failure messages under the 3D view. */
export type ModelLoad =
  | { status: 'loading'; attempt: number; loaded: number; total: number | null }
  | { status: 'waiting'; attempt: number; retryInMs: number }
  | { status: 'ready'; gltf: GLTF }
  | { status: 'failed'; failure: LoadFailure }
  | { status: 'cancelled' }

/** Model downloads on a weak signal: three retries, after about 1, 2 and 4 s, then a message. */
export const MODEL_BACKOFF: BackoffPolicy = { baseMs: 1000, factor: 2, maxMs: 8000, retries: 3 }

/**
 * Whether trying again may help: the connection dropped, or the server says it is busy or failing (408, 429,
 * 5xx). A missing or corrupt file stays missing or corrupt.
 */
export function isTransient(failure: LoadFailure): boolean {
  if (failure.kind === 'network') return true
  if (failure.kind === 'http')
    return failure.status === 408 || failure.status === 429 || failure.status >= 500
  return false
}

/**
 * What to do after attempt number `attempt` (1: the first) failed: the wait before trying again, or null to
 * give up. `jitter` (0 to 1) shortens the wait, so that phones that lost the same signal do not all come back
 * at once. Pure.
 */
export function retryAfter(
  failure: LoadFailure,
  attempt: number,
  policy: BackoffPolicy = MODEL_BACKOFF,
  jitter = 0,
): number | null {
  return isTransient(failure) ? backoffDelay(attempt, policy, jitter) : null
}

/** A failure that says why, for `retryAfter`. */
export class ModelLoadError extends Error {
  constructor(
    readonly failure: LoadFailure,
    cause?: unknown,
  ) {
    super(failure.kind === 'http' ? `HTTP ${failure.status}` : failure.kind, { cause })
  }
}

export interface LoadOptions {
  signal: AbortSignal
  /** Turns the downloaded bytes into a model; throws for bytes that are not one. */
  parse: (data: ArrayBuffer, url: string) => Promise<GLTF>
  onChange: (load: ModelLoad) => void
  policy?: BackoffPolicy
  fetch?: typeof fetch
  random?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

function abortError(): DOMException {
  return new DOMException('The model load was cancelled', 'AbortError')
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(abortError())
      },
      { once: true },
    )
  })
}

/** The bytes of `url`, reporting how many have arrived (and of how many, when the server says). */
async function download(
  url: string,
  signal: AbortSignal,
  fetchFn: typeof fetch,
  onProgress: (loaded: number, total: number | null) => void,
): Promise<ArrayBuffer> {
  const networkFailure = (error: unknown) => {
    if (signal.aborted) return abortError()
    return new ModelLoadError({ kind: 'network' }, error)
  }
  let response: Response
  try {
    response = await fetchFn(url, { signal })
  } catch (error) {
    throw networkFailure(error)
  }
  if (!response.ok) throw new ModelLoadError({ kind: 'http', status: response.status })
  // A compressed response's length is not the length of the bytes read.
  const length = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length'))
  const total = length > 0 ? length : null
  onProgress(0, total)
  if (!response.body) return response.arrayBuffer()
  try {
    const bytes = await readBody(response.body, { onProgress: (loaded) => onProgress(loaded, total) })
    return bytes.buffer
  } catch (error) {
    throw networkFailure(error)
  }
}

/**
 * Downloads and parses a model, reporting progress, and tries again after a dropped connection with the
 * back-off of `policy`. Rejects with a ModelLoadError once it gives up, or with an AbortError when `signal`
 * is aborted (the visitor cancelled, or left the stop).
 */
export async function loadModel(url: string, options: LoadOptions): Promise<GLTF> {
  const {
    signal,
    parse,
    onChange,
    policy = MODEL_BACKOFF,
    fetch: fetchFn = globalThis.fetch.bind(globalThis),
    random = Math.random,
    sleep = sleepFor,
  } = options
  for (let attempt = 1; ; attempt++) {
    let data: ArrayBuffer
    try {
      data = await download(url, signal, fetchFn, (loaded, total) =>
        onChange({ status: 'loading', attempt, loaded, total }),
      )
    } catch (error) {
      if (!(error instanceof ModelLoadError)) throw error
      const wait = retryAfter(error.failure, attempt, policy, random())
      if (wait === null) throw error
      onChange({ status: 'waiting', attempt, retryInMs: wait })
      await sleep(wait, signal)
      continue
    }
    try {
      const gltf = await parse(data, url)
      if (signal.aborted) throw abortError()
      return gltf
    } catch (error) {
      if (signal.aborted) throw abortError()
      throw new ModelLoadError({ kind: 'corrupt' }, error)
    }
  }
}
