// A whole jury year played through on the injected clock, with 5 jurors (one tied to a
// municipality, one declaring a conflict) and 12 confirmed applications: the deadline, the
// screening reviews, the ranking, exactly five finalists, a question and its answer (and a late
// answer refused), the final reviews, the decision, the embargo until the instant, the job that
// announces, the winner in the public API, and every e-mail on a real SMTP server. Through the
// Local API with each person's own access (overrideAccess: false), and over HTTP.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANNOUNCE_QUEUE } from '../../src/jury/bookkeeping.js'
import { MAINTENANCE_QUEUE } from '../../src/jobs/index.js'
import { NOTICES_TASK } from '../../src/jury/notices.js'
import { tokenIn } from '../helpers/api.js'
import { createCriteria, createJuror, createUser, createYear, type Doc, juryDates2027, sys, type User } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'
import { serve, type TestServer } from '../helpers/server.js'
import { type Mailbox, recipients, startSmtp } from '../helpers/smtp.js'

let t: TestPayload
let payload: Payload
let server: TestServer
let mail: Mailbox
let editor: User
let criteria: Doc[]
let year: Doc
let outsider: User
const jurorUsers: User[] = []
const jurorProfiles: Doc[] = []
const apps: Doc[] = []
const tokens = new Map<string, string>()

const CONTACT = 'kansliet@vitalis.example'
/** Twelve municipalities; the first is the one juror 1 works for. */
const CODES = ['1280', '0180', '1480', '0380', '1281', '2480', '0581', '1880', '0680', '1283', '2180', '0880']
/** Each application's quality, each juror's scale: juror 2 is harsh, juror 4 lenient. */
const BASE = [5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1]
const OFFSET = [0, -1, 0, 1, 0]
const score = (app: number, juror: number) => Math.min(5, Math.max(1, BASE[app]! + OFFSET[juror]!))
const recommendation = (s: number) => (s >= 4 ? 'advance' : s === 3 ? 'consider' : 'decline')

const as = (user: User) => ({ user, overrideAccess: false as const, depth: 0 })
const at = (iso: string) => t.clock.set(iso)
async function tokenOf(user: User): Promise<string> {
  if (!tokens.has(user.email)) {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'correct-horse-battery' }),
    })
    tokens.set(user.email, ((await response.json()) as { token: string }).token)
  }
  return tokens.get(user.email)!
}
async function http(path: string, { user, method = 'GET', body, headers = {} }: { user?: User; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(user ? { authorization: `JWT ${await tokenOf(user)}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    // Not JSON (a CSV, an empty answer): the text is what the test reads.
  }
  return { status: response.status, headers: response.headers, text, json }
}
const review = (app: number, juror: number, round: 'screening' | 'final', submitted = true) =>
  payload.create({
    collection: 'reviews',
    data: { application: apps[app]!.id, round, scores: criteria.map((c) => ({ criterion: c.id, score: score(app, juror) })), recommendation: recommendation(score(app, juror)), submitted } as never,
    ...as(jurorUsers[juror]!),
  })
const runJobs = (queue: string) => payload.jobs.run({ queue, limit: 100 })
/** What the app's scheduler does every five minutes. */
const sendNotices = async () => {
  await payload.jobs.queue({ task: NOTICES_TASK, queue: MAINTENANCE_QUEUE, input: {} })
  await runJobs(MAINTENANCE_QUEUE)
}
const since = () => mail.messages.length
/** The messages a refusal gives (never the error itself: it carries the whole request). */
async function refusal(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise
  } catch (error: any) {
    return (error?.data?.errors ?? [{ message: error?.message }]).map((e: { message: string }) => e.message)
  }
  return []
}
const subjectsTo = async (to: string, from: number) => (await mail.settled(to, from, payload)).map((m) => m.subject)

beforeAll(async () => {
  mail = await startSmtp()
  t = await startPayload({ now: '2027-03-01T10:00:00Z', email: mail.adapter })
  payload = t.payload
  server = await serve(t.config)
  await createUser(payload, 'admin', 'first-admin@example.org')
  editor = await createUser(payload, 'editor', 'redaktor@vitalis.example')
  criteria = await createCriteria(payload)
  year = (await payload.create({
    collection: 'award-years',
    data: {
      year: 2027,
      title: 'Sveriges eHälsokommun 2027',
      criteria: criteria.map((c) => c.id),
      ...juryDates2027,
      publishFinalists: true,
      reminderDays: 2,
      contact: { title: 'Kansliet', email: CONTACT },
    } as never,
    ...as(editor),
  })) as Doc
  await payload.update({ collection: 'award-years', id: year.id, data: { status: 'open' }, ...as(editor) })
  for (let j = 0; j < 5; j++) {
    const user = await createUser(payload, 'juror', `jury${j + 1}@partner.example`)
    jurorUsers.push(user)
    // Juror 1 works for the first municipality: the system flags that conflict by itself.
    const ties = j === 0 ? [{ municipality: CODES[0], kind: 'employer' }] : []
    jurorProfiles.push((await payload.create({ collection: 'jurors', data: { name: `Jurymedlem ${j + 1}`, years: [year.id], user: user.id, ties } as never, ...sys })) as Doc)
  }
  // A juror of another year only.
  outsider = await createUser(payload, 'juror', 'jury2026@partner.example')
  const other = await createYear(payload, {
    year: 2026,
    status: 'draft',
    criteria: criteria.map((c) => c.id),
    opensAt: '2026-01-10T00:00:00.000Z',
    deadline: '2026-04-14T21:59:59.000Z',
    announcementAt: '2026-05-17T08:00:00.000Z',
  })
  await createJuror(payload, outsider, [other], 'Jurymedlem 2026')
  for (const code of CODES) {
    apps.push(
      (await payload.create({
        collection: 'applications',
        data: {
          awardYear: year.id,
          municipality: code,
          contact: { name: 'Kim Kontakt', email: `kontakt.${code}@kommun.example` },
          answers: criteria.map((c) => ({ criterion: c.id, text: `Vårt arbete med ${c.title}.` })),
          consent: true,
        } as never,
        ...as(editor),
      })) as Doc,
    )
  }
})
afterAll(async () => {
  await server?.close()
  await t?.destroy()
  await mail?.close()
})

describe('the jury year 2027', () => {
  it('keeps the applications from the jury until the deadline, and reviews out of a round that has not opened', async () => {
    expect(apps.map((a) => a.status)).toEqual(Array(12).fill('submitted'))
    expect(await refusal(payload.find({ collection: 'applications', ...as(jurorUsers[2]!) }))).toEqual(['Du får inte utföra denna åtgärd.'])
    const admin = (await payload.find({ collection: 'users', where: { role: { equals: 'admin' } }, ...sys })).docs[0] as User
    expect(
      await refusal(payload.create({ collection: 'reviews', data: { application: apps[1]!.id, juror: jurorProfiles[2]!.id, scores: [] } as never, ...as({ ...admin, collection: 'users' }) })),
    ).toEqual(['Omgången ”Gallring” har inte öppnat.'])
  })

  it('opens the screening round at the deadline and tells each juror', async () => {
    at('2027-04-15T08:00:00Z')
    await payload.update({ collection: 'award-years', id: year.id, data: { status: 'closed' }, ...as(editor) })
    const from = since()
    await sendNotices()
    for (const user of jurorUsers) expect(await subjectsTo(user.email, from)).toEqual(['Sveriges eHälsokommun 2027: omgången ”Gallring” har öppnat'])
    // Run again: nobody is told twice.
    const again = since()
    await sendNotices()
    expect(await subjectsTo(jurorUsers[0]!.email, again)).toEqual([])
  })

  it('hides the tied application from juror 1, and lets juror 2 declare a conflict without opening the application', async () => {
    const seen = await payload.find({ collection: 'applications', pagination: false, ...as(jurorUsers[0]!) })
    expect(seen.docs.map((d) => d.municipality).sort()).toEqual(CODES.slice(1).sort())
    const list = await http('/api/reviews/work-list', { user: jurorUsers[1] })
    expect(list.json.years[0].items).toHaveLength(12)
    expect(list.json.years[0].items[0]).toEqual({ application: expect.anything(), municipalityName: expect.any(String), county: expect.any(String), review: null })
    const declared = await http('/api/reviews', {
      user: jurorUsers[1],
      method: 'POST',
      body: { application: apps[4]!.id, round: 'screening', conflictOfInterest: true, conflictNote: 'Min make arbetar i kommunen.' },
    })
    expect(declared.status).toBe(201)
    const after = await http('/api/reviews/work-list', { user: jurorUsers[1] })
    expect(after.json.years[0].items.map((i: { application: number }) => i.application)).not.toContain(apps[4]!.id)
    expect(after.json.years[0].progress).toEqual({ juror: jurorProfiles[1]!.id, assigned: 11, submitted: 0, drafts: 0, conflicts: 1, left: 11 })
  })

  /** Everything a juror can ask for over REST and GraphQL, as the ids of the applications it shows. */
  async function everythingSeenBy(user: User) {
    const applications = await http('/api/applications?limit=100&depth=0', { user })
    const reviews = await http('/api/reviews?limit=1000&depth=1', { user })
    const graphql = await http('/api/graphql', {
      user,
      method: 'POST',
      body: { query: '{ Applications(limit: 100) { docs { id } } Reviews(limit: 1000) { docs { id juror { id } application { id } } } }' },
    })
    return {
      applications: (applications.json.docs ?? []).map((d: Doc) => d.id),
      reviewedApplications: [...new Set((reviews.json.docs ?? []).map((d: any) => d.application?.id ?? d.application))],
      reviewers: [...new Set((reviews.json.docs ?? []).map((d: any) => d.juror?.id ?? d.juror))],
      graphqlApplications: (graphql.json.data?.Applications?.docs ?? []).map((d: Doc) => d.id),
      graphqlReviewedApplications: [...new Set((graphql.json.data?.Reviews?.docs ?? []).map((d: any) => d.application?.id))],
      history: (await http('/api/history?limit=100', { user })).status,
    }
  }

  it("shows a juror who has submitted nothing no other juror's review, and no ranking", async () => {
    const seen = await everythingSeenBy(jurorUsers[2]!)
    expect(seen.applications).toHaveLength(12)
    expect([seen.reviewedApplications, seen.graphqlReviewedApplications, seen.history]).toEqual([[], [], 403])
    const board = await http(`/api/award-years/${year.id}/jury-board?round=screening`, { user: jurorUsers[2] })
    expect([board.status, board.json.rows, board.json.unranked]).toEqual([200, [], []])
    // Juror 2's declaration is theirs alone.
    expect((await everythingSeenBy(jurorUsers[1]!)).reviewers).toEqual([jurorProfiles[1]!.id])
  })

  it('takes the screening reviews; reminds the one juror with reviews left; tells staff when all are in', async () => {
    for (let j = 0; j < 5; j++) {
      for (let a = 0; a < 12; a++) {
        if ((j === 0 && a === 0) || (j === 1 && a === 4) || (j === 4 && a === 11)) continue
        await review(a, j, 'screening')
      }
    }
    // Each review is titled by its juror, application and round (lists and relationship fields show it).
    const [titled] = (await payload.find({ collection: 'reviews', where: { and: [{ juror: { equals: jurorProfiles[2]!.id } }, { application: { equals: apps[11]!.id } }] }, ...sys })).docs
    expect(titled!.title).toBe('Jurymedlem 3 – Kalmars kommun (Gallring)')
    // A tied juror cannot review the application, whoever asks for it.
    expect(await refusal(review(0, 0, 'screening'))).toEqual(['Du får inte utföra denna åtgärd.'])
    at('2027-04-17T08:00:00Z')
    let from = since()
    await sendNotices()
    expect(await subjectsTo(jurorUsers[4]!.email, from)).toEqual(['Påminnelse: 1 bedömning kvar i Sveriges eHälsokommun 2027'])
    expect(await subjectsTo(jurorUsers[3]!.email, from)).toEqual([])
    await review(11, 4, 'screening')
    from = since()
    await sendNotices()
    expect(await subjectsTo(CONTACT, from)).toEqual(['Sveriges eHälsokommun 2027: alla i juryn har bedömt (gallring)'])
  })

  it('ranks the applications: mean, median, spread, both rankings', async () => {
    const board = await http(`/api/award-years/${year.id}/jury-board?round=screening`, { user: editor })
    expect(board.status).toBe(200)
    const rows = board.json.rows as Array<any>
    console.log(
      [
        'Plats | Kommun | Bedömningar | Medel | Median | Min–max | Normaliserad (plats) | Vidare/Tveksam/Inte',
        ...rows.map(
          (r) =>
            `${r.rank} | ${r.municipalityName} | ${r.reviews} | ${r.overall.mean} | ${r.overall.median} | ${r.overall.min}–${r.overall.max} | ${r.normalized} (${r.rankNormalized}) | ${r.recommendations.advance}/${r.recommendations.consider}/${r.recommendations.decline}`,
        ),
      ].join('\n'),
    )
    const row = (app: number) => rows.find((r) => r.application === apps[app]!.id)
    // Malmö (base 5), without juror 1 (tied): 4 (harsh), 5, 5 (lenient, at the ceiling), 5.
    expect([row(0).reviews, row(0).overall]).toEqual([4, { mean: 4.75, median: 5, min: 4, max: 5 }])
    // Stockholm (base 5): 5, 4, 5, 5, 5.
    expect([row(1).reviews, row(1).overall, row(1).rank]).toEqual([5, { mean: 4.8, median: 5, min: 4, max: 5 }, 1])
    // Lund (base 4), without juror 2 (declared): 4, 4, 5, 4.
    expect([row(4).reviews, row(4).overall, row(4).rank]).toEqual([4, { mean: 4.25, median: 4, min: 4, max: 5 }, 3])
    // Two at 4.0 share fourth place; the sixth is far behind.
    expect([row(2).rank, row(3).rank, row(5).rank, row(5).overall.mean]).toEqual([4, 4, 6, 3])
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 4, 6, 6, 6, 9, 9, 9, 12])
    // Only the lenient juror lifts the last one off the floor: 1, 1, 1, 2, 1.
    expect(row(11).overall).toEqual({ mean: 1.2, median: 1, min: 1, max: 2 })
    expect(row(1).recommendations).toEqual({ advance: 5, consider: 0, decline: 0 })
    expect(board.json.jurors.map((j: any) => [j.name, j.assigned, j.submitted, j.left, j.conflicts.map((c: any) => c.kind)])).toEqual([
      ['Jurymedlem 1', 11, 11, 0, ['tie']],
      ['Jurymedlem 2', 11, 11, 0, ['declared']],
      ['Jurymedlem 3', 12, 12, 0, []],
      ['Jurymedlem 4', 12, 12, 0, []],
      ['Jurymedlem 5', 12, 12, 0, []],
    ])
    // The tied juror's board has no row for Malmö; the conflicted juror's none for Lund.
    const tied = await http(`/api/award-years/${year.id}/jury-board?round=screening`, { user: jurorUsers[0] })
    expect(tied.json.rows.map((r: any) => r.application)).not.toContain(apps[0]!.id)
    expect(tied.json.rows).toHaveLength(11)
    const declared = await http(`/api/award-years/${year.id}/jury-board?round=screening`, { user: jurorUsers[1] })
    expect(declared.json.rows.map((r: any) => r.application)).not.toContain(apps[4]!.id)
    expect(declared.json.jurors.map((j: any) => j.name)).toEqual(['Jurymedlem 2'])
  })

  it('never shows a juror the application they are conflicted on, or its reviews, on any path', async () => {
    const malmo = apps[0]!.id
    const lund = apps[4]!.id
    for (const [user, hidden] of [
      [jurorUsers[0]!, malmo],
      [jurorUsers[1]!, lund],
    ] as const) {
      const seen = await everythingSeenBy(user)
      expect(seen.applications).toHaveLength(11)
      expect(seen.applications).not.toContain(hidden)
      expect(seen.graphqlApplications).not.toContain(hidden)
      // Every other application's reviews, now that they have submitted theirs; of the hidden one
      // at most their own declaration.
      expect(seen.reviewedApplications.filter((a) => a !== hidden)).toHaveLength(11)
      // GraphQL populates the hidden application of their own declaration as null.
      expect(seen.graphqlReviewedApplications).not.toContain(hidden)
      expect(seen.graphqlReviewedApplications.filter((a) => a != null)).toHaveLength(11)
      expect(seen.history).toBe(403)
      // Not even whether it exists.
      expect((await http(`/api/applications/${hidden}`, { user })).status).toBe(404)
      const peers = await http(`/api/reviews?where[application][equals]=${hidden}&limit=100&depth=0`, { user })
      expect(peers.json.docs.map((d: any) => d.juror)).toEqual(user === jurorUsers[1] ? [jurorProfiles[1]!.id] : [])
      expect(await refusal(payload.findByID({ collection: 'applications', id: hidden, ...as(user) }))).toEqual(['Hittades inte'])
    }
    // The history joined to an application is staff's only.
    const withHistory = await payload.findByID({ collection: 'applications', id: apps[2]!.id, ...as(jurorUsers[2]!) })
    expect((withHistory.history as { docs?: unknown[] } | undefined)?.docs ?? []).toEqual([])
  })

  it('shows a juror of another year nothing of this one', async () => {
    const seen = await everythingSeenBy(outsider)
    expect([seen.applications, seen.reviewedApplications, seen.graphqlApplications, seen.graphqlReviewedApplications, seen.history]).toEqual([[], [], [], [], 403])
    expect((await http(`/api/award-years/${year.id}/jury-board?round=screening`, { user: outsider })).status).toBe(403)
    expect((await http(`/api/award-years/${year.id}/export.csv`, { user: outsider })).status).toBe(403)
    expect((await http('/api/reviews/work-list', { user: outsider })).json.years.map((y: any) => y.year)).not.toContain(2027)
    const written = await http('/api/reviews', { user: outsider, method: 'POST', body: { application: apps[2]!.id, round: 'screening', conflictOfInterest: true, conflictNote: 'Kollega.' } })
    expect(written.status).toBe(403)
  })

  it('selects exactly five finalists; the others are not selected; the finalists are told', async () => {
    const top = [1, 0, 4, 2, 3].map((a) => apps[a]!.id)
    const four = await http(`/api/award-years/${year.id}/finalists`, { user: editor, method: 'POST', body: { applications: top.slice(0, 4) } })
    expect([four.status, four.json.errors]).toEqual([422, { applications: 'Välj exakt 5 finalister.' }])
    expect((await http(`/api/award-years/${year.id}/finalists`, { user: jurorUsers[2], method: 'POST', body: { applications: top } })).status).toBe(403)
    const from = since()
    const chosen = await http(`/api/award-years/${year.id}/finalists`, { user: editor, method: 'POST', body: { applications: top } })
    expect(chosen.status).toBe(200)
    const stored = await payload.find({ collection: 'applications', sort: 'id', pagination: false, ...sys })
    expect(stored.docs.map((d) => d.status)).toEqual(apps.map((_, a) => ([0, 1, 2, 3, 4].includes(a) ? 'finalist' : 'not-selected')))
    expect((await payload.findByID({ collection: 'award-years', id: year.id, ...sys })).status).toBe('finalists')
    for (const a of [0, 1, 2, 3, 4]) expect(await subjectsTo(`kontakt.${CODES[a]}@kommun.example`, from)).toEqual([`${apps[a]!.municipalityName} är finalist i Sveriges eHälsokommun 2027`])
    expect(await subjectsTo(`kontakt.${CODES[5]}@kommun.example`, from)).toEqual([])
    // The selection is frozen: no sixth finalist.
    expect(await refusal(payload.update({ collection: 'applications', id: apps[5]!.id, data: { status: 'finalist' }, ...as(editor) }))).toEqual([
      'Finalister väljs medan året är ”Stängd”, innan det går vidare till ”Finalister utsedda”. Flytta året tillbaka till ”Stängd” för att ändra urvalet.',
    ])
  })

  it('publishes the finalists (municipalities only) from the finalists date', async () => {
    const before = await http('/api/ehk/v1/winners')
    expect(before.json.finalists).toEqual([])
    at('2027-04-19T08:00:00Z')
    const after = await http('/api/ehk/v1/winners')
    expect(after.json.finalists).toEqual([{ year: 2027, title: 'Sveriges eHälsokommun 2027', municipalities: expect.any(Array) }])
    expect(after.json.finalists[0].municipalities.map((m: any) => m.code).sort()).toEqual(CODES.slice(0, 5).sort())
    expect(after.text).not.toMatch(/score|mean|kontakt/i)
  })

  let answerToken = ''
  it('puts a question to a finalist, whose contact answers it through the private link', async () => {
    const from = since()
    await payload.update({
      collection: 'applications',
      id: apps[1]!.id,
      data: { supplementaryQuestions: [{ question: 'Hur har invånarna varit med och utformat tjänsterna?', answerBy: '2027-04-30T21:59:59.000Z', answerLimit: 300 }] } as never,
      ...as(editor),
    })
    const [message] = await mail.settled(`kontakt.${CODES[1]}@kommun.example`, from, payload)
    expect(message!.subject).toBe('Kompletterande fråga från juryn: ' + apps[1]!.reference)
    expect(message!.text).toContain('Hur har invånarna varit med och utformat tjänsterna?')
    answerToken = tokenIn(message!.text, 'redigera')!
    const mine = await http('/api/ehk/v1/applications/mine', { headers: { 'x-ehk-edit-token': answerToken } })
    expect(mine.json.editable).toBe(false)
    expect(mine.json.questions).toEqual([
      { id: expect.any(String), question: 'Hur har invånarna varit med och utformat tjänsterna?', answerBy: '2027-04-30T21:59:59.000Z', answerLimit: 300, answer: null, answeredAt: null, open: true },
    ])
    const id = mine.json.questions[0].id
    const tooLong = await http('/api/ehk/v1/applications/mine/answers', { method: 'PATCH', headers: { 'x-ehk-edit-token': answerToken }, body: { answers: [{ id, text: 'å'.repeat(301) }] } })
    expect([tooLong.status, tooLong.json.errors]).toEqual([422, { 'answers.0.text': 'Svaret är 1 tecken för långt: högst 300 tecken.' }])
    const answered = await http('/api/ehk/v1/applications/mine/answers', {
      method: 'PATCH',
      headers: { 'x-ehk-edit-token': answerToken },
      body: { answers: [{ id, text: 'I verkstäder med\r\nbrukarråd.' }] },
    })
    expect(answered.status).toBe(200)
    expect(answered.json.questions[0]).toMatchObject({ answer: 'I verkstäder med\nbrukarråd.', answeredAt: '2027-04-19T08:00:00.000Z' })
    const history = await payload.find({
      collection: 'history',
      where: { and: [{ 'document.relationTo': { equals: 'applications' } }, { 'document.value': { equals: apps[1]!.id } }] },
      sort: 'at',
      pagination: false,
      ...sys,
    })
    expect(history.docs.map((h) => h.action)).toEqual(expect.arrayContaining(['question-asked', 'question-answered']))
  })

  it('refuses an answer after its date, and keeps the one given', async () => {
    at('2027-04-30T21:59:59.000Z')
    const mine = await http('/api/ehk/v1/applications/mine', { headers: { 'x-ehk-edit-token': answerToken } })
    const late = await http('/api/ehk/v1/applications/mine/answers', {
      method: 'PATCH',
      headers: { 'x-ehk-edit-token': answerToken },
      body: { answers: [{ id: mine.json.questions[0].id, text: 'Ett sent svar.' }] },
    })
    expect([late.status, late.json.errors]).toEqual([403, { 'answers.0.text': 'Tiden för att svara på frågan har gått ut.' }])
    const stored = await payload.findByID({ collection: 'applications', id: apps[1]!.id, ...sys })
    expect(stored.supplementaryQuestions![0]!.answer).toBe('I verkstäder med\nbrukarråd.')
  })

  it('takes the final reviews, where jurors read the answers; the screening round is closed', async () => {
    const read = await payload.findByID({ collection: 'applications', id: apps[1]!.id, ...as(jurorUsers[2]!) })
    expect(read.supplementaryQuestions![0]!.answer).toBe('I verkstäder med\nbrukarråd.')
    expect(await refusal(review(5, 2, 'final'))).toEqual(['Finalomgången gäller bara finalister.'])
    for (let j = 0; j < 5; j++) for (const a of [0, 1, 2, 3, 4]) if (!(j === 0 && a === 0) && !(j === 1 && a === 4)) await review(a, j, 'final')
    // Staff reopen a screening review, but the round is closed: its juror cannot change it now.
    const [screened] = (await payload.find({ collection: 'reviews', where: { and: [{ juror: { equals: jurorProfiles[2]!.id } }, { round: { equals: 'screening' } }] }, limit: 1, ...sys })).docs
    await payload.update({ collection: 'reviews', id: screened!.id, data: { submitted: false, reopenReason: 'Fel poäng på ett område.' }, ...as(editor) })
    expect(await refusal(payload.update({ collection: 'reviews', id: screened!.id, data: { scores: criteria.map((c) => ({ criterion: c.id, score: 5 })) }, ...as(jurorUsers[2]!) }))).toEqual([
      'Omgången ”Gallring” är stängd. Personal kan öppna den igen.',
    ])
    const board = await http(`/api/award-years/${year.id}/jury-board?round=final`, { user: editor })
    expect(board.json.rows.map((r: any) => r.application)).toEqual([apps[1]!.id, apps[0]!.id, apps[4]!.id, apps[2]!.id, apps[3]!.id])
  })

  it('records the decision: the winner must be a finalist', async () => {
    const decision = { motivation: 'Stockholm har gjort invånarna till medskapare.\n\nEtt föredöme.', successFactors: ['Brukarråd', 'Tydlig ledning'] }
    const wrong = await http(`/api/award-years/${year.id}/decision`, { user: editor, method: 'POST', body: { ...decision, winner: apps[5]!.id } })
    expect([wrong.status, wrong.json.errors]).toEqual([422, { winner: 'Vinnaren måste vara en finalist från samma år.' }])
    const right = await http(`/api/award-years/${year.id}/decision`, { user: editor, method: 'POST', body: { ...decision, winner: apps[1]!.id } })
    expect(right.status).toBe(200)
    expect((await payload.findByID({ collection: 'award-years', id: year.id, ...sys })).status).toBe('decided')
  })

  it('keeps the winner secret until the instant, not a millisecond less, everywhere the public looks', async () => {
    at('2027-05-17T07:59:59.999Z')
    const winners = await http('/api/ehk/v1/winners')
    expect(winners.json.winners).toEqual([])
    expect(winners.json.nextAnnouncementAt).toBe('2027-05-17T08:00:00.000Z')
    // No cache may keep this answer past the instant.
    expect(winners.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const rest = await http(`/api/award-years/${year.id}?depth=1`)
    expect(rest.json.winner).toBeUndefined()
    expect(rest.text).not.toContain('medskapare')
    const graphql = await http('/api/graphql', { method: 'POST', body: { query: `{ AwardYear(id: ${JSON.stringify(year.id)}) { winner { id } juryMotivation } }` } })
    expect(graphql.json.data.AwardYear).toEqual({ winner: null, juryMotivation: null })
    for (const user of [jurorUsers[2]!]) expect((await payload.findByID({ collection: 'award-years', id: year.id, ...as(user) })).winner).toBeUndefined()
    // The scheduled job is not due yet.
    await runJobs(ANNOUNCE_QUEUE)
    expect((await payload.findByID({ collection: 'award-years', id: year.id, ...sys })).status).toBe('decided')
  })

  it('makes the winner public at the instant, and the job announces it once: statuses and e-mails', async () => {
    at('2027-05-17T08:00:00.000Z')
    const winners = await http('/api/ehk/v1/winners')
    expect(winners.json.winners).toEqual([
      {
        year: 2027,
        title: 'Sveriges eHälsokommun 2027',
        municipality: { code: '0180', name: 'Stockholms kommun', shortName: 'Stockholm' },
        motivation: [
          { type: 'paragraph', children: [{ text: 'Stockholm har gjort invånarna till medskapare.' }] },
          { type: 'paragraph', children: [{ text: 'Ett föredöme.' }] },
        ],
        successFactors: ['Brukarråd', 'Tydlig ledning'],
        announcedAt: '2027-05-17T08:00:00.000Z',
      },
    ])
    const from = since()
    // Payload's queue takes a job strictly after its time: the app's runner looks every 2 s.
    at('2027-05-17T08:00:01.000Z')
    await runJobs(ANNOUNCE_QUEUE)
    await runJobs(ANNOUNCE_QUEUE)
    expect((await payload.findByID({ collection: 'award-years', id: year.id, ...sys })).status).toBe('announced')
    const stored = await payload.find({ collection: 'applications', sort: 'id', pagination: false, ...sys })
    expect(stored.docs.map((d) => d.status)).toEqual(apps.map((_, a) => (a === 1 ? 'winner' : 'not-selected')))
    expect(await subjectsTo(`kontakt.${CODES[1]}@kommun.example`, from)).toEqual(['Stockholms kommun är Sveriges eHälsokommun 2027!'])
    for (const a of [0, 2, 3, 4]) expect(await subjectsTo(`kontakt.${CODES[a]}@kommun.example`, from)).toEqual(['Sveriges eHälsokommun 2027: vinnaren är utsedd'])
    expect(
      mail.messages
        .slice(from)
        .map(recipients)
        .filter((r) => r.includes(CODES[5]!)),
    ).toEqual([])
    const announced = await payload.find({ collection: 'history', where: { action: { equals: 'winner-announced' } }, ...sys })
    expect(announced.totalDocs).toBe(1)
    expect(announced.docs[0]!.actorLabel).toBe('Systemet / the system')
  })

  it('exports the year for Swedish Excel, for staff only', async () => {
    expect((await http(`/api/award-years/${year.id}/export.csv`, { user: jurorUsers[2] })).status).toBe(403)
    const csv = await http(`/api/award-years/${year.id}/export.csv?round=screening`, { user: editor })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ehalsokommun-2027-gallring.csv"')
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
    expect(lines).toHaveLength(13)
    expect(lines[1]!.split(';').slice(0, 12)).toEqual([
      apps[1]!.reference,
      'Stockholms kommun',
      '0180',
      'Stockholms län',
      'Vinnare',
      '2027-03-01 11:00',
      '2027-04-17 10:00',
      'Gallring',
      '1',
      expect.any(String),
      '5',
      '4,8',
    ])
    // Juror 1's cells for Malmö and juror 2's for Lund are marked as conflicts.
    const malmo = lines.find((l) => l.includes(';1280;'))!.split(';')
    expect(malmo.slice(-25, -20)).toEqual(['JÄV', 'JÄV', 'JÄV', 'JÄV', 'JÄV'])
  })

  it('keeps the whole story in the history, which nobody can change', async () => {
    const { docs } = await payload.find({
      collection: 'history',
      where: { and: [{ 'document.relationTo': { equals: 'award-years' } }, { 'document.value': { equals: year.id } }] },
      sort: 'at',
      pagination: false,
      ...sys,
    })
    expect(docs.map((d) => d.action)).toEqual(expect.arrayContaining(['status-changed', 'notice-sent', 'finalists-selected', 'decision-recorded', 'winner-announced']))
    const joined = await payload.findByID({ collection: 'award-years', id: year.id, ...as(editor) })
    expect((joined.history as { docs: unknown[] }).docs.length).toBeGreaterThan(5)
    const [entry] = docs
    expect(await refusal(payload.update({ collection: 'history', id: entry!.id, data: { summary: 'x' }, ...as(editor) }))).toEqual(['Du får inte utföra denna åtgärd.'])
    expect(await refusal(payload.delete({ collection: 'history', id: entry!.id, ...as(editor) }))).toEqual(['Du får inte utföra denna åtgärd.'])
  })
})
