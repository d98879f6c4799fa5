// The admin's start page data (src/dashboard/data.ts), with each person's own access, on a
// generated year mid-way through the final round: 12 confirmed applications, 5 jurors, five finalists.
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { dashboardFor } from '../../src/dashboard/data.js'
import { resolveOptions } from '../../src/defaults.js'
import { sys, type User } from '../helpers/fixtures.js'
import { generateJuryYear, type JuryYearData } from '../helpers/juryYear.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

const NOW = '2027-05-01T10:00:00.000Z'
let t: TestPayload
let payload: Payload
let data: JuryYearData
const userByEmail = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } }, ...sys })).docs[0] as unknown as User
const dashboardOf = async (user: User) => dashboardFor(await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload), resolveOptions({ clock: t.clock.now }))

beforeAll(async () => {
  t = await startPayload({ now: NOW })
  payload = t.payload
  // The first account becomes the administrator.
  await payload.create({ collection: 'users', data: { email: 'admin@vitalis.example', password: 'dashboard-password-2027', role: 'admin' } as never, ...sys })
  data = await generateJuryYear(payload, { year: 2027, now: new Date(NOW), applications: 12, jurors: 5, password: 'dashboard-password-2027', seed: 3 })
}, 120_000)
afterAll(() => t?.destroy())

it('shows an editor the year, its next date, the applications by week, county and site, the jury’s progress and what to do next', async () => {
  const { role, staff, health } = await dashboardOf(await userByEmail(data.editor.email))
  expect([role, health]).toEqual(['editor', undefined])
  expect(staff!.year).toEqual({
    id: data.yearId,
    year: 2027,
    title: 'Sveriges eHälsokommun 2027',
    status: 'finalists',
    next: { label: { sv: 'Juryns beslut', en: 'Jury decision' }, at: '2027-05-15T10:00:00.000Z' },
  })
  const { applications } = staff!
  expect([applications.confirmed, applications.unconfirmed, applications.competing]).toEqual([12, 0, 0])
  expect(applications.perWeek.reduce((sum, w) => sum + w.count, 0)).toBe(12)
  expect(applications.perWeek.map((w) => w.week)).toEqual([...applications.perWeek.map((w) => w.week)].sort())
  // The generator's twelve are the first twelve of the official list: all in Stockholm County.
  expect(applications.byCounty).toEqual([{ county: 'Stockholms län', count: 12 }])
  expect(applications.byPartner).toEqual([{ partner: { sv: 'CMS:ets egen sida', en: "The CMS's own page" }, count: 12 }])
  // Screening is closed and complete; the final round is open, every juror done but the tied one's gap.
  expect(staff!.rounds.map((r) => [r.state.round, r.state.window, r.submitted, r.assigned, r.jurorsDone, r.jurors])).toEqual([
    ['screening', 'closed', 59, 59, 5, 5],
    ['final', 'open', expect.any(Number), expect.any(Number), expect.any(Number), 5],
  ])
  expect(staff!.actions).toEqual([{ label: { sv: 'Registrera juryns beslut', en: "Record the jury's decision" }, href: `/admin/jury/${data.yearId}?round=final` }])
})

it('tells an editor about competing applications first', async () => {
  const [one] = data.applications
  await payload.db.updateOne({ collection: 'applications', id: one!, data: { competing: true } })
  try {
    const { staff } = await dashboardOf(await userByEmail(data.editor.email))
    expect(staff!.applications.competing).toBe(1)
    expect(staff!.actions[0]).toEqual({ label: { sv: 'Besvara dubbletter (1)', en: 'Resolve competing applications (1)' }, href: '/admin/collections/applications?where[competing][equals]=true' })
  } finally {
    await payload.db.updateOne({ collection: 'applications', id: one!, data: { competing: false } })
  }
})

it('gives administrators the server’s health as well', async () => {
  const { role, staff, health } = await dashboardOf(await userByEmail('admin@vitalis.example'))
  expect([role, staff?.year?.year]).toEqual(['admin', 2027])
  expect(health).toMatchObject({ database: true, jobs: { autoRun: false } })
})

it('shows a juror only their own work, and nothing of the year’s figures', async () => {
  const juror = await userByEmail(data.jurors[1]!.email)
  const dashboard = await dashboardOf(juror)
  expect(Object.keys(dashboard).sort()).toEqual(['role', 'work'])
  expect(dashboard.work!.map((w) => [w.year.year, w.round.round, w.progress.left])).toEqual([[2027, 'final', 0]])
})
