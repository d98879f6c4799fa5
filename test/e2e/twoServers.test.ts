// Two app servers on one MongoDB database, as production runs behind a load balancer: two `npm start`
// servers (node server.mjs on the production build) on the MongoDB stand-in (test/helpers/mongo.ts).
// What one server does, the other sees: a login, a change (in its public reads, within the time the
// README gives), the rate limit's count, and the announcement, which happens once although both run
// the jobs queue.
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ANNOUNCE_QUEUE, ANNOUNCE_TASK } from '../../src/jury/bookkeeping.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { applicationData, createYear, type Doc, motivation, sys } from '../helpers/fixtures.js'
import { standInDatabase, startMongoStandIn } from '../helpers/mongo.js'
import { type Mailbox, recipients, startSmtp } from '../helpers/smtp.js'
import { allMailSent, type App, openDatabase, requireFreshBuild, startApp } from './app.js'

const PASSWORD = 'e2e-two-servers-demo-password'
/** The README's bound for a change to reach another app server's public reads (its table of what is shared). */
const OTHER_SERVER_FOLLOWS_MS = 10_000

let standIn: Awaited<ReturnType<typeof startMongoStandIn>>
let mail: Mailbox
let one: App
let two: App
let payload: Payload

beforeAll(async () => {
  requireFreshBuild()
  standIn = await startMongoStandIn()
  mail = await startSmtp()
  const env = {
    DATABASE_URI: standInDatabase(standIn.url, 'ehk_two_servers'),
    EHK_DEMO_PASSWORD: PASSWORD,
    ...mail.env,
  }
  one = await startApp(3935, env)
  // The second after the first has seeded the demo content; both answer for one public address.
  two = await startApp(3936, { ...env, SERVER_URL: one.url })
  expect(one.output()).toContain('MongoDB')
  payload = await openDatabase(one)
}, 300_000)

afterAll(async () => {
  await two?.stop()
  await one?.stop()
  await payload?.destroy()
  await mail?.close()
  await standIn?.stop()
})

const post = (app: App, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

async function logIn(app: App, email: string) {
  const response = await post(app, '/api/users/login', { email, password: PASSWORD })
  expect(response.status).toBe(200)
  return { authorization: `JWT ${(await response.json()).token as string}` }
}

it('takes a login made on one server on the other', async () => {
  const response = await post(one, '/api/users/login', { email: 'editor@example.org', password: PASSWORD })
  expect(response.status).toBe(200)
  const { token } = await response.json()
  const me = await fetch(`${two.url}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
  expect((await me.json()).user).toMatchObject({ email: 'editor@example.org', role: 'editor' })
  // The cookie too, as the admin's pages send it (from the one public address both servers answer for).
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('payload-token='))!
    .split(';')[0]!
  expect((await (await fetch(`${two.url}/api/users/me`, { headers: { cookie, origin: one.url } })).json()).user?.email).toBe('editor@example.org')
})

it('shows a change made through one server in the other’s public reads within the documented time', async () => {
  const titleOn = async (app: App) => (await (await fetch(`${app.url}/api/ehk/v1/years/current`)).json()).title as string
  const before = await titleOn(two) // now prepared in the second server's memory
  const { year } = await (await fetch(`${two.url}/api/ehk/v1/years/current`)).json()
  const [stored] = (await payload.find({ collection: 'award-years', where: { year: { equals: year } }, ...sys })).docs
  const title = `${before} (ändrad)`
  const changed = await fetch(`${one.url}/api/award-years/${stored!.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin: one.url, ...(await logIn(one, 'editor@example.org')) },
    body: JSON.stringify({ title }),
  })
  expect(changed.status).toBe(200)
  // At once where it was made; on the other server once it sees the change signal (the poll fails past the bound).
  expect(await titleOn(one)).toBe(title)
  await expect.poll(() => titleOn(two), { timeout: OTHER_SERVER_FOLLOWS_MS, interval: 100 }).toBe(title)
})

it('counts logins against one limit, whichever server they reach', async () => {
  // RATE_LIMIT_LOGIN_ACCOUNT's default: 10 tries per account in 15 minutes, here spread over both.
  // All at once (each refusal waits for the one-second floor), half through each server: exactly ten get through to a refusal.
  const statuses = await Promise.all(Array.from({ length: 12 }, async (_, i) => (await post(i % 2 ? two : one, '/api/users/login', { email: 'nobody@example.org', password: `wrong-${i}` })).status))
  expect(statuses.sort()).toEqual([...Array<number>(10).fill(401), 429, 429])
})

it('announces once, with both servers running the jobs queue', async () => {
  const day = 86_400_000
  const now = Date.now()
  const criteria = (await payload.find({ collection: 'criteria', sort: 'order', ...sys })).docs as Doc[]
  const year = await createYear(payload, {
    year: 2024,
    status: 'finalists',
    criteria: criteria.map((c) => c.id),
    opensAt: new Date(now - 120 * day).toISOString(),
    deadline: new Date(now - 90 * day).toISOString(),
    finalistsAt: new Date(now - 80 * day).toISOString(),
    juryDecisionAt: new Date(now - day).toISOString(),
    announcementAt: new Date(now + 60 * day).toISOString(),
    contact: { title: 'Kansliet', email: 'kansliet@vitalis.example' },
  })
  const codes = ['0180', '1280', '1480']
  const finalists: Doc[] = []
  for (const code of codes) {
    finalists.push(
      (await payload.create({
        collection: 'applications',
        data: {
          ...applicationData(year, criteria, { municipality: code, contact: { name: 'Kim', email: `kontakt.${code}@kommun.example` } }),
          status: 'finalist',
          shortlistedAt: new Date(now - 80 * day).toISOString(),
        } as never,
        context: { [HISTORICAL_IMPORT]: true },
        ...sys,
      })) as Doc,
    )
  }
  const from = mail.messages.length
  const announcements = () => payload.count({ collection: 'history', where: { action: { equals: 'winner-announced' } }, overrideAccess: true })
  const announcedBefore = (await announcements()).totalDocs
  // The decision, with the announcement a few seconds ahead: its job is queued; and a second one,
  // as after a moved announcement time, so that both servers may each take one at the same tick.
  const announcementAt = new Date(Date.now() + 4_000)
  await payload.update({
    collection: 'award-years',
    id: year.id,
    data: { status: 'decided', winner: finalists[0]!.id, juryMotivation: motivation, successFactors: [{ text: 'Brukarråd' }], announcementAt: announcementAt.toISOString() } as never,
    ...sys,
  })
  await payload.jobs.queue({ task: ANNOUNCE_TASK, queue: ANNOUNCE_QUEUE, input: { year: String(year.id) }, waitUntil: announcementAt })

  await expect.poll(async () => (await payload.findByID({ collection: 'award-years', id: year.id, ...sys })).status, { timeout: 30_000, interval: 250 }).toBe('announced')
  // The bookkeeping that follows (statuses, then each finalist's e-mail) is done once each finalist
  // has been written to; the stand-in is read here by another process, which may see it a moment
  // after the job that wrote it is gone.
  const statuses = async () => {
    const stored = await payload.find({ collection: 'applications', where: { awardYear: { equals: year.id } }, pagination: false, ...sys })
    return Object.fromEntries(stored.docs.map((d) => [d.municipality, d.status]))
  }
  await expect.poll(statuses, { timeout: 30_000, interval: 250 }).toEqual({ '0180': 'winner', '1280': 'not-selected', '1480': 'not-selected' })
  for (const code of codes) await mail.next(`kontakt.${code}@kommun.example`, /./, { since: from, timeoutMs: 30_000 })
  // Every announcement job done (and deleted, as Payload does), then every e-mail job (each is
  // deleted once sent): with no job left, no server has anything that could announce or send again.
  await expect.poll(async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: ANNOUNCE_TASK } }, overrideAccess: true })).totalDocs, { timeout: 30_000 }).toBe(0)
  await allMailSent(payload)

  expect((await announcements()).totalDocs - announcedBefore).toBe(1)
  expect(
    mail.messages
      .slice(from)
      .map(recipients)
      .filter((to) => to.includes('kontakt.')),
  ).toEqual(expect.arrayContaining(codes.map((code) => `kontakt.${code}@kommun.example`)))
  expect(
    mail.messages
      .slice(from)
      .map(recipients)
      .filter((to) => to.includes('kontakt.')),
  ).toHaveLength(codes.length)
  // Both servers show the winner.
  for (const app of [one, two]) {
    const winners = await (await fetch(`${app.url}/api/ehk/v1/winners?year=2024`)).json()
    expect(JSON.stringify(winners), app.url).toContain('Stockholm')
  }
})
