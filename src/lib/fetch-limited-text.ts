/** Fetches text with a time-out and a size limit, so a slow or huge answer cannot hang or exhaust the page. */
export async function fetchLimitedText(url: string, maxBytes: number, timeoutMs: number): Promise<string> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(url, { signal: controller.signal })
    if (!response.ok) throw new Error(`${response.status} ${response.statusText || 'error'} for ${url}`)
    const declared = Number(response.headers.get('content-length') ?? 0)
    if (declared > maxBytes)
      throw new Error(`the file is ${declared} bytes, more than the ${maxBytes} allowed`)
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
        throw new Error(`the file is more than the ${maxBytes} bytes allowed`)
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
    if (controller.signal.aborted) throw new Error(`no answer within ${timeoutMs / 1000} s from ${url}`)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
