/** "https://Example.org:443/" → "https://example.org"; undefined for anything that is not a bare http(s) origin. */
export function normalizeOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value.trim())
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined
    return url.origin
  } catch {
    return undefined
  }
}
