// The public widget API's reads over real HTTP: Payload's own request handling (custom endpoints,
// REST and GraphQL) on a real SQLite database. Applying is in applying.test.ts.
import { get, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiFixture, OPEN_NOW, PARTNER_ORIGIN, SECRETS, startApi, STRANGER_ORIGIN } from '../helpers/api.js'
import { PREVIEW_TTL_MS, previewToken } from '../../src/api/preview.js'
import { createUser, type Doc } from '../helpers/fixtures.js'
import { TEST_SERVER_URL, type TestPayload } from '../helpers/payload.js'
import type { TestServer } from '../helpers/server.js'

let api: ApiFixture
let t: TestPayload
let payload: Payload
let server: TestServer
let partner: Doc
let announced: Doc
let decided: Doc
let call: ApiFixture['call']
let post: ApiFixture['post']
let validBody: ApiFixture['validBody']
let stored: ApiFixture['stored']

beforeAll(async () => {
  api = await startApi()
  ;({ t, payload, server, partner, announced, decided, call, post, validBody, stored } = api)
})
afterAll(() => api?.close())

/** The bytes as sent, undecoded (fetch would decode them). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${server.url}/api/ehk/v1${path}`, { headers: { 'x-forwarded-for': '10.9.9.9', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

describe('compression', () => {
  it('sends brotli or gzip to a client that accepts it, each with its own ETag, and the same JSON', async () => {
    const plain = await raw('/municipalities', {})
    const br = await raw('/municipalities', { 'accept-encoding': 'gzip, deflate, br' })
    const gz = await raw('/municipalities', { 'accept-encoding': 'gzip' })
    const refused = await raw('/municipalities', { 'accept-encoding': 'br;q=0, gzip;q=0.5' })
    expect([plain.headers['content-encoding'], br.headers['content-encoding'], gz.headers['content-encoding'], refused.headers['content-encoding']]).toEqual([undefined, 'br', 'gzip', 'gzip'])
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()))
    expect(JSON.parse(gunzipSync(gz.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()))
    console.log(`/municipalities: ${plain.bytes.length} B plain, ${gz.bytes.length} B gzip, ${br.bytes.length} B brotli`)
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4)
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3)
    expect(br.headers.vary).toBe('Origin, Accept-Encoding')
    // A cached copy in any encoding is still current: 304.
    expect((await raw('/municipalities', { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag! })).status).toBe(304)
  })

  it('leaves a small answer uncompressed', async () => {
    const small = await raw('/winners?year=2025', { 'accept-encoding': 'br' })
    expect([small.status, small.headers['content-encoding'], small.headers.etag]).toEqual([200, undefined, expect.stringMatching(/^"[\w-]{32}"$/)])
  })
})

describe('health', () => {
  it('tells a load balancer whether this server can work, with counts and booleans only', async () => {
    const { status, json, text, headers } = await call('/health', { origin: undefined })
    expect(status).toBe(200)
    // The test app runs its jobs by hand, so its queue is not running by itself: degraded.
    expect(json).toEqual({ status: 'degraded', database: true, email: { configured: true, failed: 0 }, jobs: { autoRun: false, overdue: 0, failed: 0 }, checkedAt: new Date(OPEN_NOW).toISOString() })
    expect(headers.get('cache-control')).toBe('no-store')
    expect(text).not.toMatch(/@|smtp|secret|cms\.test|127\.0\.0\.1/i)
  })

  it('counts a job left waiting more than five minutes past its time as overdue', async () => {
    const job = await payload.jobs.queue({ task: 'ehk-jury-notices', queue: 'ehk-test-nobody-runs', input: {}, waitUntil: new Date(new Date(OPEN_NOW).getTime() - 6 * 60_000) })
    t.clock.set(new Date(new Date(OPEN_NOW).getTime() + 3000))
    try {
      expect((await call('/health', { origin: undefined })).json.jobs.overdue).toBe(1)
    } finally {
      await payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
      t.clock.set(OPEN_NOW)
    }
  })
})

describe('reading', () => {
  it('gives the current year with its criteria, limit, window and the server time', async () => {
    const { status, json, headers } = await call('/years/current')
    expect(status).toBe(200)
    expect(json).toMatchObject({ year: 2027, status: 'open', window: 'open', acceptingApplications: true, characterLimit: 12000, deadline: '2027-04-14T21:59:59.000Z' })
    expect(json.criteria.map((c: any) => c.title)).toEqual(['Ledning', 'Infrastruktur', 'Kompetens', 'Användning'])
    expect(json.criteria[0].guidingQuestions).toEqual(['Hur arbetar ni med Ledning?'])
    expect(headers.get('x-ehk-server-time')).toBe(new Date(OPEN_NOW).toISOString())
    expect(headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=120')
    expect(headers.get('etag')).toMatch(/^"[\w-]{32}(-br|-gz)?"$/)
  })

  it('gives a published year by number, and 404 for a draft, an unknown or a malformed year', async () => {
    expect((await call('/years/2026')).json).toMatchObject({ year: 2026, status: 'announced', acceptingApplications: false, window: 'closed' })
    for (const year of ['2028', '1999', 'abc', '2026.5']) {
      const { status, json } = await call(`/years/${year}`)
      expect(status, year).toBe(404)
      expect(json.message).toBe('Året finns inte eller är inte publicerat.')
    }
    expect((await call('/years/1999', { headers: { 'accept-language': 'en-GB,en;q=0.8' } })).json.message).toBe('The year does not exist or is not published.')
  })

  it('gives the announced winners newest first as structured rich text, with limit and year', async () => {
    const { status, json } = await call('/winners')
    expect(status).toBe(200)
    expect(json.winners).toEqual([
      {
        year: 2026,
        title: 'Sveriges eHälsokommun 2026',
        municipality: { code: '1281', name: 'Lunds kommun', shortName: 'Lund' },
        motivation: [{ type: 'paragraph', children: [{ text: 'Lund har satt invånarna i centrum.' }] }],
        successFactors: ['Tydlig ledning'],
        announcedAt: '2026-05-20T08:00:00.000Z',
      },
    ])
    expect((await call('/winners?year=2025')).json.winners).toEqual([])
    expect((await call('/winners?limit=1&year=2026')).json.winners).toHaveLength(1)
  })

  it('reads numbers written one way only: a fraction or another spelling is a 400 (or no year), never a 500', async () => {
    for (const limit of ['3.7', '0', '51', '-1', '1e1', '0x10', ' 5', 'abc']) {
      const { status, json } = await call(`/winners?limit=${encodeURIComponent(limit)}`)
      expect([limit, status, json.errors]).toEqual([limit, 400, { limit: 'Ange ett heltal från 1 till 50.' }])
    }
    for (const year of ['0x7EB', '+2026', '2026.0', '2026e0', '26']) {
      const { status, json } = await call(`/winners?year=${encodeURIComponent(year)}`)
      expect([year, status, json.errors]).toEqual([year, 400, { year: 'Ange ett år med fyra siffror, till exempel 2027.' }])
      expect([year, (await call(`/years/${encodeURIComponent(year)}`)).status]).toEqual([year, 404])
      expect([year, (await call(`/years/${encodeURIComponent(year)}/jury`)).status]).toEqual([year, 404])
    }
    expect((await call('/winners?limit=&year=')).status).toBe(200)
  })

  it('gives the 290 municipalities and a year’s published jury and partners, without contact details', async () => {
    const { json } = await call('/municipalities')
    expect(json.municipalities).toHaveLength(290)
    expect(json.municipalities.find((m: any) => m.code === '0180')).toEqual({ code: '0180', name: 'Stockholms kommun', shortName: 'Stockholm', county: 'Stockholms län' })
    const jury = await call('/years/2026/jury')
    expect(jury.json).toEqual({
      year: 2026,
      jury: [{ name: 'Juryns ordförande', title: null, organisation: null, bio: null, photo: null }],
      partners: [{ name: 'Demopartner', shortName: null, role: 'partner', website: null, logo: null }],
    })
    // The current year's (the open 2027) in one request: the same answer as by its number.
    const current = await call('/years/current/jury')
    expect(current.status).toBe(200)
    expect(current.json.year).toBe(2027)
    expect(current.json).toEqual((await call('/years/2027/jury')).json)
  })

  it('answers 304 to an unchanged read and 200 with a new ETag as soon as an editor changes it', async () => {
    const first = await call('/winners')
    const etag = first.headers.get('etag')!
    const again = await call('/winners', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.headers.get('etag')).toBe(etag)

    const editor = await createUser(payload, 'editor')
    await payload.update({ collection: 'award-years', id: announced.id, data: { successFactors: [{ text: 'Tydlig ledning' }, { text: 'Invånarna först' }] }, user: editor, overrideAccess: false })
    const changed = await call('/winners', { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(changed.json.winners[0].successFactors).toEqual(['Tydlig ledning', 'Invånarna först'])
  })
})

describe('CORS per partner origin', () => {
  it('echoes an allowed origin, with Vary: Origin (and Accept-Encoding) and the headers a widget reads', async () => {
    const { headers } = await call('/years/current')
    expect(headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN)
    expect(headers.get('vary')).toBe('Origin, Accept-Encoding')
    expect(headers.get('access-control-expose-headers')).toBe('ETag, Retry-After, X-EHK-Server-Time')
    expect(headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('gives a refused origin no CORS headers, and refuses its posts with 403, storing nothing', async () => {
    const read = await call('/years/current', { origin: STRANGER_ORIGIN })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    expect(read.headers.get('vary')).toBe('Origin, Accept-Encoding')
    const write = await post(validBody('0114'), { origin: STRANGER_ORIGIN })
    expect(write.status).toBe(403)
    expect(write.json.message).toBe('Den här webbplatsen får inte använda tjänsten.')
    expect(await stored('0114')).toHaveLength(0)
  })

  it('answers a preflight from an allowed origin with 204 and from any other with 403', async () => {
    const allowed = await call('/applications', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' } })
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN)
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, OPTIONS')
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Idempotency-Key')
    expect(allowed.headers.get('access-control-max-age')).toBe('600')
    const refused = await call('/applications', { method: 'OPTIONS', origin: STRANGER_ORIGIN })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('takes a partner’s new origin into use at once, and drops a removed one', async () => {
    const newcomer = 'https://ny.partner.example'
    expect((await call('/years/current', { method: 'OPTIONS', origin: newcomer })).status).toBe(403)
    const admin = await createUser(payload, 'admin')
    await payload.update({ collection: 'partners', id: partner.id, data: { allowedOrigins: [{ origin: PARTNER_ORIGIN }, { origin: `${newcomer}/` }] }, user: admin, overrideAccess: false })
    expect((await call('/years/current', { method: 'OPTIONS', origin: newcomer })).status).toBe(204)
    await payload.update({ collection: 'partners', id: partner.id, data: { allowedOrigins: [{ origin: PARTNER_ORIGIN }] }, user: admin, overrideAccess: false })
    expect((await call('/years/current', { method: 'OPTIONS', origin: newcomer })).status).toBe(403)
  })

  it('lets the CMS’s own pages (its own origin, or no Origin header at all) use the API', async () => {
    expect((await call('/years/current', { origin: server.url })).headers.get('access-control-allow-origin')).toBe(server.url)
    expect((await call('/years/current', { origin: null })).status).toBe(200)
    // Another port on the same host is another origin.
    expect((await post(validBody('0187'), { origin: server.url.replace(/:\d+$/, ':1') })).status).toBe(403)
    // Behind the trusted proxy, the host it forwards is ours.
    const proxied = await call('/years/current', { method: 'OPTIONS', origin: 'https://cms.example.org', headers: { 'x-forwarded-host': 'cms.example.org' } })
    expect(proxied.status).toBe(204)
  })
})

describe('the embargo and confidential data on every public path', () => {
  let adminCookie: string

  beforeAll(async () => {
    const admin = await createUser(payload, 'admin', 'embargo-admin@example.org')
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: 'correct-horse-battery' }),
    })
    expect(login.status).toBe(200)
    adminCookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  })

  const leaks = (text: string) => [...SECRETS, '2480', 'Umeå', 'ulla@umea.example', 'kim@lund.example', 'eva.'].filter((secret) => text.includes(secret))

  it('keeps the decided winner, motivation and factors and applicants’ contacts out of the widget API', async () => {
    for (const path of ['/years/current', '/years/current/jury', '/years/2025', '/years/2025/jury', '/winners', '/winners?year=2025', '/years/2026']) {
      const { status, text } = await call(path)
      expect(status, path).toBeLessThan(500)
      expect(leaks(text), path).toEqual([])
    }
  })

  it('ignores a logged-in admin’s cookie on the widget API: still the public view, and never cached publicly', async () => {
    const { text, headers } = await call('/years/2025', { headers: { cookie: adminCookie } })
    expect(leaks(text)).toEqual([])
    expect(headers.get('cache-control')).toBe('private, no-store')
  })

  it('keeps them out of Payload’s own REST API for the public', async () => {
    const paths = [
      '/api/award-years?depth=2&limit=100',
      `/api/award-years/${decided.id}?depth=2`,
      '/api/award-years?where[winner][exists]=true&depth=1',
      '/api/award-years?where[juryMotivation][like]=HEMLIG',
      '/api/applications?depth=0',
      '/api/jurors?depth=2',
    ]
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`)
      const text = await response.text()
      expect(response.status, path).toBeLessThan(500)
      expect(leaks(text), path).toEqual([])
    }
    // The cookie itself works on Payload's REST API from the CMS's own pages (CSRF: their Origin):
    // staff do see the decided winner there.
    const staff = await fetch(`${server.url}/api/award-years/${decided.id}?depth=1`, { headers: { cookie: adminCookie, origin: TEST_SERVER_URL } })
    expect(await staff.text()).toContain(SECRETS[0])
    // Without the CMS's Origin (another site, or a script that replays the cookie) it is ignored.
    for (const origin of [STRANGER_ORIGIN, null]) {
      const other = await fetch(`${server.url}/api/award-years/${decided.id}?depth=1`, { headers: { cookie: adminCookie, ...(origin && { origin }) } })
      expect(leaks(await other.text()), String(origin)).toEqual([])
    }
  })

  it('keeps them out of GraphQL for the public', async () => {
    const queries = [
      '{ AwardYears(limit: 100) { docs { year status winner { municipality contact { email } } juryMotivation successFactors { text } } } }',
      '{ Applications { docs { municipality contact { email } } } }',
      '{ AwardYears(where: { winner: { exists: true } }) { docs { year } } }',
    ]
    for (const query of queries) {
      const response = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      const text = await response.text()
      expect(response.status, query).toBeLessThan(500)
      expect(leaks(text), query).toEqual([])
    }
    const years = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: queries[0] }) })
    const { data } = (await years.json()) as any
    expect(data.AwardYears.docs.map((y: any) => y.year).sort()).toEqual([2025, 2026, 2027])
    expect(data.AwardYears.docs.find((y: any) => y.year === 2025).winner).toBeNull()
  })
})

describe('the announcement', () => {
  it('shows the winner on every public path at once, with no stale answer from any cache', async () => {
    const before = await call('/winners')
    expect(before.json.winners.map((w: any) => w.year)).toEqual([2026])
    t.clock.set('2027-05-17T08:00:00Z')
    try {
      const editor = await createUser(payload, 'editor')
      await payload.update({ collection: 'award-years', id: decided.id, data: { status: 'announced' }, user: editor, overrideAccess: false })
      const after = await call('/winners', { headers: { 'if-none-match': before.headers.get('etag')! } })
      expect(after.status).toBe(200)
      expect(after.json.winners.map((w: any) => [w.year, w.municipality.name])).toEqual([
        [2026, 'Lunds kommun'],
        [2025, 'Umeå kommun'],
      ])
      expect((await call('/years/2025')).status).toBe(200)
    } finally {
      t.clock.set(OPEN_NOW)
    }
  })
})

describe('the preview of a year before it is published', () => {
  const token = (year: number, at = new Date(OPEN_NOW)) => previewToken(payload.secret, year, at)

  it('shows a draft year and its jury only with a valid link’s token, privately, and never to the public', async () => {
    expect((await call('/years/2028')).status).toBe(404)
    const view = await call('/years/2028', { headers: { 'x-ehk-preview': token(2028) } })
    expect(view.status).toBe(200)
    expect(view.json).toMatchObject({ year: 2028, status: 'draft', window: 'not-open', acceptingApplications: false })
    expect(view.headers.get('cache-control')).toBe('private, no-store')
    const jury = await call('/years/2028/jury', { headers: { 'x-ehk-preview': token(2028) } })
    expect([jury.status, jury.json]).toEqual([200, { year: 2028, jury: [], partners: [] }])
    // The public still gets nothing, also right after a preview (nothing of it was cached).
    expect((await call('/years/2028')).status).toBe(404)
    expect((await call('/years/2028/jury')).status).toBe(404)
  })

  it('refuses an expired, altered or other year’s token with 403 and a message', async () => {
    const expired = token(2028, new Date(new Date(OPEN_NOW).getTime() - PREVIEW_TTL_MS))
    const valid = token(2028)
    const altered = valid.replace(/^2028/, '2027')
    const forged = `2028.${new Date(OPEN_NOW).getTime() + PREVIEW_TTL_MS}.${'A'.repeat(43)}`
    for (const [path, sent] of [
      ['/years/2028', expired],
      ['/years/2027', altered],
      ['/years/2028', forged],
      ['/years/2027', valid],
      ['/years/2028/jury', 'x'],
    ] as const) {
      const answer = await call(path, { headers: { 'x-ehk-preview': sent } })
      expect([path, answer.status], sent).toEqual([path, 403])
      expect(answer.json.message).toBe('Förhandsvisningslänken är ogiltig eller har gått ut. Öppna en ny från året i administrationen.')
    }
    // A token made with another secret is refused too.
    expect((await call('/years/2028', { headers: { 'x-ehk-preview': previewToken('another-secret', 2028, new Date(OPEN_NOW)) } })).status).toBe(403)
  })

  it('gives staff, and only staff, the preview link in the admin: an hour’s token in the fragment', async () => {
    const preview = payload.collections['award-years'].config.admin.preview!
    const year = { id: 1, year: 2028 }
    const asUser = async (role: string) => ({ payload, user: { ...(await createUser(payload, role as never)), collection: 'users' } }) as never
    const link = await preview(year, { req: await asUser('editor'), token: undefined as never, locale: undefined as never })
    expect(link).toMatch(new RegExp(`^${TEST_SERVER_URL}/forhandsvisning\\?ar=2028#2028\\.\\d{13}\\.[\\w-]{43}$`))
    const sent = link!.split('#')[1]!
    expect((await call('/years/2028', { headers: { 'x-ehk-preview': sent } })).status).toBe(200)
    expect(await preview(year, { req: await asUser('juror'), token: undefined as never, locale: undefined as never })).toBeNull()
    expect(await preview(year, { req: { payload, user: null } as never, token: undefined as never, locale: undefined as never })).toBeNull()
  })
})
