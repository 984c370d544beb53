import { BodyTooLarge, readBody } from './read-body'

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
    if (!response.body) return await response.text()
    const bytes = await readBody(response.body, { maxBytes }).catch((error: unknown) => {
      throw error instanceof BodyTooLarge ? new FetchFailure(error.message, 'invalid') : error
    })
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
