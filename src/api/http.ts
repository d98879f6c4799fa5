import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { type Lang, pickLang } from '../domain/text.js'

export const API_PREFIX = '/ehk/v1'

/** Headers a partner page may send, and response headers it may read. */
export const ALLOWED_REQUEST_HEADERS = 'Content-Type, Accept, Accept-Language, Idempotency-Key, X-EHK-Edit-Token, If-None-Match'
export const EXPOSED_RESPONSE_HEADERS = 'ETag, Retry-After, X-EHK-Server-Time'

export const langOf = (req: PayloadRequest): Lang => pickLang(req.headers.get('accept-language'))

export interface CorsDecision {
  /** The origin to echo, when the caller is allowed. */
  allow?: string
  /** A cross-origin caller whose origin is not on any partner's list. */
  refused: boolean
}

export function corsHeaders(decision: CorsDecision, headers = new Headers()): Headers {
  headers.set('Vary', 'Origin')
  if (decision.allow) {
    headers.set('Access-Control-Allow-Origin', decision.allow)
    headers.set('Access-Control-Expose-Headers', EXPOSED_RESPONSE_HEADERS)
  }
  return headers
}

export function json(body: unknown, status: number, headers: Headers): Response {
  headers.set('Content-Type', 'application/json; charset=utf-8')
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store')
  return new Response(JSON.stringify(body), { status, headers })
}

/** An error answer: one message, and optionally one per field (path → message). */
export function problem(status: number, message: string, headers: Headers, errors?: Record<string, string>): Response {
  return json({ status, message, ...(errors ? { errors } : {}) }, status, headers)
}

/** Whether the request carries a login (Payload's cookie or an Authorization header). */
export function carriesLogin(req: PayloadRequest): boolean {
  return /(^|;\s*)payload-token=/.test(req.headers.get('cookie') ?? '') || req.headers.has('authorization')
}

// Content shared through the read cache is serialised and hashed once, not on every request.
const serializations = new WeakMap<object, { body: string; etag: string }>()
function serialized(content: object): { body: string; etag: string } {
  let result = serializations.get(content)
  if (!result) {
    const body = JSON.stringify(content)
    result = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` }
    serializations.set(content, result)
  }
  return result
}

/**
 * A cacheable read: strong ETag over the content, 304 when the client has it, short max-age with
 * stale-while-revalidate. Volatile fields (the server time) travel in a header, outside the ETag.
 */
export function cachedJson(req: PayloadRequest, content: object, headers: Headers, serverTime?: Date): Response {
  const { body, etag } = serialized(content)
  headers.set('ETag', etag)
  if (serverTime) headers.set('X-EHK-Server-Time', serverTime.toISOString())
  headers.set('Cache-Control', carriesLogin(req) ? 'private, no-store' : 'public, max-age=30, stale-while-revalidate=120')
  const match = (req.headers.get('if-none-match') ?? '').split(',').map((tag) => tag.trim())
  if (match.includes(etag) || match.includes('*')) return new Response(null, { status: 304, headers })
  headers.set('Content-Type', 'application/json; charset=utf-8')
  return new Response(body, { status: 200, headers })
}
