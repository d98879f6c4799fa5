// What the admin's start page shows each person: for staff, the current year at a glance (status,
// next milestone, applications over time, by county and by partner site, confirmed/unconfirmed/
// competing, the jury's progress) and the next thing to do; for a juror, their years and what waits
// for them; for administrators also this server's health. Read with the person's own access.
import type { PayloadRequest } from 'payload'
import { jurorProfile } from '../access/jurorProfile.js'
import { roleOf } from '../access/roles.js'
import { type Health, serverHealth } from '../api/health.js'
import type { EhkContext } from '../defaults.js'
import { countedApplications, ROUNDS, roundState, type Round, type RoundState, type YearStatus } from '../domain/lifecycle.js'
import { findMunicipality } from '../domain/municipalities.js'
import type { Message } from '../domain/text.js'
import { asReader, asSystem, loadRound, loadYear, type JuryYear, roundProgress, yearConflicts } from '../jury/load.js'
import { type WorkYear, workList } from '../jury/workList.js'
import { idOf } from '../lib/relations.js'
import { asDocs, asFields } from '../types.js'

export interface Milestone {
  label: Message
  at: string
}

export interface RoundProgress {
  state: RoundState
  /** Reviews submitted, of those the jurors are to write (conflicts left out). */
  submitted: number
  assigned: number
  jurorsDone: number
  jurors: number
}

export interface Action {
  label: Message
  href: string
}

export interface StaffDashboard {
  year: { id: number | string; year: number; title: string; status: YearStatus; next: Milestone | null } | null
  applications: {
    confirmed: number
    unconfirmed: number
    competing: number
    /** Confirmed applications per week (Monday's date, Stockholm), oldest first. */
    perWeek: Array<{ week: string; count: number }>
    byCounty: Array<{ county: string; count: number }>
    byPartner: Array<{ partner: Message; count: number }>
  }
  rounds: RoundProgress[]
  actions: Action[]
}

export interface Dashboard {
  role: 'admin' | 'editor' | 'juror' | 'none'
  staff?: StaffDashboard
  work?: WorkYear[]
  health?: Health
}

const MILESTONES: Array<{ field: keyof JuryYear; label: Message }> = [
  { field: 'opensAt', label: { sv: 'Ansökan öppnar', en: 'Applications open' } },
  { field: 'deadline', label: { sv: 'Sista ansökningsdag', en: 'Deadline' } },
  { field: 'finalistsAt', label: { sv: 'Finalister utses', en: 'Finalists selected' } },
  { field: 'juryDecisionAt', label: { sv: 'Juryns beslut', en: 'Jury decision' } },
  { field: 'announcementAt', label: { sv: 'Vinnaren tillkännages', en: 'Winner announced' } },
]

/** The first of the year's dates still to come. */
export function nextMilestone(year: JuryYear, now: Date): Milestone | null {
  for (const { field, label } of MILESTONES) {
    const at = year[field] as string | null | undefined
    if (at && new Date(at) > now) return { label, at: new Date(at).toISOString() }
  }
  return null
}

/** Monday of the instant's week, as a date in Stockholm ("2027-03-01"). */
function weekOf(at: string): string {
  const day = new Date(new Date(at).toLocaleString('en-US', { timeZone: 'Europe/Stockholm' }))
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7))
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`
}

const tally = <K>(items: K[]) => {
  const counts = new Map<K, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  return counts
}

/** What the editors do next, by where the year stands. */
function nextActions(year: NonNullable<StaffDashboard['year']>, competing: number, rounds: RoundProgress[]): Action[] {
  const actions: Action[] = []
  if (competing > 0) {
    actions.push({ label: { sv: `Besvara dubbletter (${competing})`, en: `Resolve competing applications (${competing})` }, href: '/admin/collections/applications?where[competing][equals]=true' })
  }
  const board = `/admin/jury/${year.id}`
  const screening = rounds.find((r) => r.state.round === 'screening')
  if (year.status === 'draft') actions.push({ label: { sv: 'Publicera året', en: 'Publish the year' }, href: `/admin/collections/award-years/${year.id}` })
  if (year.status === 'closed') {
    actions.push(
      screening && screening.submitted < screening.assigned
        ? { label: { sv: 'Följ juryns gallring', en: "Follow the jury's screening" }, href: `${board}?round=screening` }
        : { label: { sv: 'Utse finalister', en: 'Select the finalists' }, href: `${board}?round=screening` },
    )
  }
  if (year.status === 'finalists') actions.push({ label: { sv: 'Registrera juryns beslut', en: "Record the jury's decision" }, href: `${board}?round=final` })
  if (year.status === 'decided') actions.push({ label: { sv: 'Se tillkännagivandet', en: 'See the announcement' }, href: `${board}?round=final` })
  return actions
}

async function staffDashboard(req: PayloadRequest, ctx: EhkContext): Promise<StaffDashboard> {
  const now = ctx.now()
  const reader = asReader(req)
  const asStaff = { ...reader, req }
  const [latest] = (await req.payload.find({ collection: ctx.slugs.awardYears, sort: '-year', limit: 1, depth: 0, ...asStaff })).docs as Array<{ id: number | string }>
  const empty = { confirmed: 0, unconfirmed: 0, competing: 0, perWeek: [], byCounty: [], byPartner: [] }
  if (!latest) return { year: null, applications: empty, rounds: [], actions: [] }
  const year = (await loadYear(req, ctx, latest.id, reader))!
  const ofYear = { awardYear: { equals: year.id } }
  const [counted, unconfirmed, partners] = await Promise.all([
    req.payload.find({
      collection: ctx.slugs.applications,
      where: asFields({ and: [ofYear, countedApplications] }),
      select: { municipality: true, partner: true, competing: true, confirmedAt: true, submittedAt: true },
      depth: 0,
      pagination: false,
      ...asStaff,
    }),
    req.payload.count({ collection: ctx.slugs.applications, where: { and: [ofYear, { status: { equals: 'unconfirmed' } }] }, ...asStaff }),
    req.payload.find({ collection: ctx.slugs.partners, select: { name: true }, depth: 0, pagination: false, ...asStaff }),
  ])
  const docs = asDocs<{ municipality: string; partner?: unknown; competing?: boolean | null; confirmedAt?: string | null; submittedAt?: string | null }>(counted.docs)
  const partnerName = new Map(partners.docs.map((p) => [String(p.id), String((p as { name?: unknown }).name)]))
  const weeks = tally(
    docs
      .map((d) => d.confirmedAt ?? d.submittedAt)
      .filter((at): at is string => !!at)
      .map(weekOf),
  )
  const byPartner = tally(docs.map((d) => (d.partner == null ? '' : String(idOf(d.partner)))))
  const competing = docs.filter((d) => d.competing).length

  const rounds: RoundProgress[] = []
  const conflicts = await yearConflicts(req, ctx, year.id)
  for (const round of ROUNDS as readonly Round[]) {
    const state = roundState(year, round, now)
    if (state.window === 'not-open') continue
    const data = await loadRound(req, ctx, year, round, asSystem)
    const progress = roundProgress(data, data.jurors, conflicts)
    rounds.push({
      state,
      submitted: progress.reduce((sum, p) => sum + p.submitted, 0),
      assigned: progress.reduce((sum, p) => sum + p.assigned, 0),
      jurorsDone: progress.filter((p) => p.left === 0).length,
      jurors: progress.length,
    })
  }
  const summary = { id: year.id, year: year.year, title: year.title, status: year.status, next: nextMilestone(year, now) }
  return {
    year: summary,
    applications: {
      confirmed: docs.length,
      unconfirmed: unconfirmed.totalDocs,
      competing,
      perWeek: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([week, count]) => ({ week, count })),
      byCounty: [...tally(docs.map((d) => findMunicipality(d.municipality)?.county ?? '–'))]
        .map(([county, count]) => ({ county, count }))
        .sort((a, b) => b.count - a.count || a.county.localeCompare(b.county, 'sv')),
      byPartner: [...byPartner]
        .map(([id, count]) => ({ partner: id ? { sv: partnerName.get(id) ?? id, en: partnerName.get(id) ?? id } : { sv: 'CMS:ets egen sida', en: "The CMS's own page" }, count }))
        .sort((a, b) => b.count - a.count),
    },
    rounds,
    actions: nextActions(summary, competing, rounds),
  }
}

export async function dashboardFor(req: PayloadRequest, ctx: EhkContext): Promise<Dashboard> {
  const role = roleOf(req)
  if (role === 'juror') {
    const profile = await jurorProfile(req, ctx)
    return { role, work: profile ? await workList(req, ctx, profile) : [] }
  }
  if (role !== 'admin' && role !== 'editor') return { role: 'none' }
  const staff = await staffDashboard(req, ctx)
  return role === 'admin' ? { role, staff, health: await serverHealth(req.payload, ctx.now()) } : { role, staff }
}
