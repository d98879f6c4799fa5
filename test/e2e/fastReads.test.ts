// The public reads' light path (src/api/fastReads.ts, taken by server.mjs) against the usual path
// through Next.js and Payload: two app servers on one database, one with the light path turned off
// (EHK_LIGHT_PATHS=false), asked the same questions. Status, headers and bytes must be the same.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type App, requireFreshBuild, startApp } from './app.js'

let fast: App
let usual: App
beforeAll(async () => {
  requireFreshBuild()
  fast = await startApp(3933)
  // The same public address too: whether an Origin is the CMS's own is decided by it.
  usual = await startApp(3934, { EHK_LIGHT_PATHS: 'false', DATABASE_URI: fast.database, SERVER_URL: fast.url })
}, 300_000)
afterAll(async () => {
  await usual?.stop()
  await fast?.stop()
})

/** What may differ between two servers' answers to the same question: the moment and the connection. */
const PER_SERVER = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-ehk-server-time'])
/**
 * What Next.js adds for its own pages and the light path leaves out: Payload's admin's colour-scheme
 * client hint, and the request headers of Next.js's router in Vary (see src/api/fastReads.ts).
 */
const NEXT_PAGES_ONLY = new Set(['accept-ch', 'critical-ch'])
const NEXT_VARY = new Set(['sec-ch-prefers-color-scheme', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch'])
const answerOf = async (app: App, path: string, headers: Record<string, string>) => {
  const response = await fetch(`${app.url}${path}`, { headers })
  const kept = [...response.headers]
    .filter(([name]) => !PER_SERVER.has(name) && !NEXT_PAGES_ONLY.has(name))
    .map(([name, value]): [string, string] => [
      name,
      name === 'vary'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter((v) => !NEXT_VARY.has(v.toLowerCase()))
            .join(', ')
        : value,
    ])
    .sort(([a], [b]) => a.localeCompare(b))
  return { status: response.status, headers: kept, serverTime: response.headers.has('x-ehk-server-time'), body: Buffer.from(await response.arrayBuffer()).toString('base64') }
}

it('answers every public read exactly as Payload’s own handling does, refusals included', async () => {
  const { year } = await (await fetch(`${fast.url}/api/ehk/v1/years/current`)).json()
  const paths = [
    '/years/current',
    `/years/${year}`,
    `/years/${year}/jury`,
    '/years/current/jury',
    '/years/1999',
    '/years/abc',
    '/winners',
    '/winners?limit=1&year=2022',
    '/municipalities',
    '/years/current/',
    '/winners?limit=3.7',
    '/winners?year=0x7EB',
    `/years/${year}.0`,
    `/years/+${year}/jury`,
  ]
  const asks: Array<Record<string, string>> = [
    {},
    { 'accept-encoding': 'br, gzip', 'accept-language': 'en' },
    { origin: 'https://unknown.example' },
    { origin: fast.url, 'accept-encoding': 'gzip' },
    { 'x-ehk-preview': '2028.0.x' },
  ]
  for (const path of paths) {
    for (const headers of asks) {
      const [a, b] = [await answerOf(fast, `/api/ehk/v1${path}`, headers), await answerOf(usual, `/api/ehk/v1${path}`, headers)]
      expect(a, `${path} ${JSON.stringify(headers)}`).toEqual(b)
    }
    // A cached copy is confirmed the same way on both.
    const etag = (await fetch(`${fast.url}/api/ehk/v1${path}`)).headers.get('etag')
    if (etag) expect((await answerOf(fast, `/api/ehk/v1${path}`, { 'if-none-match': etag })).status).toBe((await answerOf(usual, `/api/ehk/v1${path}`, { 'if-none-match': etag })).status)
  }
})

it('serves the widgets’ files from memory, compressed once, with the headers Next.js gives them, and 304 for a current copy', async () => {
  for (const name of ['ehk.js', 'custom-elements.json']) {
    const [a, b] = [await fetch(`${fast.url}/widgets/${name}`), await fetch(`${usual.url}/widgets/${name}`)]
    // The same bytes (fetch decodes them), type family and caching rules as Next.js's static files.
    expect(Buffer.from(await a.arrayBuffer())).toEqual(Buffer.from(await b.arrayBuffer()))
    for (const header of ['access-control-allow-origin', 'cross-origin-resource-policy', 'cache-control', 'x-content-type-options', 'content-security-policy', 'referrer-policy', 'permissions-policy'])
      expect([name, header, a.headers.get(header)]).toEqual([name, header, b.headers.get(header)])
    expect(a.headers.get('content-type')!.split(';')[0]).toBe(b.headers.get('content-type')!.split(';')[0])
  }
  const runtime = /ehk-runtime-[\w-]{8}\.js/.exec(await (await fetch(`${fast.url}/widgets/ehk.js`)).text())![0]
  const br = await fetch(`${fast.url}/widgets/${runtime}`, { headers: { 'accept-encoding': 'br' } })
  expect([br.status, br.headers.get('content-encoding'), br.headers.get('cache-control'), br.headers.get('vary')]).toEqual([200, 'br', 'public, max-age=31536000, immutable', 'Accept-Encoding'])
  expect((await fetch(`${fast.url}/widgets/${runtime}`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers.get('etag')! } })).status).toBe(304)
  expect((await fetch(`${fast.url}/widgets/ehk-nothing-12345678.js`)).status).toBe((await fetch(`${usual.url}/widgets/ehk-nothing-12345678.js`)).status)
})
