// The public API over real HTTP on a real SQLite database, e-mail through a real SMTP server on
// loopback: the years, partner and criteria the API tests share, and a client to call it with.
import type { Payload } from 'payload'
import type { RateLimits } from '../../src/api/rateLimit.js'
import { CONSENT } from '../../src/domain/consent.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { lexicalFromParagraphs } from '../../src/lib/richText.js'
import { applicationData, createCriteria, createJuror, createUser, createYear, type Doc, importApplication, sys } from './fixtures.js'
import { startPayload, type TestPayload } from './payload.js'
import { serve, type TestServer } from './server.js'
import { type Mailbox, startSmtp } from './smtp.js'

export const PARTNER_ORIGIN = 'https://partner.example'
export const STRANGER_ORIGIN = 'https://stranger.example'
export const OPEN_NOW = '2027-02-01T12:00:00Z'
export const DEADLINE = '2027-04-14T21:59:59.000Z'
/** What the decided (not announced) year keeps secret. */
export const SECRETS = ['HEMLIG MOTIVERING', 'HEMLIG FRAMGÅNGSFAKTOR']

export interface Call {
  method?: string
  origin?: string | null
  body?: unknown
  headers?: Record<string, string>
  /** The client's address as the trusted proxy in front of the test server reports it. */
  client?: string
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  json: any
}

export interface ApiFixture {
  t: TestPayload
  payload: Payload
  server: TestServer
  mail: Mailbox
  criteria: Doc[]
  partner: Doc
  /** 2027, open until DEADLINE. */
  open: Doc
  /** 2026, announced, won by Lund. */
  announced: Doc
  /** 2025, decided but not announced: its winner and motivation are secret. */
  decided: Doc
  newClient: () => string
  call: (path: string, options?: Call) => Promise<Answer>
  post: (body: unknown, options?: Call) => Promise<Answer>
  /** A valid application body for the open year, for this municipality. */
  validBody: (municipality: string, overrides?: Record<string, unknown>) => Record<string, unknown>
  stored: (municipality: string) => Promise<Doc[]>
  close: () => Promise<void>
}

export async function startApi(rateLimits: Partial<RateLimits> = {}): Promise<ApiFixture> {
  const mail = await startSmtp()
  // One trusted proxy hop: each call names its own client address in X-Forwarded-For, so that rate
  // limits only bite where a test means them to.
  const t = await startPayload({ now: OPEN_NOW, email: mail.adapter, api: { proxyHops: 1, rateLimits: { submit: { points: 5, duration: 600 }, read: { points: 40, duration: 60 }, ...rateLimits } } })
  const { payload } = t
  const server = await serve(t.config)
  await createUser(payload, 'admin', 'first-admin@example.org') // the first account always becomes an admin
  const criteria = await createCriteria(payload)
  const partner = (await payload.create({ collection: 'partners', data: { name: 'Demopartner', role: 'partner', allowedOrigins: [{ origin: PARTNER_ORIGIN }] }, ...sys })) as Doc
  const ids = criteria.map((c) => c.id)
  const open = await createYear(payload, {
    year: 2027,
    status: 'open',
    opensAt: '2026-11-01T00:00:00Z',
    deadline: DEADLINE,
    criteria: ids,
    partners: [partner.id],
    contact: { title: 'Affärsansvarig', email: 'kontakt@example.org' },
  })
  const announced = await createYear(payload, { year: 2026, status: 'announced', deadline: '2026-04-14T21:59:59Z', announcementAt: '2026-05-20T08:00:00Z', criteria: ids, partners: [partner.id] })
  const lund = await importApplication(payload, announced, criteria, { municipality: '1281', status: 'winner', contact: { name: 'Kim Lund', email: 'kim@lund.example' } })
  await payload.update({
    collection: 'award-years',
    id: announced.id,
    data: { winner: lund.id, juryMotivation: lexicalFromParagraphs(['Lund har satt invånarna i centrum.']), successFactors: [{ text: 'Tydlig ledning' }] } as never,
    context: { [HISTORICAL_IMPORT]: true },
    ...sys,
  })
  await createJuror(payload, await createUser(payload, 'juror'), [announced], 'Juryns ordförande')
  const decided = await createYear(payload, { year: 2025, status: 'finalists', deadline: '2025-04-14T21:59:59Z', announcementAt: '2027-05-17T08:00:00Z', criteria: ids })
  const secretWinner = await importApplication(payload, decided, criteria, { municipality: '2480', status: 'finalist', contact: { name: 'Ulla Umeå', email: 'ulla@umea.example' } })
  await payload.update({
    collection: 'award-years',
    id: decided.id,
    data: { status: 'decided', winner: secretWinner.id, juryMotivation: lexicalFromParagraphs([SECRETS[0]!]), successFactors: [{ text: SECRETS[1]! }] } as never,
    ...sys,
  })
  await createYear(payload, { year: 2028, status: 'draft', criteria: ids })

  let nextClient = 0
  const newClient = () => `10.1.${Math.floor(++nextClient / 250)}.${nextClient % 250}`
  async function call(path: string, { method = 'GET', origin = PARTNER_ORIGIN, body, headers = {}, client = newClient() }: Call = {}): Promise<Answer> {
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
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
  }
  const validBody = (municipality: string, overrides: Record<string, unknown> = {}) => {
    const { awardYear: _, ...data } = applicationData(open, criteria, {
      municipality,
      contact: { name: 'Eva Ek', role: 'Strateg', email: `eva.${municipality}@kommun.example`, phone: '031-123 45 67' },
    })
    return { ...data, consentVersion: CONSENT.version, ...overrides }
  }
  const stored = async (municipality: string) =>
    (
      await payload.find({
        collection: 'applications',
        where: { and: [{ awardYear: { equals: open.id } }, { municipality: { equals: municipality } }] },
        sort: 'id',
        pagination: false,
        ...sys,
        showHiddenFields: true,
      })
    ).docs as Doc[]

  return {
    t,
    payload,
    server,
    mail,
    criteria,
    partner,
    open,
    announced,
    decided,
    newClient,
    call,
    post: (body, options = {}) => call('/applications', { method: 'POST', body, ...options }),
    validBody,
    stored,
    close: async () => {
      await server.close()
      await t.destroy()
      await mail.close()
    },
  }
}

/** The private token in a link of an e-mail: `#bekrafta=…` or `#redigera=…`. */
export const tokenIn = (text: string | undefined, kind: 'bekrafta' | 'redigera') => new RegExp(`#${kind}=([\\w-]+)`).exec(text ?? '')?.[1]
