/**
 * Why a file could not be read, in terms a visitor can act on: no connection, a connection too slow to answer,
 * a server that answered with an error, or a file that arrived but is not what it should be (too large).
 */
export type FetchFailureKind = 'offline' | 'timeout' | 'server' | 'invalid'

/** A failed read, with its kind; the message names the file and the detail. */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly kind: FetchFailureKind,
  ) {
    super(message)
    this.name = 'FetchFailure'
  }
}

/**
 * Fetches text with a time-out and a size limit, so a slow or huge answer cannot hang or exhaust the page.
 * Rejects with a FetchFailure only.
 */
export async function fetchLimitedText(url: string, maxBytes: number, timeoutMs: number): Promise<string> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(url, { signal: controller.signal })
    if (!response.ok)
      throw new FetchFailure(`${response.status} ${response.statusText || 'error'} for ${url}`, 'server')
    const declared = Number(response.headers.get('content-length') ?? 0)
    if (declared > maxBytes)
      throw new FetchFailure(`the file is ${declared} bytes, more than the ${maxBytes} allowed`, 'invalid')
    const reader = response.body?.getReader()
    if (!reader) return await response.text()
    const chunks: Uint8Array[] = []
    let received = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.byteLength
      if (received > maxBytes) {
        await reader.cancel()
        throw new FetchFailure(`the file is more than the ${maxBytes} bytes allowed`, 'invalid')
      }
      chunks.push(value)
    }
    const bytes = new Uint8Array(received)
    let at = 0
    for (const chunk of chunks) {
      bytes.set(chunk, at)
      at += chunk.byteLength
    }
    return new TextDecoder().decode(bytes)
  } catch (error) {
    if (error instanceof FetchFailure) throw error
    if (controller.signal.aborted)
      throw new FetchFailure(`no answer within ${timeoutMs / 1000} s from ${url}`, 'timeout')
    // fetch() rejects, or the body stops, only when the connection fails: no network, or the server unreachable.
    throw new FetchFailure(`${String(error)} (${url})`, 'offline')
  } finally {
    clearTimeout(timer)
  }
}
