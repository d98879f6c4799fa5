// The public widget API over real HTTP: Payload's own request handling (custom endpoints, REST and
// GraphQL) on a real SQLite database, e-mails through a real SMTP server on loopback.
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkApplication } from '../../src/domain/application.js'
import { isMunicipalityCode, MUNICIPALITIES } from '../../src/domain/municipalities.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { lexicalFromParagraphs } from '../../src/lib/richText.js'
import { answersFor, applicationData, createCriteria, createJuror, createUser, createYear, type Doc, importApplication, sys } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'
import { serve, type TestServer } from '../helpers/server.js'
import { type Mailbox, startSmtp } from '../helpers/smtp.js'

const PARTNER_ORIGIN = 'https://partner.example'
const STRANGER_ORIGIN = 'https://stranger.example'
const OPEN_NOW = '2027-02-01T12:00:00Z'
const AFTER_DEADLINE = '2027-04-14T22:00:00Z'
const SECRETS = ['HEMLIG MOTIVERING', 'HEMLIG FRAMGÅNGSFAKTOR']

let t: TestPayload
let payload: Payload
let server: TestServer
let mail: Mailbox
let criteria: Doc[]
let open: Doc
let announced: Doc
let decided: Doc
let partner: Doc

// Every request comes from its own client address (one trusted proxy hop), so rate limits only bite
// where a test means them to.
let nextClient = 0
const newClient = () => `10.1.${Math.floor(++nextClient / 250)}.${nextClient % 250}`

interface Call {
  method?: string
  origin?: string | null
  body?: unknown
  headers?: Record<string, string>
  client?: string
}
async function call(path: string, { method = 'GET', origin = PARTNER_ORIGIN, body, headers = {}, client = newClient() }: Call = {}) {
  const response = await fetch(`${server.url}/api/ehk/v1${path}`, {
    method,
    headers: {
      'x-forwarded-for': client,
      ...(origin ? { origin } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as any) : undefined }
}
const post = (body: unknown, options: Call = {}) => call('/applications', { method: 'POST', body, ...options })

function validBody(municipality: string, overrides: Record<string, unknown> = {}) {
  const { awardYear: _, ...data } = applicationData(open, criteria, { municipality, contact: { name: 'Eva Ek', role: 'Strateg', email: `eva.${municipality}@kommun.example`, phone: '031-123 45 67' } })
  return { ...data, ...overrides }
}

const stored = async (municipality: string) =>
  (await payload.find({ collection: 'applications', where: { and: [{ awardYear: { equals: open.id } }, { municipality: { equals: municipality } }] }, ...sys, showHiddenFields: true })).docs as Doc[]

const tokenIn = (message: ParsedMail) => /#redigera=([\w-]+)/.exec(message.text ?? '')?.[1]

beforeAll(async () => {
  mail = await startSmtp()
  t = await startPayload({
    now: OPEN_NOW,
    email: mail.adapter,
    api: { proxyHops: 1, rateLimits: { submit: { points: 5, duration: 600 }, read: { points: 40, duration: 60 } } },
  })
  payload = t.payload
  server = await serve(t.config)
  await createUser(payload, 'admin', 'first-admin@example.org') // the first account always becomes an admin
  criteria = await createCriteria(payload)
  partner = (await payload.create({ collection: 'partners', data: { name: 'Demopartner', role: 'partner', allowedOrigins: [{ origin: PARTNER_ORIGIN }] }, ...sys })) as Doc
  open = await createYear(payload, {
    year: 2027,
    status: 'open',
    opensAt: '2026-11-01T00:00:00Z',
    deadline: '2027-04-14T21:59:59Z',
    criteria: criteria.map((c) => c.id),
    partners: [partner.id],
    contact: { title: 'Affärsansvarig', email: 'kontakt@example.org' },
  })
  announced = await createYear(payload, { year: 2026, status: 'announced', deadline: '2026-04-14T21:59:59Z', announcementAt: '2026-05-20T08:00:00Z', criteria: criteria.map((c) => c.id), partners: [partner.id] })
  const lund = await importApplication(payload, announced, criteria, { municipality: '1281', status: 'winner', contact: { name: 'Kim Lund', email: 'kim@lund.example' } })
  await payload.update({
    collection: 'award-years',
    id: announced.id,
    data: { winner: lund.id, juryMotivation: lexicalFromParagraphs(['Lund har satt invånarna i centrum.']), successFactors: [{ text: 'Tydlig ledning' }] } as never,
    context: { [HISTORICAL_IMPORT]: true },
    ...sys,
  })
  await createJuror(payload, await createUser(payload, 'juror'), [announced], 'Juryns ordförande')
  // Decided, not announced: the winner, motivation and factors are under embargo.
  decided = await createYear(payload, { year: 2025, status: 'finalists', deadline: '2025-04-14T21:59:59Z', announcementAt: '2027-05-17T08:00:00Z', criteria: criteria.map((c) => c.id) })
  const secretWinner = await importApplication(payload, decided, criteria, { municipality: '2480', status: 'finalist', contact: { name: 'Ulla Umeå', email: 'ulla@umea.example' } })
  await payload.update({
    collection: 'award-years',
    id: decided.id,
    data: { status: 'decided', winner: secretWinner.id, juryMotivation: lexicalFromParagraphs([SECRETS[0]!]), successFactors: [{ text: SECRETS[1]! }] } as never,
    ...sys,
  })
  await createYear(payload, { year: 2028, status: 'draft', criteria: criteria.map((c) => c.id) })
})
afterAll(async () => {
  await server?.close()
  await t?.destroy()
  await mail?.close()
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
    expect(headers.get('etag')).toMatch(/^"[\w-]{32}"$/)
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
  it('echoes an allowed origin, with Vary: Origin and the headers a widget reads', async () => {
    const { headers } = await call('/years/current')
    expect(headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN)
    expect(headers.get('vary')).toBe('Origin')
    expect(headers.get('access-control-expose-headers')).toBe('ETag, Retry-After, X-EHK-Server-Time')
    expect(headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('gives a refused origin no CORS headers, and refuses its posts with 403, storing nothing', async () => {
    const read = await call('/years/current', { origin: STRANGER_ORIGIN })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    expect(read.headers.get('vary')).toBe('Origin')
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
    const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: 'correct-horse-battery' }) })
    expect(login.status).toBe(200)
    adminCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  })

  const leaks = (text: string) => [...SECRETS, '2480', 'Umeå', 'ulla@umea.example', 'kim@lund.example', 'eva.'].filter((secret) => text.includes(secret))

  it('keeps the decided winner, motivation and factors and applicants’ contacts out of the widget API', async () => {
    for (const path of ['/years/current', '/years/2025', '/years/2025/jury', '/winners', '/winners?year=2025', '/years/2026']) {
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
    // The cookie itself works on Payload's REST API: staff do see the decided winner there.
    const staff = await fetch(`${server.url}/api/award-years/${decided.id}?depth=1`, { headers: { cookie: adminCookie } })
    expect(await staff.text()).toContain(SECRETS[0])
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

describe('submitting an application', () => {
  it('answers 201 with a receipt, attributes the partner and mails the applicant and the organiser in Swedish', async () => {
    const before = mail.messages.length
    const { status, json, headers } = await post(validBody('1280'))
    expect(status).toBe(201)
    expect(headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN)
    expect(json).toEqual({ reference: 'EHK-2027-1280', year: 2027, municipality: { code: '1280', name: 'Malmö kommun' }, submittedAt: OPEN_NOW.replace('Z', '.000Z'), editableUntil: '2027-04-14T21:59:59.000Z' })
    const [application] = await stored('1280')
    expect(application).toMatchObject({ status: 'submitted', partner: partner.id, reference: 'EHK-2027-1280' })
    expect(application!.editTokenHash).toMatch(/^[0-9a-f]{64}$/)

    const messages = (await mail.waitFor(before + 2)).slice(before)
    const toApplicant = messages.find((m) => m.to && 'text' in m.to && m.to.text.includes('eva.1280@kommun.example'))!
    expect(toApplicant.subject).toBe('Ansökan mottagen: EHK-2027-1280')
    expect(toApplicant.text).toContain('Referensnummer: EHK-2027-1280')
    expect(toApplicant.text).toContain('Kommun: Malmö kommun')
    expect(toApplicant.text).toContain('14 april 2027 kl. 23:59')
    const token = tokenIn(toApplicant)!
    expect(token).toHaveLength(43)
    expect(application!.editTokenHash).not.toContain(token)
    const toOrganiser = messages.find((m) => m !== toApplicant)!
    expect((toOrganiser.to as { text: string }).text).toBe('kontakt@example.org')
    expect(toOrganiser.subject).toBe('Ny ansökan till Sveriges eHälsokommun 2027: Malmö kommun')
    expect(toOrganiser.text).not.toContain(token)
  })

  it('ignores server-owned fields in the body: status, reference, scores, partner', async () => {
    const { status } = await post(validBody('0115', { status: 'winner', reference: 'EHK-FAKE', scoreSummary: { reviews: 9, average: 5 }, partner: 999, editTokenHash: 'x', awardYear: decided.id }))
    expect(status).toBe(201)
    const [application] = await stored('0115')
    expect(application).toMatchObject({ status: 'submitted', reference: 'EHK-2027-0115', partner: partner.id, awardYear: open.id })
    expect(application!.scoreSummary).toEqual({ reviews: null, average: null })
    expect(application!.editTokenHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers 422 with a Swedish message per field, English on Accept-Language: en, and stores nothing', async () => {
    const body = validBody('0117', {
      consent: false,
      contact: { name: '', email: 'inte-en-adress' },
      answers: [...answersFor(criteria.slice(0, 3)), { criterion: 9999, text: 'x' }],
    })
    const sv = await post(body)
    expect(sv.status).toBe(422)
    expect(sv.json).toEqual({
      status: 422,
      message: 'Ansökan innehåller fel. Rätta fälten och skicka igen.',
      errors: {
        'contact.name': 'Ange kontaktpersonens namn.',
        'contact.email': 'Ange en giltig e-postadress, till exempel namn@kommun.se.',
        consent: 'Ni behöver godkänna att uppgifterna behandlas för att kunna skicka ansökan.',
        'answers.3.criterion': 'Svaret hör inte till något av årets områden.',
        answers: 'Beskriv alla 4 områden (1 saknas).',
      },
    })
    const en = await post(body, { headers: { 'accept-language': 'en' } })
    expect(en.json.message).toBe('The application has errors. Correct the fields and send it again.')
    expect(en.json.errors['contact.email']).toBe('Enter a valid e-mail address, such as name@kommun.se.')
    const tooLong = await post(validBody('0117', { answers: answersFor(criteria, ['a'.repeat(6000), 'b'.repeat(6000), 'c', 'd']) }))
    expect(tooLong.status).toBe(422)
    expect(tooLong.json.errors.answers).toBe('Texten är 2 tecken för lång: högst 12\u00a0000 tecken totalt, nu 12\u00a0002.')
    expect(await stored('0117')).toHaveLength(0)
  })

  it('stores text as it was checked: a name of control characters only is refused, not stored empty', async () => {
    const refused = await post(validBody('0186', { contact: { name: '\u0000\u0001', email: 'x@kommun.example' } }))
    expect(refused.status).toBe(422)
    expect(refused.json.errors['contact.name']).toBe('Ange kontaktpersonens namn.')
    expect(await stored('0186')).toHaveLength(0)
  })

  it('answers 409 when the municipality already applied this year', async () => {
    const { status, json } = await post(validBody('1280'))
    expect(status).toBe(409)
    expect(json.errors.municipality).toMatch(/^Kommunen har redan skickat in en ansökan/)
    expect(await stored('1280')).toHaveLength(1)
  })

  it('answers 400 to a body that is not a JSON object, and to a malformed Idempotency-Key', async () => {
    for (const body of ['{"municipality":', '[]', '"text"', 'null', '']) {
      const { status, json } = await post(body)
      expect(status, body).toBe(400)
      expect(json.message).toBe('Förfrågan kunde inte läsas (ogiltig JSON).')
    }
    const badKey = await post(validBody('0120'), { headers: { 'idempotency-key': 'kort' } })
    expect(badKey.status).toBe(400)
    expect(await stored('0120')).toHaveLength(0)
  })

  it('answers 413 to a body over 256 KB without reading it into an application', async () => {
    const { status, json } = await post(validBody('0123', { answers: answersFor(criteria, ['x'.repeat(300_000)]) }))
    expect(status).toBe(413)
    expect(json.message).toBe('Ansökan är för stor.')
    expect(await stored('0123')).toHaveLength(0)
  })

  it('answers a filled honeypot like a success, storing and mailing nothing', async () => {
    const before = mail.messages.length
    const { status, json } = await post(validBody('0125', { homepage: 'http://spam.example' }))
    expect(status).toBe(201)
    expect(json.reference).toBe('EHK-2027-0125')
    expect(await stored('0125')).toHaveLength(0)
    await post(validBody('0126'))
    const arrived = (await mail.waitFor(before + 2)).slice(before)
    expect(arrived.map((m) => m.subject)).not.toContain('Ansökan mottagen: EHK-2027-0125')
  })

  it('stores one application for two concurrent posts with the same Idempotency-Key, and gives both the same receipt', async () => {
    const key = 'a1b2c3d4-e5f6-4789-9abc-def012345678'
    const client = newClient()
    const [a, b] = await Promise.all([post(validBody('0127'), { headers: { 'idempotency-key': key }, client }), post(validBody('0127'), { headers: { 'idempotency-key': key }, client })])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(b.json).toEqual(a.json)
    expect(await stored('0127')).toHaveLength(1)
    const retry = await post(validBody('0127'), { headers: { 'idempotency-key': key } })
    expect(retry.status).toBe(201)
    expect(retry.json).toEqual(a.json)
    // A new key is a new attempt: the municipality has applied already.
    expect((await post(validBody('0127'), { headers: { 'idempotency-key': `${key}-2` } })).status).toBe(409)
  })

  it('answers 429 with Retry-After when one client sends too many valid applications; refused ones cost nothing', async () => {
    const client = newClient()
    // Corrections are free: twenty refused attempts spend nothing of the submission budget.
    for (let i = 0; i < 20; i++) expect((await post(validBody('0140', { consent: false }), { client })).status).toBe(422)
    const statuses: number[] = []
    for (const code of ['0140', '0160', '0162', '0163', '0180', '0181']) statuses.push((await post(validBody(code), { client })).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    const limited = await post(validBody('0182'), { client })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500)
    expect(limited.json.message).toBe('För många förfrågningar. Försök igen om en stund.')
    expect(limited.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN)
    expect(await stored('0181')).toHaveLength(0)
    // Another client is not affected.
    expect((await post(validBody('0181'))).status).toBe(201)
  })

  it('answers 429 to a client that reads too often, whatever it claims in X-Forwarded-For before the trusted hop', async () => {
    const client = newClient()
    const reads = await Promise.all(Array.from({ length: 45 }, (_, i) => call('/municipalities', { client: `203.0.113.${i}, ${client}` })))
    expect(reads.filter((r) => r.status === 429)).toHaveLength(5)
    expect(reads.filter((r) => r.status === 200)).toHaveLength(40)
  })

  it('answers 403 once the deadline has passed (by the server’s clock)', async () => {
    t.clock.set('2027-04-14T21:59:59Z')
    try {
      const { status, json } = await post(validBody('0136'))
      expect(status).toBe(403)
      expect(json.message).toBe('Sista ansökningsdag har passerat.')
      expect(await stored('0136')).toHaveLength(0)
    } finally {
      t.clock.set(OPEN_NOW)
    }
  })
})

describe('the private edit link', () => {
  let tokenA: string
  let tokenB: string

  beforeAll(async () => {
    const before = mail.messages.length
    await post(validBody('0138'))
    await post(validBody('0139'))
    const messages = (await mail.waitFor(before + 4)).slice(before)
    const forApplicant = (code: string) => messages.find((m) => m.subject === `Ansökan mottagen: EHK-2027-${code}`)!
    tokenA = tokenIn(forApplicant('0138'))!
    tokenB = tokenIn(forApplicant('0139'))!
  })

  const withToken = (token: string, options: Call = {}) => ({ ...options, headers: { 'x-ehk-edit-token': token, ...options.headers } })

  it('reads exactly its own application, with contact and answers', async () => {
    const a = await call('/applications/mine', withToken(tokenA))
    expect(a.status).toBe(200)
    expect(a.headers.get('cache-control')).toBe('private, no-store')
    expect(a.json).toMatchObject({ reference: 'EHK-2027-0138', contact: { email: 'eva.0138@kommun.example' } })
    expect(a.json.answers).toHaveLength(4)
    expect((await call('/applications/mine', withToken(tokenB))).json.reference).toBe('EHK-2027-0139')
  })

  it('answers 404 to a missing, guessed or altered token', async () => {
    for (const token of [undefined, 'x', tokenA.slice(0, -1), `${tokenA.slice(0, -1)}${tokenA.endsWith('A') ? 'B' : 'A'}`, 'a'.repeat(43)]) {
      const { status, json } = await call('/applications/mine', token ? withToken(token) : {})
      expect(status, token).toBe(404)
      expect(json.message).toBe('Länken är ogiltig eller har gått ut.')
    }
  })

  it('updates answers and contact before the deadline, checked by the same rules, never the municipality or status', async () => {
    const answers = answersFor(criteria, ['Ny text om ledning.', 'Ny text om infrastruktur.', 'Ny text om kompetens.', 'Ny text om användning.'])
    const changed = await call('/applications/mine', withToken(tokenA, { method: 'PATCH', body: { answers, contact: { name: 'Ny Person', email: 'ny@kommun.example' }, municipality: '0184', status: 'finalist' } }))
    expect(changed.status).toBe(200)
    const [application] = await stored('0138')
    expect(application).toMatchObject({ municipality: '0138', status: 'submitted', contact: { name: 'Ny Person', email: 'ny@kommun.example' } })
    expect(application!.answers.map((a: any) => a.text)).toEqual(answers.map((a) => a.text))
    expect(await stored('0184')).toHaveLength(0)

    const invalid = await call('/applications/mine', withToken(tokenA, { method: 'PATCH', body: { answers: answers.slice(1) } }))
    expect(invalid.status).toBe(422)
    expect(invalid.json.errors.answers).toBe('Beskriv alla 4 områden (1 saknas).')
    expect((await stored('0138'))[0]!.answers).toHaveLength(4)
    // The other application is untouched.
    expect((await stored('0139'))[0]!.contact.email).toBe('eva.0139@kommun.example')
  })

  it('answers 403 to reading and to changing after the deadline', async () => {
    t.clock.set(AFTER_DEADLINE)
    try {
      expect((await call('/applications/mine', withToken(tokenB))).status).toBe(403)
      const late = await call('/applications/mine', withToken(tokenB, { method: 'PATCH', body: { contact: { name: 'Sen', email: 'sen@kommun.example' } } }))
      expect(late.status).toBe(403)
      expect(late.json.message).toBe('Sista ansökningsdag har passerat.')
      expect((await stored('0139'))[0]!.contact.name).toBe('Eva Ek')
    } finally {
      t.clock.set(OPEN_NOW)
    }
  })
})


describe('any body at all (property-based, fast-check)', () => {
  const ANSWERED = new Set(['1280', '0115', '0126', '0127', '0138', '0139', '0140', '0160', '0162', '0163', '0180', '0181', '0186', '0187'])
  const codes = MUNICIPALITIES.map((m) => m.code).filter((code) => !ANSWERED.has(code))
  const tricky = fc.string({ unit: fc.constantFrom('a', 'å', 'a\u030a', '\r\n', '\r', '\u0000', '\ud800', '\udfff', '👩‍⚕️', '🇸🇪', '\u202e', '\ufeff', '<script>', '"', '\\', ' '), maxLength: 60 })
  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 200 }), tricky, fc.string({ unit: 'binary', minLength: 5000, maxLength: 20_000 }))
  const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }))
  const EXPECTED = [201, 400, 403, 409, 413, 422]

  /** Posts a body (or raw text) and checks the answer; returns the receipt of a 201. */
  async function postAndCheck(body: unknown) {
    const response = await post(body)
    expect(EXPECTED, `${response.status} ${response.text.slice(0, 300)}`).toContain(response.status)
    if (response.status === 201) expect(response.json.reference).toMatch(/^EHK-2027-\d{4}$/)
    else expect(response.json.message).toEqual(expect.any(String))
    if (response.status === 422) for (const message of Object.values(response.json.errors)) expect(message).toEqual(expect.any(String))
    return response
  }

  it('never answers 5xx to arbitrary JSON, raw text or wrongly typed fields', async () => {
    const shaped = fc.record(
      {
        year: anyValue,
        municipality: fc.oneof(fc.constantFrom(...codes), anyValue),
        contact: fc.oneof(fc.record({ name: anyValue, role: anyValue, email: fc.oneof(fc.emailAddress(), anyValue), phone: anyValue }, { requiredKeys: [] }), anyValue),
        answers: fc.oneof(fc.array(fc.record({ criterion: fc.oneof(fc.constantFrom(...criteria.map((c) => c.id)), anyValue), text: anyValue }), { maxLength: 6 }), anyValue),
        consent: fc.oneof(fc.constant(true), anyValue),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), shaped, fc.string().map((raw) => ({ raw }))), async (body) => {
        await postAndCheck(body && typeof body === 'object' && 'raw' in body ? String(body.raw) : body)
      }),
      { numRuns: 150 },
    )
  })

  it('stores only applications that keep every rule, one per 201, when one field of a valid body is replaced by anything', async () => {
    const field = fc.constantFrom('municipality', 'consent', 'contact', 'contact.name', 'contact.email', 'contact.phone', 'contact.role', 'answers', 'answers.0.text', 'answers.3.text', 'answers.1.criterion')
    const created: string[] = []
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...codes), field, fc.oneof(text, anyValue), async (code, path, value) => {
        const body: any = structuredClone(validBody(code))
        const keys = path.split('.')
        const last = keys.pop()!
        keys.reduce((node, key) => node[key], body)[last] = value
        const response = await postAndCheck(body)
        if (response.status === 201) created.push(response.json.reference)
      }),
      { numRuns: 150 },
    )
    const { docs } = await payload.find({ collection: 'applications', where: { awardYear: { equals: open.id } }, pagination: false, ...sys })
    const rules = { characterLimit: 12000, criteria: criteria.map((c) => c.id) }
    expect((docs as Doc[]).filter((doc) => checkApplication(doc, rules, isMunicipalityCode).length > 0)).toEqual([])
    for (const reference of created) expect((docs as Doc[]).filter((doc) => doc.reference === reference)).toHaveLength(1)
    expect(created.length).toBeGreaterThan(0)
  })
})
