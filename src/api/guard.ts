// In front of Payload's own REST and GraphQL routes (the Next.js route handlers, and the test server
// that stands in for them): refuses what Payload would otherwise answer with a 500 or read whole.
import { MEDIA_MAX_BYTES } from '../collections/media/index.js'
import { declaredTooLarge, readCapped } from './body.js'
import { API_PREFIX } from './http.js'

/**
 * Bodies of Payload's own endpoints: small for logins, room for an upload, generous for documents.
 * (The public API caps each body itself, sized by the year's character limit.)
 */
export function bodyCap(pathname: string): number {
  if (/^\/api\/[^/]+\/(login|logout|forgot-password|reset-password|unlock|refresh-token|first-register|verify\/[^/]*)$/.test(pathname)) return 16 * 1024
  if (pathname === '/api/graphql') return 256 * 1024
  if (/^\/api\/media(\/|$)/.test(pathname)) return MEDIA_MAX_BYTES + 1024 * 1024
  return 2 * 1024 * 1024
}

/** Paging parameters Payload passes to the database as they come: whole numbers within reason, or a 400. */
const INTEGER_PARAMS: Record<string, [min: number, max: number]> = { limit: [0, 10_000], page: [1, 1_000_000], depth: [0, 10] }

const problem = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** The request to hand on to Payload (its body read, within its cap), or the answer to send instead. */
export async function guardPayloadRequest(request: Request): Promise<Request | Response> {
  const url = new URL(request.url)
  try {
    decodeURIComponent(url.pathname)
  } catch {
    return problem(400, 'Ogiltig adress (felaktig procentkodning) / invalid address (bad percent-encoding).')
  }
  const ours = url.pathname.startsWith(`/api${API_PREFIX}/`) // the public API reads its own parameters
  for (const [name, [min, max]] of ours ? [] : Object.entries(INTEGER_PARAMS)) {
    const value = url.searchParams.get(name)
    if (value !== null && !(/^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max)) {
      return problem(400, `Parametern ${name} ska vara ett heltal från ${min} till ${max} / the parameter ${name} must be a whole number from ${min} to ${max}.`)
    }
  }
  const cap = ours ? undefined : bodyCap(url.pathname)
  if (cap === undefined || request.method === 'GET' || request.method === 'HEAD' || !request.body) return request
  const tooLarge = () => problem(413, `Förfrågan är större än ${Math.round(cap / 1024)} KB / the request is larger than ${Math.round(cap / 1024)} KB.`)
  if (declaredTooLarge(request.headers, cap)) return tooLarge()
  const body = await readCapped(request.body, cap)
  if (!body) return tooLarge()
  return new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body), signal: request.signal })
}

/** A route handler with the guard in front of it. */
export function guarded<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    const guardedRequest = await guardPayloadRequest(request)
    return guardedRequest instanceof Response ? guardedRequest : handler(guardedRequest, ...rest)
  }
}
