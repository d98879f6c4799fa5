// The public reads on a light path. Payload's REST handling (the request object, auth strategies,
// i18n, route matching) costs far more than a prepared read itself, so the app's own server
// (server.mjs) hands GET requests under /api/ehk/v1/ to this handler first: the same endpoint
// handlers (CORS, rate limit, the prepared view, ETag, compression) with the headers Next.js would
// add, and nothing else. A path it does not know, or a request before Payload has started, goes
// the usual way. Behaviour and headers are the same on both paths (test/e2e/fastReads.test.ts),
// except what Next.js adds for its own pages: client hints (Accept-CH, Critical-CH) and its
// router's request headers in Vary, which mean nothing to a JSON answer.
import { type Endpoint, headersWithCors, type Payload, type PayloadRequest } from 'payload'
import { SECURITY_HEADERS, contentSecurityPolicy } from '../config/headers.js'
import { preparedBodies } from './http.js'

/** Where server.mjs finds the handler: one per process, the app's Payload. */
export const FAST_READS = Symbol.for('ehk.fastReads')

/** An answer of the light path: the Response (status, headers) and its bytes. */
export type FastReads = (request: Request) => Promise<{ response: Response; body: Uint8Array } | undefined>

type Route = { pattern: RegExp; names: string[]; handler: Endpoint['handler'] }

/** Compiles an endpoint path such as /ehk/v1/years/:year/jury into a matcher of /api/… paths. */
function route(endpoint: Endpoint): Route {
  const names: string[] = []
  const source = endpoint.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))
  return { pattern: new RegExp(`^/api${source}/?$`), names, handler: endpoint.handler }
}

/** Registers the light path for `endpoints` (the public GET endpoints) of this Payload. */
export function registerFastReads(payload: Payload, endpoints: Endpoint[]): void {
  const routes = endpoints.filter((e) => e.method === 'get' && !e.path.includes('*')).map(route)
  const csp = contentSecurityPolicy()
  const handle: FastReads = async (request) => {
    const url = new URL(request.url)
    for (const { pattern, names, handler } of routes) {
      const match = pattern.exec(url.pathname)
      if (!match) continue
      const routeParams = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]))
      // Our handlers read only these of a PayloadRequest (the Payload, the URL, its parameters and
      // the headers): the rest of what Payload would build for a request is what this path saves.
      const req = { payload, url: request.url, method: 'GET', headers: request.headers, routeParams, searchParams: url.searchParams, context: {} } as unknown as PayloadRequest
      const response = await handler(req)
      // What Payload adds to every endpoint's answer (its CORS defaults), and what next.config.ts adds.
      headersWithCors({ headers: response.headers, req })
      for (const { key, value } of SECURITY_HEADERS) response.headers.set(key, value)
      response.headers.set('Content-Security-Policy', csp)
      return { response, body: preparedBodies.get(response) ?? new Uint8Array(await response.arrayBuffer()) }
    }
    return undefined
  }
  ;(globalThis as { [FAST_READS]?: FastReads })[FAST_READS] = handle
}
