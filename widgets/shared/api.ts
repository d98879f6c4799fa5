// The widgets' only way to the CMS: the public API, without cookies.
import type { Lang } from './i18n.js'

export const API_PATH = '/api/ehk/v1'

/** A refused or failed request; status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string> = {},
    readonly retryAfter = 0,
  ) {
    super(message)
  }
}

export interface Answer<T> {
  data: T
  /** 200, 201, 202 …: the server's word for what happened. */
  status: number
  /** The server's clock when it answered, to correct the client's clock. */
  serverTime?: Date
  /** How long the server lets the answer be kept (Cache-Control max-age). */
  maxAgeMs: number
}

/** The public view of award year `year`, or of the current one (the open year, else the latest published). */
export const yearPath = (year?: number) => (year ? `/years/${year}` : '/years/current')

/** An address from the API (a photo, a logo) as the page must load it: absolute, and only http(s). */
export function mediaUrl(url: string, api: string): string | undefined {
  const absolute = new URL(url, api)
  return absolute.protocol === 'https:' || absolute.protocol === 'http:' ? absolute.href : undefined
}

/** How long a page's widgets share an answer after it arrived: the widgets of one page load. */
const SHARED_FOR_MS = 5000

const shared = new Map<string, { answer: Promise<Answer<unknown>>; arrived?: number; until?: number }>()

/** Forgets the shared answers: the next read asks the server (the widget tests, between tests). */
export const forgetSharedAnswers = () => shared.clear()

/**
 * One request to the public API. Plain reads are shared: widgets on one page that ask for the same
 * path in the same language while it is on its way, or within a few seconds after it arrived (never
 * longer than the server lets it be kept: not past an announcement), make one request. A shared
 * answer's server time moves on with the time since it arrived.
 */
export function request<T>(api: string, path: string, lang: Lang, init: RequestInit = {}): Promise<Answer<T>> {
  if (init.method || init.body || init.headers) return send<T>(api, path, lang, init)
  const key = `${api}\n${path}\n${lang}`
  const now = Date.now()
  const entry = shared.get(key)
  if (entry && (entry.until === undefined || now < entry.until)) {
    return entry.answer.then((a) => ({ ...a, serverTime: a.serverTime && entry.arrived ? new Date(a.serverTime.getTime() + (Date.now() - entry.arrived)) : a.serverTime })) as Promise<Answer<T>>
  }
  const fresh = { answer: send<T>(api, path, lang, init) as Promise<Answer<unknown>>, arrived: undefined as number | undefined, until: undefined as number | undefined }
  shared.set(key, fresh)
  fresh.answer.then(
    (a) => {
      fresh.arrived = Date.now()
      fresh.until = fresh.arrived + Math.min(SHARED_FOR_MS, a.maxAgeMs)
    },
    () => shared.get(key) === fresh && shared.delete(key),
  )
  return fresh.answer as Promise<Answer<T>>
}

async function send<T>(api: string, path: string, lang: Lang, init: RequestInit): Promise<Answer<T>> {
  let response: Response
  try {
    response = await fetch(`${api.replace(/\/$/, '')}${API_PATH}${path}`, {
      ...init,
      credentials: 'omit',
      // Always revalidate (a cheap 304 with the ETag): no stale winner after an announcement, and
      // a fresh server time for the countdown even when the body comes from the browser's cache.
      cache: 'no-cache',
      headers: { 'Accept-Language': lang, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    })
  } catch {
    throw new ApiError(0, '')
  }
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new ApiError(response.status, body.message ?? '', body.errors, Number(response.headers.get('Retry-After')) || 0)
  const time = response.headers.get('X-EHK-Server-Time')
  const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(response.headers.get('Cache-Control') ?? '')
  return { data: body as T, status: response.status, serverTime: time ? new Date(time) : undefined, maxAgeMs: maxAge ? Number(maxAge[1]) * 1000 : 0 }
}

// The public shapes the widgets read: the server's own view types (type-only imports, nothing is bundled).
export type { PublicYear as Year } from '../../src/api/publicViews.js'
export type { Municipality } from '../../src/domain/municipalities.js'
