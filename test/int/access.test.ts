// The access matrix of DESIGN.md §2: every role × collection × operation through the Local API with
// overrideAccess: false and a real user of each role, then the guarded fields and the embargo.
import { Forbidden, NotFound, type Payload, ValidationError } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MUNICIPALITIES } from '../../src/domain/municipalities.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { applicationData, createCriteria, createJuror, createUser, createYear, type Doc, importApplication, motivation, sys, type User } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

const ROLES = ['admin', 'editor', 'juror', 'conflicted juror', 'public'] as const
type RoleName = (typeof ROLES)[number]
const OPS = ['create', 'read', 'update', 'delete'] as const
type Op = (typeof OPS)[number]
const COLLECTIONS = ['award-years', 'criteria', 'applications', 'jurors', 'partners', 'reviews', 'users', 'media', 'history'] as const
type Slug = (typeof COLLECTIONS)[number]

const all = [...ROLES]
const staff: RoleName[] = ['admin', 'editor']
/** What the tests assert: who may do what. Every other cell is denied. */
const EXPECTED: Record<Slug, Record<Op, RoleName[]>> = {
  'award-years': { create: staff, read: all, update: staff, delete: ['admin'] },
  criteria: { create: staff, read: all, update: staff, delete: ['admin'] },
  applications: { create: staff, read: ['admin', 'editor', 'juror'], update: staff, delete: ['admin'] },
  jurors: { create: staff, read: all, update: staff, delete: ['admin'] },
  partners: { create: staff, read: all, update: staff, delete: ['admin'] },
  reviews: { create: ['admin', 'juror'], read: ['admin', 'editor', 'juror'], update: ['admin', 'juror'], delete: ['admin', 'juror'] },
  history: { create: [], read: staff, update: [], delete: [] },
  users: { create: ['admin'], read: staff, update: ['admin'], delete: ['admin'] },
  media: { create: staff, read: all, update: staff, delete: staff },
}

let t: TestPayload
let payload: Payload
const users = {} as Record<RoleName, User | undefined>
let criteria: Doc[]
let closedYear: Doc, openYear: Doc, draftYear: Doc
let appA: Doc, appB: Doc
let jurorProfile: Doc, conflictedProfile: Doc, otherProfile: Doc
let partner: Doc, reviewB: Doc, draftReview: Doc, historyEntry: Doc, targetUser: User, image: Doc
let png: Buffer
let counter = 0
const unique = () => ++counter
// A fresh municipality for every create, so that no two creates collide on (year, municipality);
// the fixtures' own codes (1280, 0180, 0181, 0380, 2580) are skipped.
const reserved = new Set(['1280', '0180', '0181', '0380', '2580', '2581', '2582', '2583', '2584'])
const freeCodes = MUNICIPALITIES.map((m) => m.code).filter((c) => !reserved.has(c))
const nextCode = () => freeCodes.shift()!

beforeAll(async () => {
  t = await startPayload({ now: '2027-05-01T10:00:00Z' })
  payload = t.payload
  users.admin = await createUser(payload, 'admin')
  users.editor = await createUser(payload, 'editor')
  users.juror = await createUser(payload, 'juror')
  users['conflicted juror'] = await createUser(payload, 'juror')
  users.public = undefined
  targetUser = await createUser(payload, 'juror')
  criteria = await createCriteria(payload)
  const ids = criteria.map((c) => c.id)
  closedYear = await createYear(payload, { year: 2026, status: 'closed', deadline: '2026-04-14T21:59:59Z', criteria: ids })
  openYear = await createYear(payload, { year: 2028, status: 'open', opensAt: '2027-01-01T00:00:00Z', deadline: '2028-04-14T21:59:59Z', criteria: ids })
  draftYear = await createYear(payload, { year: 2029, status: 'draft', criteria: ids })
  partner = (await payload.create({ collection: 'partners', data: { name: 'Vitalis', role: 'organiser', allowedOrigins: [{ origin: 'https://www.vitalis.nu' }] }, ...sys })) as Doc
  appA = await importApplication(payload, closedYear, criteria, { municipality: '1280' })
  appB = await importApplication(payload, closedYear, criteria, { municipality: '0180' })
  jurorProfile = await createJuror(payload, users.juror!, [closedYear], 'Juror One')
  conflictedProfile = await createJuror(payload, users['conflicted juror']!, [closedYear], 'Juror Two')
  otherProfile = await createJuror(payload, null, [closedYear], 'Juror Three')
  await payload.create({ collection: 'reviews', data: { application: appA.id, juror: conflictedProfile.id, conflictOfInterest: true, conflictNote: 'Anställd i kommunen.' } as never, ...sys })
  reviewB = (await payload.create({ collection: 'reviews', data: submittedReview(appB, jurorProfile) as never, ...sys })) as Doc
  const appC = await importApplication(payload, closedYear, criteria, { municipality: '2580' })
  draftReview = (await payload.create({ collection: 'reviews', data: { application: appC.id, juror: jurorProfile.id, scores: [{ criterion: criteria[0]!.id, score: 3 }] } as never, ...sys })) as Doc
  historyEntry = (await payload.find({ collection: 'history', limit: 1, ...sys })).docs[0] as Doc
  png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#0a7' } })
    .png()
    .toBuffer()
  image = await upload({ overrideAccess: true })
})
afterAll(() => t?.destroy())

function submittedReview(application: Doc, juror: Doc, score = 4) {
  return {
    application: application.id,
    juror: juror.id,
    scores: criteria.map((c) => ({ criterion: c.id, score })),
    recommendation: 'advance',
    submitted: true,
  }
}

function upload(as: { user?: User; overrideAccess: boolean }) {
  return payload.create({
    collection: 'media',
    data: { alt: 'Logotyp' },
    file: { data: png, mimetype: 'image/png', name: `logo-${unique()}.png`, size: png.length },
    ...as,
  })
}

/** A field the reader may not see comes back absent (arrays: empty). */
const hidden = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0)

/** A ValidationError whose per-field messages include one matching the pattern. */
const refusedFor = (pattern: RegExp) => (error: any) => (error?.data?.errors ?? []).some((e: { message: string }) => pattern.test(e.message))

const as = (role: RoleName) => ({ user: users[role], overrideAccess: false as const, depth: 0 })

/** Fresh documents for delete cells, made with overrideAccess so that each cell starts alike. */
const throwaway: Record<Slug, () => Promise<Doc>> = {
  'award-years': () => createYear(payload, { year: 2100 - unique(), status: 'draft' }),
  criteria: async () => (await payload.create({ collection: 'criteria', data: { title: `Tillfälligt ${unique()}`, order: 9 }, ...sys })) as Doc,
  applications: () => importApplication(payload, closedYear, criteria, { municipality: nextCode() }),
  jurors: () => createJuror(payload, null, [], `Tillfällig ${unique()}`),
  partners: async () => (await payload.create({ collection: 'partners', data: { name: `Partner ${unique()}` } as never, ...sys })) as Doc,
  reviews: async () => {
    const application = await importApplication(payload, closedYear, criteria, { municipality: nextCode() })
    return (await payload.create({ collection: 'reviews', data: { application: application.id, juror: jurorProfile.id } as never, ...sys })) as Doc
  },
  users: () => createUser(payload, 'juror'),
  media: async () => (await upload({ overrideAccess: true })) as Doc,
  history: async () => historyEntry,
}

function runCell(slug: Slug, op: Op, role: RoleName): Promise<unknown> {
  const opts = as(role)
  const collection = slug as 'users'
  if (op === 'read') {
    const target = {
      'award-years': closedYear,
      criteria: criteria[0],
      applications: appA,
      jurors: otherProfile,
      partners: partner,
      reviews: reviewB,
      users: targetUser,
      media: image,
      history: historyEntry,
    }[slug]
    return payload.findByID({ collection, id: target!.id, ...opts })
  }
  if (op === 'update') {
    const [target, data] = {
      'award-years': [closedYear, { title: `Sveriges eHälsokommun 2026 (${unique()})` }],
      criteria: [criteria[0], { order: 0 }],
      applications: [appA, { partner: partner.id }],
      jurors: [otherProfile, { bio: `Presentation ${unique()}` }],
      partners: [partner, { website: 'https://www.vitalis.nu' }],
      // A draft (a submitted review is final: see the jury-integrity tests).
      reviews: [draftReview, { comment: `Kommentar ${unique()}` }],
      history: [historyEntry, { summary: 'Ändrad' }],
      users: [targetUser, { name: `Namn ${unique()}` }],
      media: [image, { alt: `Logotyp ${unique()}` }],
    }[slug] as [Doc, Record<string, unknown>]
    return payload.update({ collection, id: target.id, data: data as never, ...opts })
  }
  if (op === 'delete') return throwaway[slug]().then((doc) => payload.delete({ collection, id: doc.id, ...opts }))
  const create: Record<Slug, () => Promise<unknown>> = {
    'award-years': () => payload.create({ collection: 'award-years', data: { year: 2040 + unique(), title: 'Nytt år' } as never, ...opts }),
    criteria: () => payload.create({ collection: 'criteria', data: { title: `Område ${unique()}`, order: 5 }, ...opts }),
    applications: () => payload.create({ collection: 'applications', data: applicationData(openYear, criteria, { municipality: nextCode() }) as never, ...opts }),
    jurors: () => payload.create({ collection: 'jurors', data: { name: `Ny jurymedlem ${unique()}` }, ...opts }),
    partners: () => payload.create({ collection: 'partners', data: { name: `Ny partner ${unique()}` } as never, ...opts }),
    // A juror reviews as themselves; an administrator on behalf of a juror who has not reviewed A.
    reviews: () => payload.create({ collection: 'reviews', data: { application: appA.id, juror: role === 'admin' ? otherProfile.id : jurorProfile.id, round: 'screening' } as never, ...opts }),
    users: () => payload.create({ collection: 'users', data: { email: `ny-${unique()}@example.org`, password: 'correct-horse-battery' } as never, ...opts }),
    media: () => upload(opts),
    history: () => payload.create({ collection: 'history', data: { at: '2027-01-01T00:00:00Z', action: 'status-changed', summary: 'Påhittad' } as never, ...opts }),
  }
  return create[slug]()
}

/**
 * Allowed when the operation returns the document; denied by Payload's access errors, or by a rule
 * that refuses the role what the access rule let through (an editor writing a juror's review).
 */
async function outcome(run: () => Promise<unknown>): Promise<'allowed' | 'denied'> {
  try {
    const result = await run()
    return result ? 'allowed' : 'denied'
  } catch (error) {
    if (error instanceof Forbidden || error instanceof NotFound) return 'denied'
    if (error instanceof ValidationError && error.data.errors.some((e) => e.message === 'Bara jurymedlemmen själv skriver sin bedömning.')) return 'denied'
    throw error
  }
}

const seen: Record<string, string> = {}

describe('access matrix', () => {
  for (const slug of COLLECTIONS) {
    for (const op of OPS) {
      for (const role of ROLES) {
        const expected = EXPECTED[slug][op].includes(role) ? 'allowed' : 'denied'
        it(`${role} ${op} ${slug}: ${expected}`, async () => {
          const actual = await outcome(() => runCell(slug, op, role))
          seen[`${slug}|${op}|${role}`] = actual
          expect(actual).toBe(expected)
        })
      }
    }
  }

  afterAll(() => {
    // The table for the issue note, printed from what the cells actually returned.
    const mark = (slug: Slug, role: RoleName) => OPS.map((op) => (seen[`${slug}|${op}|${role}`] === 'allowed' ? op[0]!.toUpperCase() : '·')).join('')
    const lines = [`| collection | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`]
    for (const slug of COLLECTIONS) lines.push(`| ${slug} | ${ROLES.map((role) => mark(slug, role)).join(' | ')} |`)
    if (process.env.PRINT_ACCESS_MATRIX) console.log(`Access matrix (C R U D; · = denied)\n${lines.join('\n')}`)
  })
})

describe('reads beyond the matrix', () => {
  it('hides draft years from the public and from jurors who do not serve on them', async () => {
    await expect(payload.findByID({ collection: 'award-years', id: draftYear.id, ...as('public') })).rejects.toBeInstanceOf(NotFound)
    await expect(payload.findByID({ collection: 'award-years', id: draftYear.id, ...as('juror') })).rejects.toBeInstanceOf(NotFound)
    expect((await payload.findByID({ collection: 'award-years', id: draftYear.id, ...as('editor') })).id).toBe(draftYear.id)
  })

  it('shows jurors no application before the deadline, even of a year they serve on', async () => {
    const app = await payload.create({ collection: 'applications', data: applicationData(openYear, criteria, { municipality: '2580' }) as never, ...sys })
    await payload.update({ collection: 'jurors', id: jurorProfile.id, data: { years: [closedYear.id, openYear.id] }, ...sys })
    await expect(payload.findByID({ collection: 'applications', id: app.id, ...as('juror') })).rejects.toBeInstanceOf(NotFound)
    t.clock.set('2028-04-14T21:59:59Z') // the deadline itself: now the year's applications are readable
    try {
      expect((await payload.findByID({ collection: 'applications', id: app.id, ...as('juror') })).id).toBe(app.id)
    } finally {
      t.clock.set('2027-05-01T10:00:00Z')
      await payload.update({ collection: 'jurors', id: jurorProfile.id, data: { years: [closedYear.id] }, ...sys })
    }
  })

  it('lists for a juror exactly the applications without a declared conflict', async () => {
    const list = async (role: RoleName) => (await payload.find({ collection: 'applications', where: { awardYear: { equals: closedYear.id } }, pagination: false, ...as(role) })).docs.map((d) => d.id)
    expect(await list('conflicted juror')).not.toContain(appA.id)
    expect(await list('conflicted juror')).toContain(appB.id)
    expect(await list('juror')).toEqual(expect.arrayContaining([appA.id, appB.id]))
  })

  it("keeps other jurors' reviews hidden until the juror has submitted their own", async () => {
    const peerReviews = async () => (await payload.find({ collection: 'reviews', where: { application: { equals: appB.id } }, pagination: false, ...as('conflicted juror') })).docs
    expect(await peerReviews()).toEqual([])
    const own = await payload.create({ collection: 'reviews', data: { application: appB.id, juror: conflictedProfile.id } as never, ...sys })
    expect((await peerReviews()).map((r) => r.id)).toEqual([own.id]) // a draft shows only itself
    await payload.update({ collection: 'reviews', id: own.id, data: submittedReview(appB, conflictedProfile, 3) as never, ...as('conflicted juror') })
    expect((await peerReviews()).map((r) => r.id).sort()).toEqual([reviewB.id, own.id].sort())
  })

  it('lets a juror edit their own profile but not the years they serve or their login', async () => {
    const updated = await payload.update({
      collection: 'jurors',
      id: jurorProfile.id,
      data: { bio: 'Arbetar med eHälsa.', years: [closedYear.id, draftYear.id], user: targetUser.id },
      ...as('juror'),
    })
    expect(updated.bio).toBe('Arbetar med eHälsa.')
    const stored = await payload.findByID({ collection: 'jurors', id: jurorProfile.id, ...sys })
    expect(stored.years).toEqual([closedYear.id])
    expect(stored.user).toBe(users.juror!.id)
  })
})

describe('server-owned and guarded fields', () => {
  it('ignores status, reference, scores and name sent with a new application', async () => {
    const created = await payload.create({
      collection: 'applications',
      data: {
        ...applicationData(openYear, criteria, { municipality: '0181' }),
        status: 'winner',
        reference: 'EHK-FAKE',
        municipalityName: 'Fel kommun',
        scoreSummary: { reviews: 9, average: 5 },
        submittedAt: '2020-01-01T00:00:00Z',
      } as never,
      ...as('editor'),
    })
    expect(created).toMatchObject({ status: 'submitted', municipalityName: 'Södertälje kommun', competing: false })
    expect(created.reference).toMatch(/^EHK-2028-0181-\w{4}$/)
    expect(created.scoreSummary).toEqual({ reviews: null, average: null })
    expect(created.submittedAt).toBe('2027-05-01T10:00:00.000Z')
  })

  it('never lets an editor write the computed score summary or move an application to another year', async () => {
    await payload.update({ collection: 'applications', id: appA.id, data: { scoreSummary: { reviews: 99, average: 5 }, awardYear: openYear.id } as never, ...as('editor') })
    const stored = await payload.findByID({ collection: 'applications', id: appA.id, ...sys })
    expect(stored.awardYear).toBe(closedYear.id)
    expect(stored.scoreSummary?.reviews).not.toBe(99)
  })

  it('computes the score summary from submitted reviews', async () => {
    const stored = await payload.findByID({ collection: 'applications', id: appB.id, ...sys })
    expect(stored.scoreSummary).toEqual({ reviews: 2, average: 3.5 }) // 4 and 3 from the two jurors
  })

  it('keeps applicants’ contact details from jurors', async () => {
    const read = await payload.findByID({ collection: 'applications', id: appB.id, ...as('juror') })
    expect(read.contact).toBeUndefined()
    expect(read.scoreSummary).toBeUndefined()
    expect(read.answers).toHaveLength(4)
  })

  it('lets only administrators change roles', async () => {
    const editor = users.editor!
    await payload.update({ collection: 'users', id: editor.id, data: { role: 'admin' }, ...as('editor') })
    expect((await payload.findByID({ collection: 'users', id: editor.id, ...sys })).role).toBe('editor')
    const juror = users.juror!
    await payload.update({ collection: 'users', id: juror.id, data: { role: 'admin', name: 'Juror One' }, ...as('juror') })
    const stored = await payload.findByID({ collection: 'users', id: juror.id, ...sys })
    expect(stored).toMatchObject({ role: 'juror', name: 'Juror One' })
    await payload.update({ collection: 'users', id: targetUser.id, data: { role: 'editor' }, ...as('admin') })
    expect((await payload.findByID({ collection: 'users', id: targetUser.id, ...sys })).role).toBe('editor')
    await payload.update({ collection: 'users', id: targetUser.id, data: { role: 'juror' }, ...sys })
  })

  it('lets an editor create accounts for nobody and gives a created user no role of their choosing', async () => {
    await expect(payload.create({ collection: 'users', data: { email: 'x@example.org', password: 'correct-horse-battery', role: 'admin' } as never, ...as('editor') })).rejects.toBeInstanceOf(
      Forbidden,
    )
    const made = await payload.create({ collection: 'users', data: { email: 'y@example.org', password: 'correct-horse-battery', role: 'admin' } as never, ...as('admin') })
    expect(made.role).toBe('admin') // administrators may
  })

  it('guards partner origins: only administrators write them, only staff read them', async () => {
    await payload.update({ collection: 'partners', id: partner.id, data: { allowedOrigins: [{ origin: 'https://evil.example' }] }, ...as('editor') })
    const stored = await payload.findByID({ collection: 'partners', id: partner.id, ...sys })
    expect(stored.allowedOrigins?.map((o) => o.origin)).toEqual(['https://www.vitalis.nu'])
    expect(hidden((await payload.findByID({ collection: 'partners', id: partner.id, ...as('public') })).allowedOrigins)).toBe(true)
    expect(hidden((await payload.findByID({ collection: 'partners', id: partner.id, ...as('juror') })).allowedOrigins)).toBe(true)
    const updated = await payload.update({
      collection: 'partners',
      id: partner.id,
      data: { allowedOrigins: [{ origin: 'https://WWW.Vitalis.nu/' }, { origin: 'http://localhost:4000' }] },
      ...as('admin'),
    })
    expect(updated.allowedOrigins?.map((o) => o.origin)).toEqual(['https://www.vitalis.nu', 'http://localhost:4000'])
  })

  it('refuses an origin with a path, credentials or another scheme', async () => {
    for (const origin of ['https://www.vitalis.nu/sida', 'ftp://vitalis.nu', 'https://user:pw@vitalis.nu', 'vitalis.nu']) {
      await expect(payload.update({ collection: 'partners', id: partner.id, data: { allowedOrigins: [{ origin }] }, ...as('admin') })).rejects.toThrow(/origin|ursprung/i)
    }
  })

  it('guards the juror ↔ user link: only administrators set it, only staff see it', async () => {
    const profile = await payload.create({ collection: 'jurors', data: { name: 'Ny', years: [closedYear.id], user: targetUser.id }, ...as('editor') })
    expect((await payload.findByID({ collection: 'jurors', id: profile.id, ...sys })).user ?? null).toBeNull()
    await payload.update({ collection: 'jurors', id: profile.id, data: { user: targetUser.id }, ...as('admin') })
    expect((await payload.findByID({ collection: 'jurors', id: profile.id, ...sys })).user).toBe(targetUser.id)
    expect((await payload.findByID({ collection: 'jurors', id: profile.id, ...as('public') })).user).toBeUndefined()
  })

  it('makes a juror review as themselves, whatever juror the request names', async () => {
    const review = await payload
      .create({
        collection: 'reviews',
        data: { application: appA.id, juror: otherProfile.id, round: 'screening', submittedAt: '2020-01-01T00:00:00Z' } as never,
        ...as('juror'),
      })
      .catch(async () => {
        // The matrix's create cell may already have made this juror's screening review of A.
        return (await payload.find({ collection: 'reviews', where: { and: [{ application: { equals: appA.id } }, { juror: { equals: jurorProfile.id } }] }, ...sys })).docs[0]!
      })
    expect(review.juror).toBe(jurorProfile.id)
    expect(review.submittedAt ?? null).toBeNull()
  })

  it('refuses a review of an application the juror may not read', async () => {
    await expect(payload.create({ collection: 'reviews', data: { application: appA.id, juror: conflictedProfile.id, round: 'final' } as never, ...as('conflicted juror') })).rejects.toBeInstanceOf(
      Forbidden,
    )
  })
})

describe('the embargo on the winner', () => {
  let decided: Doc, finalist: Doc
  const embargoed = ['winner', 'juryMotivation', 'successFactors'] as const

  beforeAll(async () => {
    const year = await createYear(payload, { year: 2030, status: 'finalists', deadline: '2027-04-14T21:59:59Z', announcementAt: '2027-05-17T08:00:00Z', criteria: criteria.map((c) => c.id) })
    finalist = (await payload.create({
      collection: 'applications',
      data: { ...applicationData(year, criteria, { municipality: '0380' }), status: 'finalist' } as never,
      context: { [HISTORICAL_IMPORT]: true },
      ...sys,
    })) as Doc
    await payload.update({ collection: 'jurors', id: jurorProfile.id, data: { years: [closedYear.id, year.id] }, ...sys })
    decided = (await payload.update({
      collection: 'award-years',
      id: year.id,
      data: { status: 'decided', winner: finalist.id, juryMotivation: motivation, successFactors: [{ text: 'Digitalt först' }] } as never,
      ...as('editor'),
    })) as Doc
  })

  it('shows the decided winner to staff only', async () => {
    const forEditor = await payload.findByID({ collection: 'award-years', id: decided.id, ...as('editor') })
    expect(forEditor.winner).toBe(finalist.id)
    for (const role of ['public', 'juror', 'conflicted juror'] as const) {
      const read = await payload.findByID({ collection: 'award-years', id: decided.id, ...as(role) })
      for (const field of embargoed) expect(hidden(read[field]), `${role} reads ${field}`).toBe(true)
    }
  })

  it('cannot be found by querying for it', async () => {
    await expect(payload.find({ collection: 'award-years', where: { winner: { equals: finalist.id } }, ...as('public') })).rejects.toThrow()
    await expect(payload.find({ collection: 'award-years', where: { juryMotivation: { exists: true } }, ...as('juror') })).rejects.toThrow()
  })

  it('keeps the winner application a finalist for jurors until the announcement', async () => {
    const read = await payload.findByID({ collection: 'applications', id: finalist.id, ...as('juror') })
    expect(read.status).toBe('finalist')
  })

  it('is refused before the announcement time and lifted at it', async () => {
    t.clock.set('2027-05-17T07:59:59.999Z')
    await expect(payload.update({ collection: 'award-years', id: decided.id, data: { status: 'announced' }, ...as('editor') })).rejects.toSatisfy(refusedFor(/före tidpunkten/))
    t.clock.set('2027-05-17T08:00:00.000Z')
    await payload.update({ collection: 'award-years', id: decided.id, data: { status: 'announced' }, ...as('editor') })
    const read = await payload.findByID({ collection: 'award-years', id: decided.id, ...as('public') })
    expect(read.winner).toBe(finalist.id)
    expect(read.successFactors?.map((s) => s.text)).toEqual(['Digitalt först'])
    expect((await payload.findByID({ collection: 'applications', id: finalist.id, ...sys })).status).toBe('winner')
  })

  it('closes again if the clock stands before the announcement time', async () => {
    t.clock.set('2027-05-17T07:00:00Z')
    const read = await payload.findByID({ collection: 'award-years', id: decided.id, ...as('public') })
    expect(read.winner).toBeUndefined()
    t.clock.set('2027-05-01T10:00:00Z')
  })
})
