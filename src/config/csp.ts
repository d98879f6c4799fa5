// The Content-Security-Policy of the app's own pages and answers. What they need and nothing more:
// scripts only from the app itself (the admin's inline scripts by a nonce per request), no plugins,
// no framing, no <base> tricks, forms posting only back to the app.

/** On every page, file and API answer. (HSTS is the TLS-terminating proxy's to send: see the README.) */
export const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

interface Options {
  /** The admin's per-request nonce for Next.js's inline scripts (src/proxy.ts). */
  nonce?: string
  /** Development adds what Next.js's hot reloading needs (eval, its websocket). */
  dev?: boolean
}

export function contentSecurityPolicy({ nonce, dev = false }: Options = {}): string {
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
