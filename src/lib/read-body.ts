/** A body that grew past the limit given to `readBody` (it was cancelled, not read to the end). */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is more than the ${maxBytes} bytes allowed`)
    this.name = 'BodyTooLarge'
  }
}

/**
 * Reads a response body into one array of bytes, calling `onProgress` with the bytes read so far after each chunk.
 * A body that grows past `maxBytes` is cancelled and rejected with BodyTooLarge; a stream error is passed on as is.
 */
export async function readBody(
  body: ReadableStream<Uint8Array>,
  { maxBytes = Infinity, onProgress }: { maxBytes?: number; onProgress?: (loaded: number) => void } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let loaded = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    loaded += value.byteLength
    if (loaded > maxBytes) {
      await reader.cancel()
      throw new BodyTooLarge(maxBytes)
    }
    chunks.push(value)
    onProgress?.(loaded)
  }
  const bytes = new Uint8Array(loaded)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}
