import { describe, expect, it } from 'vitest'

import { BodyTooLarge, readBody } from './read-body'

function streamOf(...chunks: number[][]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk))
      controller.close()
    },
  })
}

describe('readBody', () => {
  it('joins the chunks in order and reports the running total after each', async () => {
    const seen: number[] = []
    const bytes = await readBody(streamOf([1, 2], [3], [4, 5, 6]), {
      onProgress: (loaded) => seen.push(loaded),
    })
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6])
    expect(bytes.buffer.byteLength).toBe(6)
    expect(seen).toEqual([2, 3, 6])
  })

  it('reads an empty body as no bytes', async () => {
    expect((await readBody(streamOf())).byteLength).toBe(0)
  })

  it('cancels a body that grows past the limit instead of reading it to the end', async () => {
    let pulls = 0
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++
        controller.enqueue(new Uint8Array(1024))
      },
      cancel() {
        cancelled = true
      },
    })
    const failure = await readBody(endless, { maxBytes: 4096 }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(BodyTooLarge)
    expect((failure as Error).message).toBe('the file is more than the 4096 bytes allowed')
    expect(cancelled).toBe(true)
    expect(pulls).toBeLessThan(10)
  })

  it('passes a stream error on', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(8))
        controller.error(new TypeError('network error'))
      },
    })
    await expect(readBody(broken)).rejects.toThrow('network error')
  })
})
