import type { GLTF } from 'three/addons/loaders/GLTFLoader.js'
import { describe, expect, it } from 'vitest'

import {
  isTransient,
  loadModel,
  MODEL_BACKOFF,
  ModelLoadError,
  retryAfter,
  type LoadFailure,
  type ModelLoad,
} from './model-loader'

describe('retryAfter', () => {
  it('waits about 1, 2 and 4 s after a dropped connection, then gives up', () => {
    const network: LoadFailure = { kind: 'network' }
    expect([1, 2, 3, 4].map((attempt) => retryAfter(network, attempt))).toEqual([1000, 2000, 4000, null])
  })

  it('never waits longer than the policy’s cap', () => {
    const policy = { ...MODEL_BACKOFF, retries: 8 }
    expect(retryAfter({ kind: 'network' }, 8, policy)).toBe(MODEL_BACKOFF.maxMs)
  })

  it('shortens each wait by up to half with jitter, so phones do not all come back at once', () => {
    expect(retryAfter({ kind: 'network' }, 3, MODEL_BACKOFF, 1)).toBe(2000)
    expect(retryAfter({ kind: 'network' }, 3, MODEL_BACKOFF, 0.5)).toBe(3000)
  })

  it.each([
    [{ kind: 'http', status: 503 }, true],
    [{ kind: 'http', status: 500 }, true],
    [{ kind: 'http', status: 429 }, true],
    [{ kind: 'http', status: 408 }, true],
    [{ kind: 'http', status: 404 }, false],
    [{ kind: 'http', status: 403 }, false],
    [{ kind: 'corrupt' }, false],
  ] as [LoadFailure, boolean][])('retries %o: %s', (failure, retried) => {
    expect(isTransient(failure)).toBe(retried)
    expect(retryAfter(failure, 1) !== null).toBe(retried)
  })
})

/** A fake model: parse succeeds for bytes "glTF", fails for anything else. */
const MODEL = { scene: {} } as unknown as GLTF
async function parse(data: ArrayBuffer): Promise<GLTF> {
  if (new TextDecoder().decode(data) !== 'glTF') throw new Error('not a GLB')
  return Promise.resolve(MODEL)
}

function response(body: string, init?: ResponseInit): Response {
  return new Response(body, { headers: { 'content-length': String(body.length) }, ...init })
}

/** Runs loadModel with scripted answers; no real waiting. */
function run(answers: (() => Response)[], abort = new AbortController()) {
  const changes: ModelLoad[] = []
  const waits: number[] = []
  let calls = 0
  const result = loadModel('https://app.example/models/a.glb', {
    signal: abort.signal,
    parse,
    onChange: (load) => changes.push(load),
    fetch: () => {
      const answer = answers[Math.min(calls++, answers.length - 1)]!
      return Promise.resolve().then(answer)
    },
    random: () => 0,
    sleep: (ms) => {
      waits.push(ms)
      return Promise.resolve()
    },
  })
  return { result, changes, waits, calls: () => calls }
}

const dropped = () => {
  throw new TypeError('Failed to fetch')
}

describe('loadModel', () => {
  it('reports the bytes as they arrive, of the total the server gave', async () => {
    const { result, changes } = run([() => response('glTF')])
    await expect(result).resolves.toBe(MODEL)
    expect(changes.at(-1)).toEqual({ status: 'loading', attempt: 1, loaded: 4, total: 4 })
  })

  it('tries again after a dropped connection, waiting longer each time', async () => {
    const { result, changes, waits } = run([dropped, dropped, () => response('glTF')])
    await expect(result).resolves.toBe(MODEL)
    expect(waits).toEqual([1000, 2000])
    expect(changes.filter((c) => c.status === 'waiting')).toEqual([
      { status: 'waiting', attempt: 1, retryInMs: 1000 },
      { status: 'waiting', attempt: 2, retryInMs: 2000 },
    ])
  })

  it('gives up with the network failure after the last retry', async () => {
    const { result, waits, calls } = run([dropped])
    await expect(result).rejects.toEqual(new ModelLoadError({ kind: 'network' }))
    expect(waits).toEqual([1000, 2000, 4000])
    expect(calls()).toBe(1 + MODEL_BACKOFF.retries)
  })

  it('does not try a missing or corrupt file again', async () => {
    const missing = run([() => response('not found', { status: 404 })])
    await expect(missing.result).rejects.toMatchObject({ failure: { kind: 'http', status: 404 } })
    expect(missing.calls()).toBe(1)
    const corrupt = run([() => response('<!doctype html>')])
    await expect(corrupt.result).rejects.toMatchObject({ failure: { kind: 'corrupt' } })
    expect(corrupt.calls()).toBe(1)
  })

  it('stops when cancelled, with an AbortError rather than a failure to show', async () => {
    const abort = new AbortController()
    const { result } = run(
      [
        () => {
          abort.abort()
          throw new DOMException('aborted', 'AbortError')
        },
      ],
      abort,
    )
    await expect(result).rejects.toMatchObject({ name: 'AbortError' })
  })
})
