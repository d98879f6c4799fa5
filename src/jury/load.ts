// A year's jury work as one reader may see it: the year, its jurors, the round's applications and
// reviews. Read either with the reader's own access (the jury board, the work list) or as the
// system (reminders, the export), never a mixture.
import { Forbidden, type PayloadRequest, type TypedUser, type Where } from 'payload'
import { profileOf } from '../access/jurorProfile.js'
import type { EhkContext } from '../defaults.js'
import { conflictOf, type JurorConflicts } from '../domain/conflicts.js'
import { juryProgress, type JurorProgress } from '../domain/jury.js'
import { countedApplications, roundApplications, type Round, type YearState } from '../domain/lifecycle.js'
import type { Recommendation } from '../domain/ranking.js'
import { idOf } from '../lib/relations.js'
import { asDocs, type JurorDoc } from '../types.js'

export type Reader = { overrideAccess: true } | { overrideAccess: false; user: TypedUser }

/** The logged-in person's own access, for reads that must show only what they may see. */
export const asReader = (req: PayloadRequest): Reader => ({ overrideAccess: false, user: req.user as TypedUser })
export const asSystem: Reader = { overrideAccess: true }

export type JuryYear = Omit<YearState, 'criteria'> & {
  id: number | string
  year: number
  title: string
  criteria: Array<number | string>
  reminderDays?: number | null
  publishFinalists?: boolean | null
  contact?: { email?: string | null } | null
}

export interface JuryApplication {
  id: number | string
  reference: string
  municipality: string
  municipalityName: string
  status: string
  submittedAt?: string | null
  shortlistedAt?: string | null
}

export interface JuryReview {
  id: number | string
  application: number | string
  juror: number | string
  round: Round
  submitted: boolean
  conflictOfInterest: boolean
  scores: Array<{ criterion: number | string; score: number }>
  recommendation?: Recommendation | null
}

export interface JuryMember {
  id: number | string
  name: string
  user?: number | string | null
  /** Ties are shown only to staff and to the juror themself; empty for anyone else. */
  ties: string[]
}

export interface JuryRound {
  year: JuryYear
  round: Round
  jurors: JuryMember[]
  applications: JuryApplication[]
  reviews: JuryReview[]
}

type Raw = Record<string, unknown>

export async function loadYear(req: PayloadRequest, ctx: EhkContext, yearId: number | string, reader: Reader): Promise<JuryYear | null> {
  const year = (await req.payload.findByID({ collection: ctx.slugs.awardYears, id: yearId, depth: 0, disableErrors: true, req, ...reader })) as Raw | null
  return year && ({ ...year, criteria: ((year.criteria as unknown[]) ?? []).map(idOf) } as JuryYear)
}

/** The jurors of a year, with their ties as far as the reader may see them. */
export async function loadJurors(req: PayloadRequest, ctx: EhkContext, yearId: number | string, reader: Reader): Promise<JuryMember[]> {
  const { docs } = await req.payload.find({
    collection: ctx.slugs.jurors,
    where: { years: { contains: yearId } },
    depth: 0,
    pagination: false,
    sort: 'name',
    req,
    ...reader,
  })
  return asDocs<JurorDoc>(docs).map((j) => ({ ...profileOf(j), name: j.name, user: j.user == null ? null : idOf(j.user) }))
}

/** A reader's find where their access may deny the whole collection (a juror before the deadline): nothing, then. */
async function findAllowed<T>(find: () => Promise<{ docs: T[] }>): Promise<T[]> {
  try {
    return (await find()).docs
  } catch (error) {
    if (error instanceof Forbidden) return []
    throw error
  }
}

/** `juror`: only that juror's reviews (their own progress needs no one else's). */
export async function loadRound(req: PayloadRequest, ctx: EhkContext, year: JuryYear, round: Round, reader: Reader, { juror }: { juror?: number | string } = {}): Promise<JuryRound> {
  const sys = { depth: 0, pagination: false, req, ...reader } as const
  const where: Where = { and: [{ awardYear: { equals: year.id } }, roundApplications(round) as Where] }
  const [jurors, applications] = await Promise.all([
    loadJurors(req, ctx, year.id, reader),
    findAllowed(() =>
      req.payload.find({
        collection: ctx.slugs.applications,
        where,
        select: { reference: true, municipality: true, municipalityName: true, status: true, submittedAt: true, shortlistedAt: true },
        sort: 'municipalityName',
        ...sys,
      }),
    ),
  ])
  const ids = applications.map((a) => a.id)
  const reviews =
    ids.length === 0
      ? []
      : await findAllowed(() =>
          req.payload.find({
            collection: ctx.slugs.reviews,
            where: { and: [{ application: { in: ids } }, { round: { equals: round } }, ...(juror === undefined ? [] : [{ juror: { equals: juror } }])] },
            select: { application: true, juror: true, round: true, submitted: true, conflictOfInterest: true, scores: true, recommendation: true },
            ...sys,
          }),
        )
  return {
    year,
    round,
    jurors,
    applications: asDocs<JuryApplication>(applications),
    reviews: asDocs<Raw>(reviews).map((r) => ({
      id: r.id as number | string,
      application: idOf(r.application),
      juror: idOf(r.juror),
      round: r.round as Round,
      submitted: Boolean(r.submitted),
      conflictOfInterest: Boolean(r.conflictOfInterest),
      scores: ((r.scores as Array<{ criterion: unknown; score: number }>) ?? []).map((s) => ({ criterion: idOf(s.criterion), score: s.score })),
      recommendation: (r.recommendation as Recommendation | null) ?? null,
    })),
  }
}

/**
 * Every juror's conflicts on a year, as the system knows them (declared in any round, and ties).
 * Only ever used to leave data out or to show staff; never shown to a juror.
 */
export async function yearConflicts(req: PayloadRequest, ctx: EhkContext, yearId: number | string): Promise<Map<string, JurorConflicts>> {
  const jurors = await loadJurors(req, ctx, yearId, asSystem)
  const declared = await req.payload.find({
    collection: ctx.slugs.reviews,
    where: { and: [{ juror: { in: jurors.map((j) => j.id) } }, { conflictOfInterest: { equals: true } }] },
    select: { juror: true, application: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const conflicts = new Map(jurors.map((j) => [String(j.id), { declared: [] as Array<number | string>, ties: j.ties }]))
  for (const review of asDocs<Raw>(declared.docs)) conflicts.get(String(idOf(review.juror)))?.declared.push(idOf(review.application))
  return conflicts
}

const NO_CONFLICTS: JurorConflicts = { declared: [], ties: [] }

/** One juror's conflicts, from yearConflicts (none when the juror has none). */
export const conflictsOfJuror = (conflicts: Map<string, JurorConflicts>, juror: number | string): JurorConflicts => conflicts.get(String(juror)) ?? NO_CONFLICTS

/** The reviews that count towards the ranking: submitted, with scores, of an application in the round, by a juror not conflicted on it. */
export function countingReviews(data: Pick<JuryRound, 'applications' | 'reviews'>, conflicts: Map<string, JurorConflicts>): JuryReview[] {
  const applications = new Map(data.applications.map((a) => [String(a.id), a]))
  return data.reviews.filter((r) => {
    const application = applications.get(String(r.application))
    return r.submitted && !r.conflictOfInterest && application !== undefined && conflictOf(conflictsOfJuror(conflicts, r.juror), application) === null
  })
}

/** Each juror's progress in a round (see domain/jury.ts). */
export function roundProgress(data: Pick<JuryRound, 'applications' | 'reviews'>, jurors: ReadonlyArray<{ id: number | string }>, conflicts: Map<string, JurorConflicts>): JurorProgress[] {
  return juryProgress(
    data.applications,
    data.reviews,
    jurors.map((j) => ({ id: j.id, conflicts: conflictsOfJuror(conflicts, j.id) })),
  )
}

/** The year's counted applications: what the number of finalists is measured against (the year's lifecycle rule counts the same). */
export async function countedInYear(req: PayloadRequest, ctx: EhkContext, yearId: number | string): Promise<number> {
  const { totalDocs } = await req.payload.count({ collection: ctx.slugs.applications, where: { and: [{ awardYear: { equals: yearId } }, countedApplications] } as Where, overrideAccess: true, req })
  return totalDocs
}

/** The year's criteria in the year's order, with their titles (for the board's columns and the export's). */
export async function criterionTitles(req: PayloadRequest, ctx: EhkContext, year: JuryYear): Promise<Array<{ id: number | string; title: string }>> {
  const { docs } = await req.payload.find({ collection: ctx.slugs.criteria, where: { id: { in: year.criteria } }, depth: 0, pagination: false, overrideAccess: true, req })
  const titles = new Map(docs.map((c) => [String(c.id), String((c as { title?: unknown }).title)]))
  return year.criteria.map((id) => ({ id, title: titles.get(String(id)) ?? String(id) }))
}
