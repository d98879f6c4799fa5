import { createHash } from 'node:crypto'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { PayloadRequest } from 'payload'
import { CONTENT_ENCODING_HEADER, SOCKET_ADDRESS_HEADER } from '../config/deployment.js'
import { acceptedEncoding, namesETag } from '../config/headers.js'
import { type Lang, pickLang } from '../domain/text.js'
import { PREVIEW_HEADER } from './preview.js'

export const API_PREFIX = '/ehk/v1'

/** Headers a partner page may send, and response headers it may read. */
export const ALLOWED_REQUEST_HEADERS = 'Content-Type, Accept, Accept-Language, Idempotency-Key, X-EHK-Edit-Token, X-EHK-Preview, If-None-Match'
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

/** Whether the request carries a login (Payload's cookie or an Authorization header) or a preview link's token: its answer is private. */
export function carriesLogin(req: PayloadRequest): boolean {
  return /(^|;\s*)payload-token=/.test(req.headers.get('cookie') ?? '') || req.headers.has('authorization') || req.headers.has(PREVIEW_HEADER)
}

type Encoding = 'br' | 'gzip'
/** Below this, compressing costs more than it saves. */
const COMPRESS_FROM_BYTES = 1024
const ETAG_SUFFIX: Record<Encoding, string> = { br: '-br', gzip: '-gz' }

type Serialized = { body: Buffer; tag: string; encoded: Partial<Record<Encoding, Buffer>> }

// Content shared through the read cache is serialised, hashed and compressed once, not on every request.
const serializations = new WeakMap<object, Serialized>()
function serialized(content: object): Serialized {
  let result = serializations.get(content)
  if (!result) {
    const body = Buffer.from(JSON.stringify(content))
    result = { body, tag: createHash('sha256').update(body).digest('base64url').slice(0, 32), encoded: {} }
    serializations.set(content, result)
  }
  return result
}

/** The representation sent: the bytes, their ETag (one per encoding, as HTTP asks) and encoding. */
function representation(content: object, encoding: Encoding | undefined): { bytes: Buffer; etag: string; encoding?: Encoding } {
  const s = serialized(content)
  if (!encoding || s.body.length < COMPRESS_FROM_BYTES) return { bytes: s.body, etag: `"${s.tag}"` }
  s.encoded[encoding] ??= encoding === 'br' ? brotliCompressSync(s.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: s.body.length } }) : gzipSync(s.body, { level: 9 })
  return { bytes: s.encoded[encoding]!, etag: `"${s.tag}${ETAG_SUFFIX[encoding]}"`, encoding }
}

/** Whether If-None-Match names this content in any of its encodings. */
function matches(ifNoneMatch: string | null, content: object): boolean {
  const { tag } = serialized(content)
  return namesETag(ifNoneMatch, [`"${tag}"`, ...Object.values(ETAG_SUFFIX).map((suffix) => `"${tag}${suffix}"`)])
}

/**
 * The bytes behind an answer made from prepared content: the light path (fastReads.ts) writes them
 * as they are instead of reading them back through the Response's stream.
 */
export const preparedBodies = new WeakMap<Response, Uint8Array>()

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
  // Only the app's own server can send a compressed answer (see CONTENT_ENCODING_HEADER).
  const accepted = req.headers.has(SOCKET_ADDRESS_HEADER) ? acceptedEncoding(req.headers.get('accept-encoding')) : undefined
  const { bytes, etag, encoding } = representation(content, accepted)
  headers.set('ETag', etag)
  headers.append('Vary', 'Accept-Encoding')
  if (serverTime) headers.set('X-EHK-Server-Time', serverTime.toISOString())
  const untilChange = changesAt && serverTime ? Math.floor((changesAt.getTime() - serverTime.getTime()) / 1000) : Infinity
  const publicPolicy =
    untilChange >= MAX_AGE_S + STALE_S ? `public, max-age=${MAX_AGE_S}, stale-while-revalidate=${STALE_S}` : `public, max-age=${Math.max(0, Math.min(MAX_AGE_S, untilChange))}, must-revalidate`
  headers.set('Cache-Control', carriesLogin(req) ? 'private, no-store' : publicPolicy)
  if (matches(req.headers.get('if-none-match'), content)) return new Response(null, { status: 304, headers })
  headers.set('Content-Type', 'application/json; charset=utf-8')
  if (encoding) headers.set(CONTENT_ENCODING_HEADER, encoding)
  // A view of the prepared bytes, not a copy.
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
  const response = new Response(body, { status: 200, headers })
  preparedBodies.set(response, body)
  return response
}
