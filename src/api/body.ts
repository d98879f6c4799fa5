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

/**
 * Whether a JSON text is nested deeper than `maxDepth` or holds more than `maxValues` values
 * (commas and colons outside strings, counted): one pass over the bytes, before JSON.parse builds
 * what a hostile body asks for (half a megabyte of "[" is 100 ms of parsing and a deep object
 * graph for the collector). Not a validator: JSON.parse still decides what is valid.
 */
export function tooComplexJson(raw: Uint8Array, maxDepth: number, maxValues: number): boolean {
  let depth = 0
  let values = 0
  let inString = false
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!
    if (inString) {
      if (byte === 0x5c)
        i++ // a backslash: the next byte is escaped
      else if (byte === 0x22) inString = false
    } else if (byte === 0x22) inString = true
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > maxDepth) return true
    } else if (byte === 0x5d || byte === 0x7d) depth--
    else if ((byte === 0x2c || byte === 0x3a) && ++values > maxValues) return true
  }
  return false
}
