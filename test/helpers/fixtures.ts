import type { Payload } from 'payload'
import { stockholmTime } from '../../src/domain/time.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { lexicalFromParagraphs } from '../../src/lib/richText.js'

export type Doc = { id: number; [key: string]: any }
export type User = Doc & { collection: 'users'; role: string }

/** The system's own calls in fixtures and checks: no access rules, ids instead of documents. */
export const sys = { overrideAccess: true, depth: 0 } as const

export async function createUser(payload: Payload, role: 'admin' | 'editor' | 'juror', email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`): Promise<User> {
  const user = await payload.create({ collection: 'users', data: { email, password: 'correct-horse-battery', role }, ...sys })
  return { ...(user as any), collection: 'users' }
}

export async function createCriteria(payload: Payload, titles = ['Ledning', 'Infrastruktur', 'Kompetens', 'Användning']): Promise<Doc[]> {
  const out: Doc[] = []
  for (const [order, title] of titles.entries()) {
    out.push((await payload.create({ collection: 'criteria', data: { title, order, guidingQuestions: [{ question: `Hur arbetar ni med ${title}?` }] }, ...sys })) as Doc)
  }
  return out
}

/** A year created as it stands (no lifecycle replay), like an import. */
export async function createYear(payload: Payload, data: Record<string, unknown>): Promise<Doc> {
  return (await payload.create({
    collection: 'award-years',
    data: { title: `Sveriges eHälsokommun ${data.year}`, characterLimit: 12000, ...data } as any,
    context: { [HISTORICAL_IMPORT]: true },
    ...sys,
  })) as Doc
}

export function answersFor(criteria: Doc[], texts?: string[]) {
  return criteria.map((c, i) => ({ criterion: c.id, text: texts?.[i] ?? `Vi arbetar med ${c.title} på många sätt.` }))
}

export function applicationData(year: Doc, criteria: Doc[], overrides: Record<string, unknown> = {}) {
  return {
    awardYear: year.id,
    municipality: '1280',
    contact: { name: 'Anna Andersson', role: 'Digitaliseringsstrateg', email: 'anna@malmo.se', phone: '040-34 10 00' },
    answers: answersFor(criteria),
    consent: true,
    ...overrides,
  }
}

/** An application stored as it stands (for years that are no longer open). */
export async function importApplication(payload: Payload, year: Doc, criteria: Doc[], overrides: Record<string, unknown> = {}): Promise<Doc> {
  return (await payload.create({
    collection: 'applications',
    data: applicationData(year, criteria, overrides) as any,
    context: { [HISTORICAL_IMPORT]: true },
    ...sys,
  })) as Doc
}

export async function createJuror(payload: Payload, user: User | null, years: Doc[], name = 'Jurymedlem'): Promise<Doc> {
  return (await payload.create({ collection: 'jurors', data: { name, years: years.map((y) => y.id), user: user?.id }, ...sys })) as Doc
}

export const summer = {
  /** 14 April 23:59:59 in Stockholm is 21:59:59Z (summer time, UTC+2). */
  deadline: stockholmTime('2027-04-14', '23:59:59'),
}
export const winter = {
  /** 15 January 23:59:59 in Stockholm is 22:59:59Z (winter time, UTC+1). */
  deadline: stockholmTime('2027-01-15', '23:59:59'),
}

/** A jury year's dates in 2027 (Stockholm summer time): deadline 14 April 23:59:59, finalists 19 April 10:00, decision 12 May 17:00, announcement 17 May 10:00. */
export const juryDates2027 = {
  opensAt: '2027-01-10T00:00:00.000Z',
  deadline: '2027-04-14T21:59:59.000Z',
  finalistsAt: '2027-04-19T08:00:00.000Z',
  juryDecisionAt: '2027-05-12T15:00:00.000Z',
  announcementAt: '2027-05-17T08:00:00.000Z',
}

export const motivation = lexicalFromParagraphs(['En kommun som satt digitaliseringen på allas agenda.'])
