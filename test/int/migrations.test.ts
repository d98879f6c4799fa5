// Production never pushes the schema: it applies the committed migrations. A database built from
// them alone must take the whole demo content and a review; if a field lacks its migration, this fails.
// Data written under an earlier migration must come through the later ones intact.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eHalsokommun, seedDemoContent } from '../../src/index.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { migrations } from '../../src/migrations/index.js'
import { startCustomPayload } from '../helpers/payload.js'

let payload: Payload
let destroy: () => Promise<void>

beforeAll(async () => {
  ;({ payload, destroy } = await startCustomPayload((url) => ({
    serverURL: 'https://cms.test',
    db: sqliteAdapter({ client: { url }, push: false }),
    editor: lexicalEditor(),
    admin: { user: 'users' },
    plugins: [eHalsokommun({ clock: () => new Date('2027-04-20T10:00:00Z') })],
  })))
  // The database as the previous release left it, with an application in it.
  await payload.db.migrate({ migrations: migrations.slice(0, 2) as never })
  const run = (statement: string) => (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute(statement)
  await run(`INSERT INTO criteria (id, title, "order") VALUES (1, 'Ledning', 1)`)
  await run(`INSERT INTO award_years (id, year, title, status, character_limit) VALUES (1, 2026, 'Sveriges eHälsokommun 2026', 'closed', 12000)`)
  await run(
    `INSERT INTO applications (id, award_year_id, municipality, status, municipality_name, reference, submitted_at, contact_name, contact_email, consent) VALUES (1, 1, '1280', 'submitted', 'Malmö kommun', 'EHK-2026-1280', '2026-03-01T10:00:00.000Z', 'Anna', 'anna@malmo.se', 1), (2, 1, '0180', 'withdrawn', 'Stockholms kommun', 'EHK-2026-0180', '2026-03-02T10:00:00.000Z', 'Bo', 'bo@stockholm.se', 1)`,
  )
  await run(`INSERT INTO award_years (id, year, title, status, character_limit, finalists_at) VALUES (2, 2025, 'Sveriges eHälsokommun 2025', 'announced', 12000, '2025-04-19T10:00:00.000Z')`)
  await run(
    `INSERT INTO applications (id, award_year_id, municipality, status, municipality_name, reference, submitted_at, contact_name, contact_email, consent) VALUES (3, 2, '2480', 'winner', 'Umeå kommun', 'EHK-2025-2480', '2025-03-01T10:00:00.000Z', 'Cecilia', 'cecilia@umea.se', 1)`,
  )
  await run(`INSERT INTO jurors (id, name) VALUES (1, 'Eva Jurist')`)
  await run(`INSERT INTO reviews (id, application_id, juror_id, round) VALUES (1, 3, 1, 'final')`)
  await payload.db.migrate({ migrations: migrations as never })
})

it('gives the applications from before counties existed their county', async () => {
  const { docs } = await payload.find({ collection: 'applications', sort: 'id', depth: 0, overrideAccess: true })
  expect(docs.map((d) => [d.municipality, d.county])).toEqual([
    ['1280', 'Skåne län'],
    ['0180', 'Stockholms län'],
    ['2480', 'Västerbottens län'],
  ])
})

it('titles the reviews written before titles existed', async () => {
  expect((await payload.findByID({ collection: 'reviews', id: 1, depth: 0, overrideAccess: true })).title).toBe('Eva Jurist – Umeå kommun (Final)')
})

it('puts the finalists of years past the selection in their final round', async () => {
  const winner = await payload.findByID({ collection: 'applications', id: 3, depth: 0, overrideAccess: true })
  expect(winner.shortlistedAt).toBe('2025-04-19T10:00:00.000Z')
  const year = await payload.findByID({ collection: 'award-years', id: 2, depth: 0, overrideAccess: true })
  expect([year.finalistCount, year.reminderDays]).toEqual([5, 3])
})

it('brings applications from before confirmation existed through as confirmed, each holding its place', async () => {
  const { docs } = await payload.find({ collection: 'applications', where: { awardYear: { equals: 1 } }, sort: 'id', depth: 0, overrideAccess: true, showHiddenFields: true })
  expect(docs.map((d) => [d.reference, d.status, d.confirmedAt, d.place, d.consentVersion])).toEqual([
    ['EHK-2026-1280', 'submitted', '2026-03-01T10:00:00.000Z', '1:1280', 'before-2026-11-24'],
    ['EHK-2026-0180', 'withdrawn', '2026-03-02T10:00:00.000Z', 'free:2', 'before-2026-11-24'],
  ])
  expect(docs[0]!.contact).toMatchObject({ name: 'Anna', email: 'anna@malmo.se' })
})
afterAll(() => destroy?.())

it('builds a schema that takes the demo content and a juror review', async () => {
  const seeded = await seedDemoContent(payload, { demoPassword: 'demo-password-for-tests' })
  expect(seeded.created).toBeGreaterThan(20)
  const [application] = (await payload.find({ collection: 'applications', where: { municipality: { equals: '0380' } }, depth: 0, overrideAccess: true })).docs
  const juror = (await payload.find({ collection: 'jurors', where: { name: { equals: 'Maria Sterner' } }, overrideAccess: true })).docs[0]!
  const criteria = (await payload.find({ collection: 'criteria', overrideAccess: true })).docs
  const review = await payload.create({
    collection: 'reviews',
    data: { application: application!.id, juror: juror.id, round: 'final', scores: criteria.map((c) => ({ criterion: c.id, score: 5, comment: 'Bra' })), recommendation: 'advance', submitted: true },
    overrideAccess: true,
    // The 2022 jury's work, long after its rounds closed.
    context: { [HISTORICAL_IMPORT]: true },
  })
  expect(review.submittedAt).toBe('2027-04-20T10:00:00.000Z')
  const summary = (await payload.findByID({ collection: 'applications', id: application!.id, overrideAccess: true })).scoreSummary
  expect(summary).toEqual({ reviews: 1, average: 5 })
})
