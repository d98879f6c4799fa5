// The headers of the app's pages, files and answers, in one place for Next.js (next.config.ts),
// the admin's proxy and the start script's light paths (server.mjs, src/api/fastReads.ts). Plain
// JavaScript, because the start script reads it before anything is compiled.

/** On every page, file and API answer. (HSTS is the TLS-terminating proxy's to send: see the README.) */
export const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/**
 * The encoding a client accepts that we send, by its Accept-Encoding (brotli first; `q=0` refuses).
 * @param {string | null | undefined} header
 * @returns {'br' | 'gzip' | undefined}
 */
export function acceptedEncoding(header) {
  const accepted = new Map(
    (header ?? '').split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
      return [name, q === undefined ? 1 : Number(q)]
    }),
  )
  return /** @type {const} */ (['br', 'gzip']).find((encoding) => (accepted.get(encoding) ?? 0) > 0)
}

/**
 * Whether an If-None-Match header names one of `etags` (a weak form counts, as for GET; `*` names any).
 * @param {string | null | undefined} ifNoneMatch
 * @param {readonly string[]} etags
 * @returns {boolean}
 */
export function namesETag(ifNoneMatch, etags) {
  return (ifNoneMatch ?? '').split(',').some((value) => {
    const etag = value.trim().replace(/^W\//, '')
    return etag === '*' || etags.includes(etag)
  })
}

/**
 * The Content-Security-Policy of the app's own pages and answers. What they need and nothing more:
 * scripts only from the app itself (the admin's inline scripts by a nonce per request), no plugins,
 * no framing, no <base> tricks, forms posting only back to the app.
 * @param {{ nonce?: string, dev?: boolean }} [options] the admin's per-request nonce for Next.js's
 *   inline scripts (src/proxy.ts); development adds what hot reloading needs (eval, its websocket)
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, dev = false } = {}) {
  const script = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"]
  return [
    "default-src 'self'",
    `script-src ${[...script, ...(dev ? ["'unsafe-eval'"] : [])].join(' ')}`,
    // Payload's admin and Lit set styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The widgets' files (/widgets/…): partner sites load them as module scripts from another origin,
 * which needs CORS. The stable name (ehk.js, the manifest) is revalidated within minutes; a file
 * named by its content (HASHED_WIDGET_FILE) never changes.
 */
export const WIDGET_HEADERS = [
  { key: 'Access-Control-Allow-Origin', value: '*' },
  { key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' },
  { key: 'Cache-Control', value: 'public, max-age=300, stale-while-revalidate=86400' },
]
export const HASHED_WIDGET_FILE = /^(ehk\.[0-9a-f]{10}\.js|ehk-[\w-]+-[\w-]{8}\.js)$/
export const HASHED_WIDGET_CACHE = 'public, max-age=31536000, immutable'
