/**
 * Reads a request body, at most `maxBytes` of it: undefined as soon as it grows larger, whatever
 * Content-Length says (or whether it says anything). The rest is never read.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null | undefined, maxBytes: number): Promise<Buffer | undefined> {
  if (!body) return Buffer.alloc(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size)
}

/** Whether Content-Length already says the body is too large (a shortcut: the stream is capped anyway). */
export const declaredTooLarge = (headers: Headers, maxBytes: number) => Number(headers.get('content-length') ?? 0) > maxBytes
