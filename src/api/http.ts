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

/** How long a public read may be kept, and served stale while it is revalidated. */
const MAX_AGE_S = 30
const STALE_S = 120

/**
 * A cacheable read: strong ETag over the content, 304 when the client has it, short max-age with
 * stale-while-revalidate. Volatile fields (the server time) travel in a header, outside the ETag.
 * `changesAt`: an instant at which the content changes by itself (a winner becoming public); no
 * cache may keep the answer, fresh or stale, past it.
 */
export function cachedJson(req: PayloadRequest, content: object, headers: Headers, serverTime?: Date, changesAt?: Date): Response {
  const { body, etag } = serialized(content)
  headers.set('ETag', etag)
  if (serverTime) headers.set('X-EHK-Server-Time', serverTime.toISOString())
  const untilChange = changesAt && serverTime ? Math.floor((changesAt.getTime() - serverTime.getTime()) / 1000) : Infinity
  const publicPolicy =
    untilChange >= MAX_AGE_S + STALE_S ? `public, max-age=${MAX_AGE_S}, stale-while-revalidate=${STALE_S}` : `public, max-age=${Math.max(0, Math.min(MAX_AGE_S, untilChange))}, must-revalidate`
  headers.set('Cache-Control', carriesLogin(req) ? 'private, no-store' : publicPolicy)
  const match = (req.headers.get('if-none-match') ?? '').split(',').map((tag) => tag.trim())
  if (match.includes(etag) || match.includes('*')) return new Response(null, { status: 304, headers })
  headers.set('Content-Type', 'application/json; charset=utf-8')
  return new Response(body, { status: 200, headers })
}
