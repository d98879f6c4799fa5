// Production never pushes the schema: it applies the committed migrations. A database built from
// them alone must take the whole demo content and a review; if a field lacks its migration, this fails.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eHalsokommun, seedDemoContent } from '../../src/index.js'
import { migrations } from '../../src/migrations/index.js'
import { startCustomPayload } from '../helpers/payload.js'

let payload: Payload
let destroy: () => Promise<void>

beforeAll(async () => {
  ;({ payload, destroy } = await startCustomPayload((url) => ({
    db: sqliteAdapter({ client: { url }, push: false }),
    editor: lexicalEditor(),
    admin: { user: 'users' },
    plugins: [eHalsokommun({ clock: () => new Date('2027-04-20T10:00:00Z') })],
  })))
  await payload.db.migrate({ migrations: migrations as never })
})
afterAll(() => destroy?.())

it('builds a schema that takes the demo content and a juror review', async () => {
  const seeded = await seedDemoContent(payload, { demoPassword: 'demo-password' })
  expect(seeded.created).toBeGreaterThan(20)
  const [application] = (await payload.find({ collection: 'applications', where: { municipality: { equals: '0380' } }, depth: 0, overrideAccess: true })).docs
  const juror = (await payload.find({ collection: 'jurors', where: { name: { equals: 'Maria Sterner' } }, overrideAccess: true })).docs[0]!
  const criteria = (await payload.find({ collection: 'criteria', overrideAccess: true })).docs
  const review = await payload.create({
    collection: 'reviews',
    data: { application: application!.id, juror: juror.id, round: 'final', scores: criteria.map((c) => ({ criterion: c.id, score: 5, comment: 'Bra' })), recommendation: 'advance', submitted: true },
    overrideAccess: true,
  })
  expect(review.submittedAt).toBe('2027-04-20T10:00:00.000Z')
  const summary = (await payload.findByID({ collection: 'applications', id: application!.id, overrideAccess: true })).scoreSummary
  expect(summary).toEqual({ reviews: 1, average: 5 })
})
