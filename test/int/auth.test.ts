// Payload's own doors over real HTTP: logins (rate limits per address and per account; one answer
// for an unknown, a locked or a wrong login is login-timing.test.ts's), passwords, forgotten-password links, body caps, input
// that must never become a 500, uploads served safely, and rich text that cannot carry script links.
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eHalsokommun } from '../../src/index.js'
import { lexicalFromParagraphs } from '../../src/lib/richText.js'
import { createCriteria, createUser, type Doc, sys, type User } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'
import { serve, type TestServer } from '../helpers/server.js'
import { type Mailbox, startSmtp } from '../helpers/smtp.js'

let t: TestPayload
let payload: Payload
let server: TestServer
let mail: Mailbox
let admin: User
let editor: User
let nextClient = 0
/** Tries per client address and per account within 15 minutes: small, so that each limit is reached in a few logins. */
const ADDRESS_BUDGET = 6
const ACCOUNT_BUDGET = 8
const newClient = () => `10.9.${Math.floor(++nextClient / 250)}.${nextClient % 250}`

beforeAll(async () => {
  mail = await startSmtp()
  t = await startPayload({
    now: '2027-02-01T12:00:00Z',
    email: mail.adapter,
    api: { proxyHops: 1, rateLimits: { authAddress: { points: ADDRESS_BUDGET, duration: 900 }, authAccount: { points: ACCOUNT_BUDGET, duration: 900 } } },
  })
  payload = t.payload
  server = await serve(t.config)
  admin = await createUser(payload, 'admin', 'admin@example.org')
  editor = await createUser(payload, 'editor', 'editor@example.org')
})
afterAll(async () => {
  await server?.close()
  await t?.destroy()
  await mail?.close()
})

async function rest(path: string, { method = 'POST', body, client = newClient(), headers = {} }: { method?: string; body?: unknown; client?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: text.startsWith('{') ? JSON.parse(text) : undefined }
}
const login = (email: string, password: string, client?: string) => rest('/api/users/login', { body: { email, password }, client })

describe('logging in', () => {
  it('limits attempts per account, wherever they come from, with Retry-After', async () => {
    await createUser(payload, 'juror', 'target@example.org')
    const statuses: number[] = []
    for (let i = 0; i < ACCOUNT_BUDGET; i++) statuses.push((await login('target@example.org', 'wrong-password-123')).status)
    expect(statuses).toEqual(Array(ACCOUNT_BUDGET).fill(401))
    const limited = await login('TARGET@example.org', 'correct-horse-battery')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(limited.json.errors[0].message).toBe('För många försök. Vänta en stund och försök igen.')
  })

  it('limits attempts per client address, whichever accounts they try', async () => {
    const client = newClient()
    const statuses: number[] = []
    for (let i = 0; i <= ADDRESS_BUDGET; i++) statuses.push((await login(`spray${i}@example.org`, 'wrong-password-123', client)).status)
    expect(statuses.filter((s) => s === 429)).toEqual([429])
    expect(statuses.at(-1)).toBe(429)
    // Another client (and the person behind it) is not affected.
    expect((await login('admin@example.org', 'correct-horse-battery')).status).toBe(200)
  })

  it('sets the login cookie HttpOnly and SameSite=Strict, and Secure when the deployment says so', async () => {
    const ok = await login('editor@example.org', 'correct-horse-battery')
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(cookie).not.toMatch(/Secure/i)
    const deployed = eHalsokommun({ secureCookies: true })({ serverURL: 'https://cms.example.org', collections: [] } as never)
    const users = (await deployed).collections!.find((c) => c.slug === 'users')!
    expect(users.auth).toMatchObject({ cookies: { secure: true, sameSite: 'Strict' } })
  })

  it('lets only administrators unlock an account', async () => {
    await createUser(payload, 'juror', 'locked@example.org')
    for (let i = 0; i < 5; i++) await login('locked@example.org', 'wrong-password-123')
    expect((await login('locked@example.org', 'correct-horse-battery')).status).toBe(401)
    const asEditor = { authorization: `JWT ${(await login('editor@example.org', 'correct-horse-battery')).json.token}` }
    const refused = await rest('/api/users/unlock', { body: { email: 'locked@example.org' }, headers: asEditor })
    expect(refused.status).toBe(403)
    const asAdmin = { authorization: `JWT ${(await login('admin@example.org', 'correct-horse-battery')).json.token}` }
    expect((await rest('/api/users/unlock', { body: { email: 'locked@example.org' }, headers: asAdmin })).status).toBe(200)
    expect((await login('locked@example.org', 'correct-horse-battery')).status).toBe(200)
  })
})

describe('passwords', () => {
  it('have at least 12 characters and are not common, breached or built on the person', async () => {
    const refused = async (password: string, email = `p${Math.random().toString(36).slice(2, 8)}@example.org`) => {
      try {
        await payload.create({ collection: 'users', data: { email, password, role: 'juror', name: 'Karin Karlsson' } as never, user: admin, overrideAccess: false })
      } catch (error: any) {
        return error.data.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)
      }
      return []
    }
    expect(await refused('kort')).toEqual(['password: Lösenordet måste ha minst 12 tecken. Använd gärna några ord i följd.'])
    for (const weak of ['password1234', 'qwertyuiop123', 'ehalsokommun2027', 'Karin1234567', 'sverige12345']) {
      expect(await refused(weak), weak).toEqual(['password: Lösenordet är för lätt att gissa (vanligt, läckt eller byggt på ditt namn eller din e-post). Välj ett annat.'])
    }
    expect(await refused('karin.karlsson@kommun.se', 'karin.karlsson@kommun.se')).toHaveLength(1)
    expect(await refused('Tre blå elefanter dansar')).toEqual([])
  })

  it('are checked when changed, and when reset through a forgotten-password link built from the server URL', async () => {
    await expect(payload.update({ collection: 'users', id: editor.id, data: { password: 'password12345' } as never, user: editor, overrideAccess: false })).rejects.toThrow(/password/)
    const since = mail.messages.length
    const asked = await rest('/api/users/forgot-password', { body: { email: 'editor@example.org' } })
    const unknown = await rest('/api/users/forgot-password', { body: { email: 'ingen@example.org' } })
    expect([asked.status, unknown.status]).toEqual([200, 200])
    expect(asked.text).toBe(unknown.text)
    const message = await mail.next('editor@example.org', /./, { since })
    const link = /https:\/\/cms\.test\/admin\/reset\/(\w+)/.exec(message.html || message.text || '')
    expect(link, message.html || message.text).not.toBeNull()
    expect(await mail.settled('ingen@example.org', since, payload)).toEqual([])
    const weak = await rest('/api/users/reset-password', { body: { token: link![1], password: 'password12345' } })
    expect(weak.status).toBe(400)
    expect(weak.json.errors[0].data.errors[0].path).toBe('password')
    const strong = await rest('/api/users/reset-password', { body: { token: link![1], password: 'Fyra nya ord på rad' } })
    expect(strong.status).toBe(200)
    expect((await login('editor@example.org', 'Fyra nya ord på rad')).status).toBe(200)
  })

  it('limits forgotten-password requests per account and per address', async () => {
    const statuses: number[] = []
    for (let i = 0; i <= ACCOUNT_BUDGET; i++) statuses.push((await rest('/api/users/forgot-password', { body: { email: 'mass@example.org' } })).status)
    expect(statuses).toEqual([...Array(ACCOUNT_BUDGET).fill(200), 429])
  })
})

describe('what Payload’s own endpoints never do', () => {
  it('read a body beyond its cap: 413 for a large login, GraphQL query or document', async () => {
    expect((await rest('/api/users/login', { body: { email: 'a@b.se', password: 'x'.repeat(20_000) } })).status).toBe(413)
    expect((await rest('/api/graphql', { body: { query: `{ ${'x'.repeat(300_000)} }` } })).status).toBe(413)
    const asAdmin = { authorization: `JWT ${(await login('admin@example.org', 'correct-horse-battery')).json.token}` }
    const huge = await rest('/api/criteria', { body: { title: 'x'.repeat(3_000_000), order: 1 }, headers: asAdmin })
    expect(huge.status).toBe(413)
    expect(huge.json.errors[0].message).toMatch(/^Förfrågan är större än 2048 KB/)
  })

  it('answer 5xx to odd paging, ids, paths or query values', async () => {
    const [criterion] = await createCriteria(payload, ['Ledning'])
    const cases: Array<[string, number]> = [
      ['/api/criteria?limit=3.7', 400],
      ['/api/criteria?limit=abc', 400],
      ['/api/criteria?limit=1e999', 400],
      ['/api/criteria?page=-1', 400],
      ['/api/criteria?depth=99', 400],
      ['/api/criteria/abc', 404],
      ['/api/criteria/1.5', 404],
      ['/api/criteria/99999999999999999999', 404],
      [`/api/criteria/${criterion!.id}`, 200],
      ['/api/users/abc', 404],
      ['/api/criteria/%FF%FE', 400],
      ['/api/ehk/v1/years/%FF', 400],
      ['/api/award-years?where[deadline][greater_than]=abc', 400],
      ['/api/award-years?where[or][0][deadline][in]=2027-04-14,abc', 400],
      ['/api/award-years?where[deadline][greater_than]=2027-04-14', 200],
      ['/api/award-years?where[deadline][exists]=true', 200],
      ['/api/criteria?where[id][in]=abc,1', 400],
      ['/api/criteria?where[order][greater_than]=abc', 400],
      ['/api/criteria?where[order][in]=1,2', 200],
      ['/api/criteria?where[order][greater_than]=1.5', 200],
      ['/api/criteria?sort=%FF', 200],
    ]
    for (const [path, status] of cases) expect((await rest(path, { method: 'GET' })).status, path).toBe(status)
  })

  it('serve an upload as something a browser would run: never sniffed, sandboxed, a PDF as an attachment', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#0a7' } })
      .png()
      .toBuffer()
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer<</Size 2/Root 1 0 R>>\nstartxref\n45\n%%EOF\n')
    const image = (await payload.create({ collection: 'media', data: { alt: 'Logotyp' }, file: { data: png, mimetype: 'image/png', name: 'logo.png', size: png.length }, ...sys })) as Doc
    const document = (await payload.create({ collection: 'media', data: { alt: 'Inbjudan' }, file: { data: pdf, mimetype: 'application/pdf', name: 'inbjudan.pdf', size: pdf.length }, ...sys })) as Doc
    const imageAnswer = await fetch(`${server.url}/api/media/file/${image.filename}`)
    expect(imageAnswer.headers.get('content-type')).toBe('image/png')
    expect(imageAnswer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(imageAnswer.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/)
    expect(imageAnswer.headers.get('content-disposition')).toBeNull()
    const pdfAnswer = await fetch(`${server.url}/api/media/file/${document.filename}`)
    expect(pdfAnswer.headers.get('content-disposition')).toBe('attachment')
    expect(pdfAnswer.headers.get('content-security-policy')).toMatch(/^sandbox/)
  })

  it('store a rich-text link that would run script, whoever saves it', async () => {
    const [criterion] = await createCriteria(payload, ['Kompetens'])
    const withLink = (url: string) => {
      const doc = lexicalFromParagraphs(['Läs mer'])
      ;(doc.root.children[0] as { children: unknown[] }).children = [
        { type: 'link', fields: { url, linkType: 'custom' }, children: [{ type: 'text', text: 'här', format: 0, version: 1 }], version: 3 },
      ]
      return doc
    }
    for (const url of ['javascript:alert(document.cookie)', ' JaVa\tScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)']) {
      await expect(payload.update({ collection: 'criteria', id: criterion!.id, data: { description: withLink(url) } as never, user: admin, overrideAccess: false }), url).rejects.toMatchObject({
        data: { errors: [{ path: 'description', message: expect.stringMatching(/^Länkar får bara leda till http\(s\)-, mailto- eller tel-adresser/) }] },
      })
    }
    const saved = await payload.update({ collection: 'criteria', id: criterion!.id, data: { description: withLink('https://vitalis.se') } as never, user: admin, overrideAccess: false })
    expect(JSON.stringify(saved.description)).toContain('https://vitalis.se')
  })
})
