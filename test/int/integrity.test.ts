// The jury's integrity and the admin's other doors, through the Local API with overrideAccess: false
// and a real user of each role: a submitted review is final, a declared conflict is one-way, the
// history is append-only, document locks and the jobs queue are closed to those they do not concern,
// and jurors see only counted applications.
import { Forbidden, NotFound, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCriteria, createJuror, createUser, createYear, type Doc, importApplication, sys, type User } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

let t: TestPayload
let payload: Payload
let admin: User, editor: User, juror: User, otherJuror: User
let criteria: Doc[]
let year: Doc

let apps: Doc[]

const as = (user: User | undefined) => ({ user, overrideAccess: false as const, depth: 0 })
const rules = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error: any) {
    if (error instanceof Forbidden || error instanceof NotFound) return ['denied']
    return (error?.data?.errors ?? []).map((e: { message: string }) => e.message)
  }
  return []
}
const scores = (score: number) => criteria.map((c) => ({ criterion: c.id, score }))
const historyOf = async (id: number, action: string) =>
  (await payload.find({ collection: 'history', where: { and: [{ 'document.value': { equals: id } }, { action: { equals: action } }] }, ...sys })).docs as Doc[]

beforeAll(async () => {
  t = await startPayload({ now: '2027-04-20T10:00:00Z' })
  payload = t.payload
  admin = await createUser(payload, 'admin')
  editor = await createUser(payload, 'editor')
  juror = await createUser(payload, 'juror')
  otherJuror = await createUser(payload, 'juror')
  criteria = await createCriteria(payload)
  year = await createYear(payload, { year: 2027, status: 'closed', deadline: '2027-04-14T21:59:59Z', criteria: criteria.map((c) => c.id) })
  await createJuror(payload, juror, [year], 'Jurymedlem Ett')
  await createJuror(payload, otherJuror, [year], 'Jurymedlem Två')
  apps = []
  for (const municipality of ['0114', '0115', '0117', '0120', '0123']) apps.push(await importApplication(payload, year, criteria, { municipality }))
})
afterAll(() => t?.destroy())

describe('a submitted review is final', () => {
  let review: Doc

  beforeAll(async () => {
    review = (await payload.create({ collection: 'reviews', data: { application: apps[0]!.id, scores: scores(3), recommendation: 'consider' } as never, ...as(juror) })) as Doc
    await payload.update({ collection: 'reviews', id: review.id, data: { submitted: true }, ...as(juror) })
  })

  it('cannot be changed or un-submitted by its juror, nor deleted', async () => {
    expect(await rules(payload.update({ collection: 'reviews', id: review.id, data: { scores: scores(5) }, ...as(juror) }))).toEqual(['denied'])
    expect(await rules(payload.update({ collection: 'reviews', id: review.id, data: { submitted: false }, ...as(juror) }))).toEqual(['denied'])
    expect(await rules(payload.delete({ collection: 'reviews', id: review.id, ...as(juror) }))).toEqual(['denied'])
    expect((await payload.findByID({ collection: 'reviews', id: review.id, ...sys })).scores!.map((s: { score: number }) => s.score)).toEqual([3, 3, 3, 3])
  })

  it('cannot be changed by staff either, only reopened, with a reason', async () => {
    expect(await rules(payload.update({ collection: 'reviews', id: review.id, data: { scores: scores(1) }, ...as(admin) }))).toEqual([
      'En inskickad bedömning är slutgiltig. Personal kan öppna den igen med ett skäl.',
    ])
    expect(await rules(payload.update({ collection: 'reviews', id: review.id, data: { submitted: false, scores: scores(1) }, ...as(editor) }))).toEqual([
      'En inskickad bedömning är slutgiltig. Personal kan öppna den igen med ett skäl.',
      'Bara jurymedlemmen själv skriver sin bedömning.',
    ])
    expect(await rules(payload.update({ collection: 'reviews', id: review.id, data: { submitted: false }, ...as(editor) }))).toEqual(['Ange varför bedömningen öppnas igen.'])
  })

  it('is reopened by staff with a reason, recorded; then its juror changes and submits it again', async () => {
    await payload.update({ collection: 'reviews', id: review.id, data: { submitted: false, reopenReason: 'Jurymedlemmen bad att få rätta ett skrivfel.' }, ...as(editor) })
    const reopened = await payload.findByID({ collection: 'reviews', id: review.id, ...sys })
    expect(reopened).toMatchObject({ submitted: false, submittedAt: null })
    expect((await historyOf(review.id, 'review-reopened')).map((h) => [h.actor, h.reason])).toEqual([[editor.id, 'Jurymedlemmen bad att få rätta ett skrivfel.']])
    await payload.update({ collection: 'reviews', id: review.id, data: { scores: scores(4), submitted: true }, ...as(juror) })
    expect(await historyOf(review.id, 'review-submitted')).toHaveLength(2)
  })

  it('is never written by an editor, who is not its juror', async () => {
    const draft = (await payload.create({ collection: 'reviews', data: { application: apps[1]!.id, scores: scores(2) } as never, ...as(juror) })) as Doc
    expect(await rules(payload.update({ collection: 'reviews', id: draft.id, data: { scores: scores(5) }, ...as(editor) }))).toEqual(['Bara jurymedlemmen själv skriver sin bedömning.'])
    expect(await rules(payload.update({ collection: 'reviews', id: draft.id, data: { submitted: true, recommendation: 'advance' }, ...as(editor) }))).toEqual([
      'Bara jurymedlemmen själv skriver sin bedömning.',
    ])
  })
})

describe('a declared conflict of interest is one-way', () => {
  let conflict: Doc

  beforeAll(async () => {
    conflict = (await payload.create({
      collection: 'reviews',
      data: { application: apps[2]!.id, conflictOfInterest: true, conflictNote: 'Jag sitter i kommunens styrelse.' } as never,
      ...as(juror),
    })) as Doc
  })

  it('hides the application from the juror at once, and is recorded', async () => {
    expect(await rules(payload.findByID({ collection: 'applications', id: apps[2]!.id, ...as(juror) }))).toEqual(['denied'])
    expect((await historyOf(conflict.id, 'conflict-declared')).map((h) => [h.actor, h.reason])).toEqual([[juror.id, 'Jag sitter i kommunens styrelse.']])
  })

  it('cannot be lifted, changed or deleted by the juror', async () => {
    expect(await rules(payload.update({ collection: 'reviews', id: conflict.id, data: { conflictOfInterest: false }, ...as(juror) }))).toEqual(['denied'])
    expect(await rules(payload.delete({ collection: 'reviews', id: conflict.id, ...as(juror) }))).toEqual(['denied'])
    expect((await payload.findByID({ collection: 'reviews', id: conflict.id, ...sys })).conflictOfInterest).toBe(true)
  })

  it('is lifted only by staff, with a reason, recorded', async () => {
    expect(await rules(payload.update({ collection: 'reviews', id: conflict.id, data: { conflictOfInterest: false }, ...as(editor) }))).toEqual(['Ange varför jävet hävs.'])
    await payload.update({ collection: 'reviews', id: conflict.id, data: { conflictOfInterest: false, conflictLiftReason: 'Uppdraget i styrelsen upphörde 2025.' }, ...as(editor) })
    expect((await historyOf(conflict.id, 'conflict-lifted')).map((h) => [h.actor, h.reason])).toEqual([[editor.id, 'Uppdraget i styrelsen upphörde 2025.']])
    expect((await payload.findByID({ collection: 'applications', id: apps[2]!.id, ...as(juror) })).id).toBe(apps[2]!.id)
  })
})

describe('the history', () => {
  it('is read by staff only, and no role (administrators included) can add, change or delete an entry', async () => {
    const [entry] = (await payload.find({ collection: 'history', limit: 1, ...sys })).docs as Doc[]
    expect((await payload.find({ collection: 'history', ...as(editor) })).totalDocs).toBeGreaterThan(0)
    for (const user of [juror, undefined]) expect(await rules(payload.find({ collection: 'history', ...as(user) }))).toEqual(['denied'])
    for (const user of [admin, editor, juror]) {
      expect(await rules(payload.update({ collection: 'history', id: entry!.id, data: { summary: 'Ändrad' }, ...as(user) }))).toEqual(['denied'])
      expect(await rules(payload.delete({ collection: 'history', id: entry!.id, ...as(user) }))).toEqual(['denied'])
      expect(await rules(payload.create({ collection: 'history', data: { at: '2027-01-01T00:00:00Z', action: 'status-changed', summary: 'Påhittad' } as never, ...as(user) }))).toEqual(['denied'])
    }
    expect((await payload.findByID({ collection: 'history', id: entry!.id, ...sys })).summary).toBe(entry!.summary)
  })
})

describe('one review per juror, application and round', () => {
  const SECOND = 'Jurymedlemmen har redan en bedömning av ansökan i den här omgången.'
  const reviewsOf = async (application: number) =>
    (await payload.find({ collection: 'reviews', where: { and: [{ application: { equals: application } }, { round: { equals: 'screening' } }] }, ...sys })).docs as Doc[]

  it('refuses a second review with a clear message, whoever writes it', async () => {
    await payload.create({ collection: 'reviews', data: { application: apps[3]!.id, scores: scores(3) } as never, ...as(otherJuror) })
    expect(await rules(payload.create({ collection: 'reviews', data: { application: apps[3]!.id, scores: scores(4) } as never, ...as(otherJuror) }))).toEqual([SECOND])
    const profile = (await reviewsOf(apps[3]!.id))[0]!.juror
    expect(await rules(payload.create({ collection: 'reviews', data: { application: apps[3]!.id, juror: profile } as never, ...as(admin) }))).toEqual([SECOND])
    expect(await reviewsOf(apps[3]!.id)).toHaveLength(1)
  })

  it('keeps at most one when two arrive at once (a double click), and the refused one may be sent again', async () => {
    const create = () => payload.create({ collection: 'reviews', data: { application: apps[4]!.id, scores: scores(2) } as never, ...as(otherJuror) })
    const outcomes = await Promise.allSettled([create(), create(), create()])
    const stored = await reviewsOf(apps[4]!.id)
    expect(stored.length).toBeLessThanOrEqual(1)
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<Doc>).value.id)).toEqual(stored.map((r) => r.id))
    // Each refusal is the rule's (or, on SQLite, where the database serialises writers, the unique index's).
    for (const refused of outcomes.filter((o) => o.status === 'rejected')) expect((refused as PromiseRejectedResult).reason?.data?.errors?.length).toBeGreaterThan(0)
    if (stored.length === 0) await create()
    expect(await reviewsOf(apps[4]!.id)).toHaveLength(1)
  })
})

describe('what jurors see of applications', () => {
  it('only counted ones: never unconfirmed, withdrawn, or one competing with another of its municipality', async () => {
    const unconfirmed = await importApplication(payload, year, criteria, { municipality: '0125', status: 'unconfirmed' })
    const withdrawn = await importApplication(payload, year, criteria, { municipality: '0126', status: 'withdrawn' })
    const [competingA, competingB] = [
      await importApplication(payload, year, criteria, { municipality: '0127', contact: { name: 'A', email: 'a@x.se' } }),
      await importApplication(payload, year, criteria, { municipality: '0127', contact: { name: 'B', email: 'b@x.se' } }),
    ]
    const visible = (await payload.find({ collection: 'applications', pagination: false, ...as(otherJuror) })).docs.map((d) => d.id)
    for (const hidden of [unconfirmed, withdrawn, competingA, competingB]) expect(visible).not.toContain(hidden!.id)
    expect(visible).toContain(apps[0]!.id)
    expect((await payload.find({ collection: 'applications', pagination: false, ...as(editor) })).docs.map((d) => d.id)).toEqual(expect.arrayContaining([unconfirmed.id, competingA!.id]))
  })
})

describe('document locks', () => {
  const locks = 'payload-locked-documents' as const
  const lock = (user: User, collection: string, id: number) => ({ document: { relationTo: collection, value: id }, user: { relationTo: 'users', value: user.id }, globalSlug: null })

  it('let a juror lock only a document they may edit, in their own name, and see only their own locks', async () => {
    const draft = (await payload.create({ collection: 'reviews', data: { application: apps[3]!.id } as never, ...as(juror) })) as Doc
    const staffLock = await payload.create({ collection: locks, data: lock(editor, 'applications', apps[0]!.id) as never, ...as(editor) })
    const own = await payload.create({ collection: locks, data: lock(juror, 'reviews', draft.id) as never, ...as(juror) })
    expect(own.id).toBeDefined()
    expect(await rules(payload.create({ collection: locks, data: lock(juror, 'applications', apps[0]!.id) as never, ...as(juror) }))).toEqual(['denied'])
    expect(await rules(payload.create({ collection: locks, data: lock(editor, 'reviews', draft.id) as never, ...as(juror) }))).toEqual(['denied'])
    const seen = (await payload.find({ collection: locks, pagination: false, ...as(juror) })).docs.map((d) => d.id)
    expect(seen).toEqual([own.id])
    expect(await rules(payload.delete({ collection: locks, id: staffLock.id, ...as(juror) }))).toEqual(['denied'])
    expect((await payload.find({ collection: locks, pagination: false, ...as(editor) })).totalDocs).toBe(2)
  })
})

describe('the jobs queue', () => {
  it('is run, queued and cancelled through Payload’s API by administrators only', async () => {
    const access = payload.config.jobs.access!
    const req = (user?: User) => ({ req: { user: user ?? null, payload } as unknown as PayloadRequest })
    for (const user of [editor, juror, undefined]) {
      expect(await access.run!(req(user))).toBe(false)
      expect(await access.cancel!(req(user))).toBe(false)
    }
    expect(await access.run!(req(admin))).toBe(true)
    expect(await access.queue!(req(admin))).toBe(false)
    await expect(payload.jobs.queue({ task: 'ehk-retention', input: {}, overrideAccess: false, req: req(admin).req })).rejects.toBeInstanceOf(Forbidden)
  })
})

describe('staff-only operations', () => {
  it('let only administrators unlock an account', async () => {
    const unlock = payload.collections.users.config.access.unlock!
    expect(await unlock({ req: { user: admin } as never })).toBe(true)
    expect(await unlock({ req: { user: editor } as never })).toBe(false)
  })
})
