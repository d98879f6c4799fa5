// Serves a test's Payload over real HTTP the way the app does (server.mjs and the Next.js route
// handlers): the socket's address stamped on every request, the same guard in front of Payload's
// request handling (REST, custom endpoints and GraphQL), without building the admin.
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import { guardPayloadRequest } from '../../src/api/guard.js'
import { CONTENT_ENCODING_HEADER, SOCKET_ADDRESS_HEADER } from '../../src/config/deployment.js'

export interface TestServer {
  url: string
  close: () => Promise<void>
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  // Like server.mjs: the socket's address, overwriting whatever the client sent under that name.
  headers.set(SOCKET_ADDRESS_HEADER, req.socket.remoteAddress ?? '')
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // The body streams in, as it does to Next.js: the guard and the endpoints cap what they read.
  const body = hasBody ? bodyStream(req) : undefined
  return new Request(new URL(req.url ?? '/', base), { method: req.method, headers, body, duplex: 'half' } as RequestInit)
}

/** The request's body as a web stream, read as the reader asks for it. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause()
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk))
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      })
      req.once('end', () => cancelled || controller.close())
      req.once('error', (error) => cancelled || controller.error(error))
    },
    pull() {
      req.resume()
    },
    cancel() {
      cancelled = true
      req.removeAllListeners('data')
    },
  })
}

/**
 * A body refused before it was read whole (too large) is drained and thrown away before the answer
 * goes out, so that a test's client, which sends its whole body before it reads an answer, gets the
 * 413 instead of a reset connection. (The app's server answers at once; curl and browsers read it.)
 */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.complete) return
  req.removeAllListeners('data')
  req.resume()
  await once(req, 'end')
}

async function send(response: Response, res: ServerResponse) {
  const cookies = response.headers.getSetCookie()
  response.headers.forEach((value, name) => {
    // As the app's start script does (server.mjs): the app's own compressed answers get their Content-Encoding.
    if (name === CONTENT_ENCODING_HEADER) res.setHeader('content-encoding', value)
    else if (name !== 'set-cookie') res.setHeader(name, value)
  })
  if (cookies.length) res.setHeader('set-cookie', cookies)
  res.writeHead(response.status)
  res.end(Buffer.from(await response.arrayBuffer()))
}

/** A test's own handling before Payload's: answers and returns true, or leaves the request alone. */
export type Intercept = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>

export async function serve(config: SanitizedConfig, host = '127.0.0.1', intercept?: Intercept): Promise<TestServer> {
  const graphql = GRAPHQL_POST(Promise.resolve(config))
  const server = createServer(async (req, res) => {
    try {
      if (intercept && (await intercept(req, res))) return
      const request = await guardPayloadRequest(toRequest(req, `http://${req.headers.host}`))
      const isGraphQL = !(request instanceof Response) && request.method === 'POST' && new URL(request.url).pathname === '/api/graphql'
      const response = request instanceof Response ? request : isGraphQL ? await graphql(request) : await handleEndpoints({ config, request })
      await drain(req)
      await send(response, res)
    } catch (error) {
      res.writeHead(599).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
