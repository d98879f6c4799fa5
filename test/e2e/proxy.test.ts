// Rate limits count the real client, end to end: the app (node server.mjs) reached directly and
// behind a real reverse proxy that appends to X-Forwarded-For, written here. Clients on different
// loopback addresses forge the header: a forged value neither escapes a budget nor spends another
// client's.
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, requireFreshBuild, startApp } from './app.js'

let direct: App
let proxied: App
let proxy: Server
let proxyUrl: string

const LIMITS = { RATE_LIMIT_READ: '10/60', RATE_LIMIT_LOGIN: '5/900', EHK_SEED: 'false' }

beforeAll(async () => {
  requireFreshBuild()
  // Both started at once; if one fails, the other is stopped too (afterAll only knows assigned ones).
  const started = await Promise.allSettled([startApp(3928, LIMITS), startApp(3929, { ...LIMITS, TRUSTED_PROXY_HOPS: '1' })])
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)))
    throw failed.reason
  }
  ;[direct, proxied] = started.map((s) => (s as PromiseFulfilledResult<App>).value) as [App, App]
  // A reverse proxy as nginx or a load balancer runs one: it appends the address it received from.
  proxy = createServer((incoming, outgoing) => {
    const forwarded = incoming.headers['x-forwarded-for']
    const headers = { ...incoming.headers, 'x-forwarded-for': `${forwarded ? `${forwarded}, ` : ''}${incoming.socket.remoteAddress}` }
    const upstream = request(`${proxied.url}${incoming.url}`, { method: incoming.method, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode!, answer.headers)
      answer.pipe(outgoing)
    })
    incoming.pipe(upstream)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
}, 300_000)

afterAll(async () => {
  proxy?.close()
  await Promise.all([direct?.stop(), proxied?.stop()])
})

/** A request from a client on the given loopback address, saying what it likes in X-Forwarded-For. */
function from(client: string, url: string, { forged, method = 'GET', body }: { forged?: string; method?: string; body?: unknown } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, localAddress: client, headers: { ...(forged && { 'x-forwarded-for': forged }), ...(body !== undefined && { 'content-type': 'application/json' }) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
    })
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

const reads = async (client: string, base: () => string, count: number, forged: (i: number) => string | undefined) => {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) statuses.push(await from(client, `${base()}/api/ehk/v1/municipalities`, { forged: forged(i) }))
  return statuses
}

for (const [setup, base] of [
  ['reached directly (no proxy: the socket’s address)', () => direct.url],
  ['behind one appending proxy (TRUSTED_PROXY_HOPS=1)', () => proxyUrl],
] as const) {
  describe(setup, () => {
    const prefix = setup.startsWith('reached') ? '127.0.1.' : '127.0.2.'
    it('does not let a new forged X-Forwarded-For per request escape the budget', async () => {
      const statuses = await reads(`${prefix}1`, base, 12, (i) => `198.51.100.${i}`)
      expect(statuses).toEqual([...Array(10).fill(200), 429, 429])
    })

    it('does not let a forged X-Forwarded-For spend another client’s budget', async () => {
      const victim = `${prefix}2`
      const framing = await reads(`${prefix}3`, base, 11, () => victim)
      expect(framing.at(-1)).toBe(429)
      expect(await reads(victim, base, 1, () => undefined)).toEqual([200])
    })

    it('does not let forged addresses escape the login limit either', async () => {
      // All at once (each refusal waits for the app's one-second floor): exactly five get through to a refusal.
      const statuses = await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          from(`${prefix}4`, `${base()}/api/users/login`, { method: 'POST', forged: `203.0.113.${i}`, body: { email: `x${i}@example.org`, password: 'wrong-password-1' } }),
        ),
      )
      expect(statuses.sort()).toEqual([401, 401, 401, 401, 401, 429, 429])
    })
  })
}
