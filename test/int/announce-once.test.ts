// The announcement happens once, however many app servers run the jobs queue: two Payload instances
// on one database (as two app servers) run the queue at the same moment, each with its own job for
// the year, while an editor announces by hand. One year announced, one history entry, one e-mail per
// finalist. On MongoDB this holds without a unique index (see claimOnce), so the stand-in proves it too.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { resolveOptions } from '../../src/defaults.js'
import { ANNOUNCE_QUEUE, ANNOUNCE_TASK, followYearChange } from '../../src/jury/bookkeeping.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { drainOutbox } from '../../src/mail/outbox.js'
import { applicationData, createCriteria, createUser, createYear, type Doc, juryDates2027, motivation, sys } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'
import { type Mailbox, recipients, startSmtp } from '../helpers/smtp.js'

let first: TestPayload
let second: TestPayload
let mail: Mailbox
let year: Doc
const finalists: Doc[] = []
const CODES = ['0180', '1280', '1480', '0380', '2480']

beforeAll(async () => {
  mail = await startSmtp()
  first = await startPayload({ now: '2027-05-12T10:00:00Z', email: mail.adapter })
  second = await startPayload({ now: '2027-05-12T10:00:00Z', email: mail.adapter, shared: { databaseUrl: first.databaseUrl, key: 'second-server' } })
  const criteria = await createCriteria(first.payload)
  year = await createYear(first.payload, {
    year: 2027,
    status: 'finalists',
    criteria: criteria.map((c) => c.id),
    ...juryDates2027,
    contact: { title: 'Kansliet', email: 'kansliet@vitalis.example' },
  })
  for (const code of CODES) {
    finalists.push(
      (await first.payload.create({
        collection: 'applications',
        data: {
          ...applicationData(year, criteria, { municipality: code, contact: { name: 'Kim', email: `kontakt.${code}@kommun.example` } }),
          status: 'finalist',
          shortlistedAt: '2027-04-17T08:00:00.000Z',
        } as never,
        context: { [HISTORICAL_IMPORT]: true },
        ...sys,
      })) as Doc,
    )
  }
  const editor = await createUser(first.payload, 'editor', 'redaktor@vitalis.example')
  // The decision queues the announcement on the first server.
  await first.payload.update({
    collection: 'award-years',
    id: year.id,
    data: { status: 'decided', winner: finalists[0]!.id, juryMotivation: motivation, successFactors: [{ text: 'Brukarråd' }] } as never,
    user: editor,
    overrideAccess: false,
  })
  // And the second server holds one of its own (as after a moved announcement time).
  await second.payload.jobs.queue({ task: ANNOUNCE_TASK, queue: ANNOUNCE_QUEUE, input: { year: String(year.id) }, waitUntil: new Date('2027-05-17T08:00:00.000Z') })
}, 180_000)

afterAll(async () => {
  await second?.destroy()
  await first?.destroy()
  await mail?.close()
})

it('announces once, with two servers running the queue and an editor announcing by hand, all at the same moment', async () => {
  expect((await first.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: ANNOUNCE_TASK } }, overrideAccess: true })).totalDocs).toBe(2)
  for (const p of [first, second]) p.clock.set('2027-05-17T08:00:01.000Z')
  const from = mail.messages.length
  const editor = (await first.payload.find({ collection: 'users', where: { role: { equals: 'editor' } }, ...sys })).docs[0]!
  const outcomes = await Promise.allSettled([
    first.payload.jobs.run({ queue: ANNOUNCE_QUEUE }),
    second.payload.jobs.run({ queue: ANNOUNCE_QUEUE }),
    second.payload.update({ collection: 'award-years', id: year.id, data: { status: 'announced' }, user: editor as never, overrideAccess: false }),
  ])
  // Whoever lost a race tries again: the queue retries its job after a while (and then finds the
  // year announced), an editor would press again.
  for (const p of [first, second]) p.clock.set('2027-05-17T08:05:00.000Z')
  await first.payload.jobs.run({ queue: ANNOUNCE_QUEUE })
  await second.payload.jobs.run({ queue: ANNOUNCE_QUEUE })

  expect((await second.payload.findByID({ collection: 'award-years', id: year.id, ...sys })).status).toBe('announced')
  const announced = await first.payload.find({ collection: 'history', where: { action: { equals: 'winner-announced' } }, ...sys })
  expect(announced.totalDocs).toBe(1)
  const stored = await first.payload.find({ collection: 'applications', sort: 'id', pagination: false, ...sys })
  expect(stored.docs.map((d) => d.status)).toEqual(['winner', 'not-selected', 'not-selected', 'not-selected', 'not-selected'])
  for (const code of CODES) expect((await mail.settled(`kontakt.${code}@kommun.example`, from, [first.payload, second.payload])).length, code).toBe(1)
  expect(
    mail.messages
      .slice(from)
      .map(recipients)
      .filter((r) => r.includes('kontakt.0180')).length,
  ).toBe(1)
  // Nothing is left to do: every job has completed (and is deleted, as Payload does by default).
  expect((await first.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: ANNOUNCE_TASK } }, overrideAccess: true })).totalDocs).toBe(0)
  // At least one of the three got there first; a loser fails whole (nothing half-written, as checked above).
  expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true)
})

it('does nothing more on a server that read the year as decided before another announced it', async () => {
  // The moment the database cannot show in one process: two servers each saw "decided → announced".
  const announced = await second.payload.findByID({ collection: 'award-years', id: year.id, ...sys })
  const from = mail.messages.length
  await Promise.all(
    [first, second].map(async (p) => followYearChange(await createLocalReq({}, p.payload), resolveOptions({ clock: p.clock.now }), announced as never, { ...announced, status: 'decided' } as never)),
  )
  expect((await first.payload.count({ collection: 'history', where: { action: { equals: 'winner-announced' } }, overrideAccess: true })).totalDocs).toBe(1)
  await Promise.all([first, second].map((p) => drainOutbox(p.payload)))
  expect(mail.messages.slice(from).map(recipients)).toEqual([])
})
