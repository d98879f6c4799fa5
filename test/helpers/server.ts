// Serves a test's Payload over real HTTP with Payload's own request handling (REST, custom endpoints
// and GraphQL), as the Next.js route handlers of the app do, without building the admin.
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleEndpoints, type SanitizedConfig } from 'payload'

export interface TestServer {
  url: string
  close: () => Promise<void>
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  // Like Next.js: the peer's address is appended to X-Forwarded-For.
  const forwarded = headers.get('x-forwarded-for')
  headers.set('x-forwarded-for', forwarded ? `${forwarded}, ${req.socket.remoteAddress}` : String(req.socket.remoteAddress))
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks)
  return new Request(new URL(req.url ?? '/', base), { method: req.method, headers, body })
}

async function send(response: Response, res: ServerResponse) {
  const cookies = response.headers.getSetCookie()
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
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
      const request = await toRequest(req, `http://${req.headers.host}`)
      const isGraphQL = request.method === 'POST' && new URL(request.url).pathname === '/api/graphql'
      await send(isGraphQL ? await graphql(request) : await handleEndpoints({ config, request }), res)
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
