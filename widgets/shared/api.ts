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

/** How long a page's widgets share an answer after it arrived: the widgets of one page load. */
const SHARED_FOR_MS = 5000

const shared = new Map<string, { answer: Promise<Answer<unknown>>; arrived: number; until: number }>()

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
  let entry = shared.get(key)
  if (!entry || Date.now() >= entry.until) {
    const fresh = { answer: send<unknown>(api, path, lang, init), arrived: 0, until: Infinity }
    fresh.answer.then(
      (a) => (fresh.until = (fresh.arrived = Date.now()) + Math.min(SHARED_FOR_MS, a.maxAgeMs)),
      () => shared.delete(key),
    )
    shared.set(key, (entry = fresh))
  }
  const { answer, arrived } = entry
  return answer.then((a) => (arrived && a.serverTime ? { ...a, serverTime: new Date(a.serverTime.getTime() + Date.now() - arrived) } : a)) as Promise<Answer<T>>
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
