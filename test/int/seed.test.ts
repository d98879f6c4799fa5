import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applicationWindow } from '../../src/domain/lifecycle.js'
import { openYearDates, seedDemoContent } from '../../src/seed/index.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

const COLLECTIONS = ['award-years', 'criteria', 'applications', 'jurors', 'partners', 'users'] as const

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload({ now: '2026-11-23T09:00:00Z' })
  payload = t.payload
})
afterAll(() => t?.destroy())

async function snapshot() {
  const out: Record<string, unknown> = {}
  for (const collection of COLLECTIONS) {
    const { docs } = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, sort: 'id' })
    out[collection] = docs.map(({ updatedAt, ...doc }: any) => ({ ...doc, updatedAt }))
  }
  return out
}

describe('demo content', () => {
  it('is idempotent: a second run creates nothing and changes nothing', async () => {
    const first = await seedDemoContent(payload, { demoPassword: 'demo-password-1' })
    expect(first.created).toBeGreaterThan(20)
    expect(first.accounts.map((a) => [a.role, a.email, a.password])).toEqual([
      ['admin', 'admin@example.org', 'demo-password-1'],
      ['editor', 'editor@example.org', 'demo-password-1'],
      ['juror', 'juror@example.org', 'demo-password-1'],
    ])
    const before = await snapshot()
    const second = await seedDemoContent(payload, { demoPassword: 'demo-password-2' })
    expect(second.created).toBe(0)
    expect(second.accounts.every((a) => a.password === undefined)).toBe(true)
    expect(await snapshot()).toEqual(before)
  })

  it('holds the published facts: winners, motivations, success factors, jury, partners, criteria', async () => {
    const find = (collection: (typeof COLLECTIONS)[number], where = {}) => payload.find({ collection, where, pagination: false, depth: 1, overrideAccess: true })
    const years = (await find('award-years', { year: { in: [2021, 2022] } })).docs as any[]
    const byYear = Object.fromEntries(years.map((y) => [y.year, y]))
    expect(byYear[2021].winner.municipalityName).toBe('Lunds kommun')
    expect(byYear[2022].winner.municipalityName).toBe('Uppsala kommun')
    expect(byYear[2021].successFactors).toHaveLength(8)
    expect(JSON.stringify(byYear[2022].juryMotivation)).toContain('en självklarhet för alla')
    expect(byYear[2022].deadline).toBe('2022-04-14T21:59:59.000Z')
    expect(byYear[2022].timeline.map((e: any) => e.description)[1]).toBe('Juryn utser 5 finalister')
    expect(byYear[2022].jury.docs.map((j: any) => j.name).sort()).toEqual(['Elisabeth Wallenius', 'Jonas Hampus', 'Jonas Vallgårda', 'Malin Aldén', 'Maria Sterner', 'Patrik Sundström'])
    expect(byYear[2022].contact).toMatchObject({ title: 'Affärsansvarig, Vitalis', email: 'kontakt@example.org' })
    expect(JSON.stringify(years)).not.toMatch(/svenskamassan|0733/)
    const partners = (await find('partners')).docs as any[]
    expect(partners.map((p) => p.shortName).sort()).toEqual(['FSS', 'Funktionsrätt Sverige', 'MFD', 'SKR', 'Vitalis', 'Vårdförbundet'])
    expect(partners.find((p) => p.role === 'organiser').name).toBe('Vitalis')
    const criteria = (await find('criteria')).docs as any[]
    expect(criteria.map((c) => c.title)).toEqual(['Ledning', 'Infrastruktur', 'Kompetens', 'Användning'])
    expect(criteria.every((c) => c.guidingQuestions.length >= 2)).toBe(true)
  })

  it('has one year open now, with its deadline ahead', async () => {
    const open = (await payload.find({ collection: 'award-years', where: { status: { equals: 'open' } }, overrideAccess: true })).docs as any[]
    expect(open).toHaveLength(1)
    expect(open[0].year).toBe(2027)
    expect(open[0].deadline).toBe('2027-04-14T21:59:59.000Z')
    expect(applicationWindow(open[0], t.clock.now())).toBe('open')
  })

  it('links the demo juror to a juror profile on the open year', async () => {
    const juror = (await payload.find({ collection: 'users', where: { email: { equals: 'juror@example.org' } }, overrideAccess: true })).docs[0]!
    const profile = (await payload.find({ collection: 'jurors', where: { user: { equals: juror.id } }, depth: 1, overrideAccess: true })).docs[0] as any
    expect(profile.years.map((y: any) => y.status)).toEqual(['open'])
  })

  it('picks the coming spring for the open year', () => {
    expect(openYearDates(new Date('2026-11-23T09:00:00Z')).year).toBe(2027)
    expect(openYearDates(new Date('2027-02-01T09:00:00Z')).year).toBe(2027)
    expect(openYearDates(new Date('2027-04-05T09:00:00Z')).year).toBe(2028) // too close to the deadline
    const dates = openYearDates(new Date('2027-02-01T09:00:00Z')).dates
    expect(dates.opensAt.toISOString()).toBe('2026-10-31T23:00:00.000Z')
  })
})
