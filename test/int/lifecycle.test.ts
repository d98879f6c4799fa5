// The lifecycle through the Local API as an editor would drive it, with the clock at the exact instants.
import { type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stockholmTime } from '../../src/domain/time.js'
import { applicationData, createCriteria, createUser, createYear, type Doc, importApplication, type User } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

let t: TestPayload
let payload: Payload
let editor: User
let criteria: Doc[]

beforeAll(async () => {
  t = await startPayload({ now: '2027-01-10T12:00:00Z' })
  payload = t.payload
  editor = await createUser(payload, 'editor')
  criteria = await createCriteria(payload)
})
afterAll(() => t?.destroy())

const asEditor = { user: undefined as User | undefined, overrideAccess: false as const }
beforeAll(() => {
  asEditor.user = editor
})

async function rulesBroken(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise
  } catch (error: any) {
    return (error?.data?.errors ?? []).map((e: { message: string }) => e.message)
  }
  return []
}

const updateYear = (id: number, data: Record<string, unknown>) => payload.update({ collection: 'award-years', id, data: data as never, ...asEditor })
const updateApplication = (id: number, data: Record<string, unknown>) => payload.update({ collection: 'applications', id, data: data as never, ...asEditor })

describe('a year from draft to announced', () => {
  it('walks every step, refusing each shortcut with the rule it breaks', async () => {
    t.clock.set('2027-01-10T12:00:00Z')
    const year = (await payload.create({ collection: 'award-years', data: { year: 2027, title: 'Sveriges eHälsokommun 2027' } as never, ...asEditor })) as Doc
    expect(year.status).toBe('draft')

    expect(await rulesBroken(updateYear(year.id, { status: 'closed' }))).toEqual(['Status kan inte ändras från ”Utkast” till ”Stängd”. Tillåtet: ”Öppen för ansökningar”.'])
    expect(await rulesBroken(updateYear(year.id, { status: 'open' }))).toEqual(['Välj årets områden innan året öppnas.', 'Ett år kan bara öppnas med en sista ansökningsdag i framtiden.'].reverse())
    await updateYear(year.id, { status: 'open', criteria: criteria.map((c) => c.id), deadline: stockholmTime('2027-04-14', '23:59:59').toISOString(), announcementAt: '2027-05-17T08:00:00Z' })

    // An unconfirmed application counts nowhere, not even here; a counted one does.
    await importApplication(payload, year, criteria, { municipality: '0114', status: 'unconfirmed' })
    await updateYear(year.id, { status: 'draft' })
    await updateYear(year.id, { status: 'open' })
    const app = (await payload.create({ collection: 'applications', data: applicationData(year, criteria, { municipality: '0380' }) as never, ...asEditor })) as Doc
    expect(await rulesBroken(updateYear(year.id, { status: 'draft' }))).toEqual(['Året har ansökningar och kan inte bli utkast igen.'])
    expect(await rulesBroken(updateApplication(app.id, { status: 'finalist' }))).toEqual([
      'Finalister väljs medan året är ”Stängd”, innan det går vidare till ”Finalister utsedda”. Flytta året tillbaka till ”Stängd” för att ändra urvalet.',
    ])

    t.clock.set('2027-04-15T08:00:00Z')
    await updateYear(year.id, { status: 'closed' })
    expect(await rulesBroken(updateYear(year.id, { status: 'finalists' }))).toEqual(['Välj exakt 1 finalist (nu 0).'])
    await updateApplication(app.id, { status: 'finalist' })
    await updateYear(year.id, { status: 'finalists' })

    expect(await rulesBroken(updateYear(year.id, { status: 'decided' }))).toEqual(['Välj vinnaren innan beslutet registreras.'])
    const other = await importApplication(payload, (await createYear(payload, { year: 2026, status: 'closed', criteria: criteria.map((c) => c.id) })) as Doc, criteria, {
      municipality: '0180',
      status: 'finalist',
    })
    expect(await rulesBroken(updateYear(year.id, { status: 'decided', winner: other.id }))).toEqual(['Vinnaren måste vara en finalist från samma år.'])
    await updateYear(year.id, { status: 'decided', winner: app.id })

    t.clock.set('2027-05-17T07:59:59.999Z')
    expect(await rulesBroken(updateYear(year.id, { status: 'announced' }))).toEqual(['Vinnaren kan inte tillkännages före tidpunkten för tillkännagivandet.'])
    t.clock.set('2027-05-17T08:00:00.000Z')
    await updateYear(year.id, { status: 'announced' })
    expect((await payload.findByID({ collection: 'applications', id: app.id, overrideAccess: true })).status).toBe('winner')

    for (const status of ['draft', 'open', 'closed', 'finalists', 'decided'] as const) {
      expect(await rulesBroken(updateYear(year.id, { status }))).toHaveLength(1)
    }
    expect(await rulesBroken(updateApplication(app.id, { status: 'not-selected' }))).toEqual(['Ansökans status kan inte ändras från ”Vinnare” till ”Ej vidare”.'])
  })

  it('marks the other finalists "not selected" at the announcement', async () => {
    t.clock.set('2028-04-20T08:00:00Z')
    const year = await createYear(payload, { year: 2028, status: 'finalists', deadline: '2028-04-14T21:59:59Z', announcementAt: '2028-05-17T08:00:00Z', criteria: criteria.map((c) => c.id) })
    const [winner, runnerUp, rejected] = await Promise.all(
      [
        ['0380', 'finalist'],
        ['1280', 'finalist'],
        ['1480', 'submitted'],
      ].map(([municipality, status]) => importApplication(payload, year, criteria, { municipality, status })),
    )
    await updateYear(year.id, { status: 'decided', winner: winner!.id })
    t.clock.set('2028-05-17T09:00:00Z')
    await updateYear(year.id, { status: 'announced' })
    const statuses = await Promise.all([winner, runnerUp, rejected].map(async (a) => (await payload.findByID({ collection: 'applications', id: a!.id, overrideAccess: true })).status))
    expect(statuses).toEqual(['winner', 'not-selected', 'submitted'])
  })
})

describe('the deadline instant', () => {
  for (const [season, date, utc] of [
    ['summer', '2029-04-14', '2029-04-14T21:59:59.000Z'],
    ['winter', '2029-01-15', '2029-01-15T22:59:59.000Z'],
  ] as const) {
    it(`accepts one millisecond before ${date} 23:59:59 Stockholm (${season} time) and refuses at it`, async () => {
      const deadline = stockholmTime(date, '23:59:59')
      expect(deadline.toISOString()).toBe(utc)
      const year = await createYear(payload, { year: season === 'summer' ? 2091 : 2092, status: 'open', deadline, criteria: criteria.map((c) => c.id) })
      t.clock.set(new Date(deadline.getTime() - 1))
      const created = await payload.create({ collection: 'applications', data: applicationData(year, criteria, { municipality: '0114' }) as never, ...asEditor })
      expect(created.submittedAt).toBe(new Date(deadline.getTime() - 1).toISOString())
      t.clock.set(deadline)
      expect(await rulesBroken(payload.create({ collection: 'applications', data: applicationData(year, criteria, { municipality: '0115' }) as never, ...asEditor }))).toEqual([
        'Sista ansökningsdag har passerat.',
      ])
    })
  }

  it('refuses applications before the year opens', async () => {
    t.clock.set('2029-10-01T00:00:00Z')
    const year = await createYear(payload, { year: 2093, status: 'open', opensAt: '2029-11-01T00:00:00Z', deadline: '2030-04-14T21:59:59Z', criteria: criteria.map((c) => c.id) })
    expect(await rulesBroken(payload.create({ collection: 'applications', data: applicationData(year, criteria) as never, ...asEditor }))).toEqual(['Ansökan har inte öppnat ännu.'])
  })
})
