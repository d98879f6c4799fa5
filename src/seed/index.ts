import { randomBytes } from 'node:crypto'
import type { Payload, Where } from 'payload'
import { createLocalReq } from 'payload'
import { resolveOptions, type EhkContext, type Role } from '../defaults.js'
import { stockholmTime } from '../domain/time.js'
import { HISTORICAL_IMPORT } from '../lib/context.js'
import { lexicalFromParagraphs } from '../lib/richText.js'
import { ASSESSMENT_FOCUS, CONTACT, CRITERIA, JURY_2022, PARTNERS, TIMELINE_2022, UNPUBLISHED_ANSWER, WINNER_2021, WINNER_2022 } from './content.js'
import { asDoc, asFields } from '../types.js'

export interface DemoAccount {
  role: Role
  email: string
  /** Only for accounts created by this run; existing passwords are never known. */
  password?: string
}

export interface SeedOptions {
  /** Password for new demo accounts; a random one each otherwise. */
  demoPassword?: string
}

export interface SeedResult {
  created: number
  accounts: DemoAccount[]
}

type Doc = { id: number | string; [key: string]: unknown }

/**
 * Loads the award's published facts (2021 and 2022 with their winners, the 2022 jury, the partners and
 * criteria), one open year with a deadline ahead, and a demo account per role. Idempotent: what
 * exists (by year, title, name, e-mail) is left as it is.
 */
export async function seedDemoContent(payload: Payload, options: SeedOptions = {}): Promise<SeedResult> {
  const ctx: EhkContext = (payload.config.custom?.eHalsokommun as EhkContext | undefined) ?? resolveOptions()
  const { slugs } = ctx
  const req = await createLocalReq({ context: { [HISTORICAL_IMPORT]: true } }, payload)
  let created = 0

  async function ensure(collection: string, where: Where, data: Record<string, unknown>): Promise<Doc> {
    const found = await payload.find({ collection: collection as 'users', where, limit: 1, depth: 0, overrideAccess: true, req })
    if (found.docs[0]) return asDoc<Doc>(found.docs[0])
    created++
    return asDoc<Doc>(await payload.create({ collection: collection as 'users', data: asFields(data), overrideAccess: true, req }))
  }

  const criteria: Doc[] = []
  for (const [order, c] of CRITERIA.entries()) {
    criteria.push(
      await ensure(
        slugs.criteria,
        { title: { equals: c.title } },
        {
          title: c.title,
          order: order + 1,
          description: lexicalFromParagraphs([...c.description]),
          guidingQuestions: c.guidingQuestions.map((question) => ({ question })),
        },
      ),
    )
  }
  const partners = new Map<string, Doc>()
  for (const p of PARTNERS) {
    partners.set(p.shortName, await ensure(slugs.partners, { name: { equals: p.name } }, { ...p, allowedOrigins: p.allowedOrigins.map((origin) => ({ origin })) }))
  }
  const partnerIds = [...partners.values()].map((p) => p.id)
  const criterionIds = criteria.map((c) => c.id)
  const common = { criteria: criterionIds, partners: partnerIds, contact: CONTACT, assessmentFocus: lexicalFromParagraphs(ASSESSMENT_FOCUS) }

  // 2021: the source gives no dates; the end of 2021 bounds the announcement safely.
  const year2021 = await ensure(
    slugs.awardYears,
    { year: { equals: 2021 } },
    {
      ...common,
      year: 2021,
      title: 'Sveriges eHälsokommun 2021',
      status: 'announced',
      announcementAt: stockholmTime('2021-12-31'),
    },
  )
  const year2022 = await ensure(
    slugs.awardYears,
    { year: { equals: 2022 } },
    {
      ...common,
      year: 2022,
      title: 'Sveriges eHälsokommun 2022',
      status: 'announced',
      deadline: stockholmTime('2022-04-14', '23:59:59'),
      finalistsAt: stockholmTime('2022-04-19'),
      ceremonyAt: stockholmTime('2022-05-17'),
      announcementAt: stockholmTime('2022-05-17'),
      timeline: TIMELINE_2022.map(([from, to, description]) => ({
        startsOn: stockholmTime(from),
        endsOn: to && stockholmTime(to),
        description,
      })),
    },
  )
  for (const [year, winner] of [
    [year2021, WINNER_2021],
    [year2022, WINNER_2022],
  ] as const) {
    // Submitted by the deadline, as it was (2021's deadline is not published: its announcement bounds it).
    const submittedAt = (year.deadline ?? year.announcementAt) as string
    const application = await ensure(
      slugs.applications,
      { and: [{ awardYear: { equals: year.id } }, { municipality: { equals: winner.municipality } }] },
      {
        awardYear: year.id,
        municipality: winner.municipality,
        status: 'winner',
        submittedAt,
        confirmedAt: submittedAt,
        consent: true,
        contact: { name: 'Kommunens kontaktperson', role: 'Kontaktperson för ansökan', email: CONTACT.email },
        answers: criterionIds.map((criterion) => ({ criterion, text: UNPUBLISHED_ANSWER })),
      },
    )
    if (!year.winner) {
      await payload.update({
        collection: slugs.awardYears,
        id: year.id,
        data: asFields({
          winner: application.id,
          juryMotivation: lexicalFromParagraphs(winner.motivation),
          ...('successFactors' in winner ? { successFactors: winner.successFactors.map((text) => ({ text })) } : {}),
        }),
        overrideAccess: true,
        req,
      })
    }
  }
  for (const juror of JURY_2022) {
    await ensure(
      slugs.jurors,
      { name: { equals: juror.name } },
      {
        name: juror.name,
        title: juror.title,
        organisation: partners.get(juror.organisation)?.id,
        years: [year2022.id],
      },
    )
  }

  const open = openYearDates(ctx.now())
  const openYear = await ensure(
    slugs.awardYears,
    { year: { equals: open.year } },
    {
      ...common,
      year: open.year,
      title: `Sveriges eHälsokommun ${open.year}`,
      status: 'open',
      ...open.dates,
      timeline: open.timeline,
    },
  )

  const accounts: DemoAccount[] = []
  for (const role of ['admin', 'editor', 'juror'] as const) {
    const email = `${role}@example.org`
    const password = options.demoPassword ?? randomBytes(15).toString('base64url')
    const before = created
    const user = await ensure(slugs.users, { email: { equals: email } }, { email, password, role, name: DEMO_NAMES[role] })
    accounts.push({ role, email, ...(created > before ? { password } : {}) })
    if (role === 'juror') {
      await ensure(
        slugs.jurors,
        { user: { equals: user.id } },
        {
          name: DEMO_NAMES.juror,
          title: 'Exempelkonto för juryarbete',
          organisation: partners.get('Vitalis')?.id,
          years: [openYear.id],
          user: user.id,
        },
      )
    }
  }
  return { created, accounts }
}

const DEMO_NAMES: Record<Role, string> = { admin: 'Demo Administratör', editor: 'Demo Redaktör', juror: 'Demo Jurymedlem' }

/** The next spring's round, with the 2022 rhythm: close 14 April, finalists 19 April, winner at Vitalis in May. */
export function openYearDates(now: Date) {
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(now))
  const deadlineThisYear = stockholmTime(`${thisYear}-04-14`, '23:59:59')
  const year = now < new Date(deadlineThisYear.getTime() - 14 * 86_400_000) ? thisYear : thisYear + 1
  const opensAt = stockholmTime(`${year - 1}-11-01`)
  return {
    year,
    dates: {
      opensAt: opensAt < now ? opensAt : now,
      deadline: stockholmTime(`${year}-04-14`, '23:59:59'),
      finalistsAt: stockholmTime(`${year}-04-19`),
      ceremonyAt: stockholmTime(`${year}-05-17`, '10:00:00'),
      announcementAt: stockholmTime(`${year}-05-17`, '10:00:00'),
    },
    timeline: [
      { startsOn: stockholmTime(`${year}-04-14`), description: `Sista dag för anmälan till Sveriges eHälsokommun ${year}` },
      { startsOn: stockholmTime(`${year}-04-19`), description: 'Juryn utser 5 finalister' },
      { startsOn: stockholmTime(`${year}-04-20`), endsOn: stockholmTime(`${year}-05-16`), description: 'Juryarbete för att utse vinnare' },
      { startsOn: stockholmTime(`${year}-05-17`), description: `Vinnaren av Sveriges eHälsokommun ${year} tillkännages på Vitalis.` },
    ],
  }
}

/** First start: seed only an empty database, and tell the console the demo logins. */
export async function seedIfEmpty(payload: Payload, options: SeedOptions = {}): Promise<void> {
  const ctx = payload.config.custom?.eHalsokommun as EhkContext
  const { totalDocs } = await payload.count({ collection: ctx.slugs.awardYears, overrideAccess: true })
  if (totalDocs > 0) return
  const result = await seedDemoContent(payload, options)
  payload.logger.info(`Demoinnehåll inläst (${result.created} dokument) / demo content loaded.`)
  logAccounts(payload, result.accounts)
}

export function logAccounts(payload: Payload, accounts: DemoAccount[]): void {
  const lines = accounts.filter((a) => a.password).map((a) => `  ${a.role.padEnd(7)} ${a.email.padEnd(20)} ${a.password}`)
  if (lines.length > 0) payload.logger.info(`Demokonton / demo accounts (lösenorden visas bara nu / passwords are shown only now):\n${lines.join('\n')}`)
}
