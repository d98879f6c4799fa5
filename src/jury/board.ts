// The jury board of a year and round, read with the viewer's own access: staff see everything; a
// juror sees the aggregates of the applications they have reviewed and submitted (their access to
// other jurors' reviews ends there), their own progress, and never an application they are
// conflicted on.
import type { PayloadRequest } from 'payload'
import { isStaffRole, roleOf } from '../access/roles.js'
import { jurorProfile } from '../access/jurorProfile.js'
import type { EhkContext } from '../defaults.js'
import type { ConflictKind } from '../domain/conflicts.js'
import type { JurorProgress } from '../domain/jury.js'
import { isWinnerPublic, requiredFinalists, ROUNDS, roundState, type Round, type RoundState, type YearStatus } from '../domain/lifecycle.js'
import { findMunicipality } from '../domain/municipalities.js'
import { rankApplications, type RankedApplication } from '../domain/ranking.js'
import { asReader, asSystem, countedInYear, criterionTitles, countingReviews, type JuryApplication, loadRound, loadYear, roundProgress, yearConflicts } from './load.js'

export interface BoardRow extends RankedApplication {
  reference: string
  municipality: string
  municipalityName: string
  county: string
  status: string
}

export interface BoardJuror extends Omit<JurorProgress, 'conflicts'> {
  name: string
  /** Staff only: the applications the juror is conflicted on, and why. */
  conflicts: Array<{ application: number | string; municipalityName: string; kind: ConflictKind }>
}

export interface Board {
  viewer: 'staff' | 'juror'
  year: {
    id: number | string
    year: number
    title: string
    status: YearStatus
    finalistCount: number
    /** Finalists to select now: finalistCount, or all when fewer applied. */
    requiredFinalists: number
    deadline: string | null
    finalistsAt: string | null
    juryDecisionAt: string | null
    announcementAt: string | null
    winnerPublic: boolean
  }
  round: Round
  rounds: RoundState[]
  criteria: Array<{ id: number | string; title: string }>
  jurors: BoardJuror[]
  rows: BoardRow[]
  /** Staff only: applications of the round without a single counted review yet. */
  unranked: Array<Pick<BoardRow, 'application' | 'reference' | 'municipalityName' | 'county' | 'status'>>
  actions: { selectFinalists: boolean; decide: boolean; announce: boolean }
}

export class BoardError extends Error {
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message)
  }
}

const place = (a: JuryApplication) => ({
  reference: a.reference,
  municipality: a.municipality,
  municipalityName: a.municipalityName,
  county: findMunicipality(a.municipality)?.county ?? '',
  status: a.status,
})

export async function juryBoard(req: PayloadRequest, ctx: EhkContext, yearId: number | string, round: Round): Promise<Board> {
  const staff = isStaffRole(roleOf(req))
  const profile = staff ? undefined : await jurorProfile(req, ctx)
  if (!staff && (!profile || !profile.years.some((y) => String(y) === String(yearId)))) throw new BoardError(403, 'Du sitter inte i årets jury. / You are not on this year’s jury.')
  const reader = asReader(req)
  const year = await loadYear(req, ctx, yearId, reader)
  if (!year) throw new BoardError(404, 'Året finns inte. / No such year.')
  const now = ctx.now()
  const [data, conflicts, counted, criteria] = await Promise.all([
    loadRound(req, ctx, year, round, reader),
    yearConflicts(req, ctx, year.id),
    countedInYear(req, ctx, year.id),
    criterionTitles(req, ctx, year),
  ])
  const applications = new Map(data.applications.map((a) => [String(a.id), a]))
  // Only what the reader may see: the applications they may read, the reviews they may read of them.
  const counting = countingReviews(data, conflicts)
  const required = requiredFinalists(year, counted)
  const ranking = rankApplications(counting, { finalistCount: round === 'screening' ? required : 1 })
  const rows: BoardRow[] = ranking.map((row) => ({ ...row, ...place(applications.get(String(row.application))!) }))

  const visibleJurors = staff ? data.jurors : data.jurors.filter((j) => String(j.id) === String(profile!.id))
  // Progress counts every application of the round, whether or not the viewer may read it: a juror's
  // own count of what is left must not depend on what they may see of others.
  const system = staff ? data : await loadRound(req, ctx, year, round, asSystem, { juror: profile!.id })
  const progress = roundProgress(system, visibleJurors, conflicts)
  const names = new Map(system.applications.map((a) => [String(a.id), a.municipalityName]))
  const jurors: BoardJuror[] = progress.map((p, i) => ({
    ...p,
    name: visibleJurors[i]!.name,
    conflicts: staff ? p.conflicts.map((c) => ({ ...c, municipalityName: names.get(String(c.application)) ?? '' })) : [],
  }))
  const ranked = new Set(rows.map((r) => String(r.application)))
  return {
    viewer: staff ? 'staff' : 'juror',
    year: {
      id: year.id,
      year: year.year,
      title: year.title,
      status: year.status,
      finalistCount: year.finalistCount ?? required,
      requiredFinalists: required,
      deadline: (year.deadline as string) ?? null,
      finalistsAt: (year.finalistsAt as string) ?? null,
      juryDecisionAt: (year.juryDecisionAt as string) ?? null,
      announcementAt: (year.announcementAt as string) ?? null,
      winnerPublic: isWinnerPublic(year, now),
    },
    round,
    rounds: ROUNDS.map((r) => roundState(year, r, now)),
    criteria,
    jurors,
    rows,
    unranked: staff ? data.applications.filter((a) => !ranked.has(String(a.id))).map((a) => ({ application: a.id, ...place(a) })) : [],
    actions: {
      selectFinalists: staff && round === 'screening' && year.status === 'closed',
      decide: staff && round === 'final' && year.status === 'finalists',
      announce: staff && year.status === 'decided' && !!year.announcementAt && now >= new Date(year.announcementAt as string),
    },
  }
}
