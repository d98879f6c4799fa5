// The award year's lifecycle and what each status makes public. Pure: callers pass in what they
// know (the year before and after a change, counts from the database, the clock).
import { type Instant, toDate } from './time.js'
import { type Message, type Violation, violation } from './text.js'

export const YEAR_STATUSES = ['draft', 'open', 'closed', 'finalists', 'decided', 'announced'] as const
export type YearStatus = (typeof YEAR_STATUSES)[number]

export const YEAR_STATUS_LABELS: Record<YearStatus, Message> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  open: { sv: 'Öppen för ansökningar', en: 'Open for applications' },
  closed: { sv: 'Stängd', en: 'Closed' },
  finalists: { sv: 'Finalister utsedda', en: 'Finalists selected' },
  decided: { sv: 'Vinnare beslutad', en: 'Winner decided' },
  announced: { sv: 'Vinnare tillkännagiven', en: 'Winner announced' },
}

/** Each status may move one step on, or one step back to undo a mistake; an announcement is final. */
export const YEAR_TRANSITIONS: Record<YearStatus, readonly YearStatus[]> = {
  draft: ['open'],
  open: ['draft', 'closed'],
  closed: ['open', 'finalists'],
  finalists: ['closed', 'decided'],
  decided: ['finalists', 'announced'],
  announced: [],
}

export const APPLICATION_STATUSES = ['unconfirmed', 'submitted', 'finalist', 'not-selected', 'winner', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, Message> = {
  unconfirmed: { sv: 'Ej bekräftad', en: 'Unconfirmed' },
  submitted: { sv: 'Inskickad', en: 'Submitted' },
  finalist: { sv: 'Finalist', en: 'Finalist' },
  'not-selected': { sv: 'Ej vidare', en: 'Not selected' },
  winner: { sv: 'Vinnare', en: 'Winner' },
  withdrawn: { sv: 'Återkallad', en: 'Withdrawn' },
}

/**
 * Transitions an editor may make. An application leaves "unconfirmed" only through its contact's
 * confirmation link; "winner" and "not-selected" for finalists are set by the announcement.
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  unconfirmed: [],
  submitted: ['finalist', 'not-selected', 'withdrawn'],
  finalist: ['submitted', 'not-selected', 'withdrawn'],
  'not-selected': ['submitted', 'finalist'],
  winner: [],
  withdrawn: ['submitted'],
}

/**
 * Applications that count: confirmed by their contact and not withdrawn. Only these are read by
 * jurors, counted, ranked, and hold their municipality's place for the year.
 */
export const COUNTED_APPLICATION_STATUSES = ['submitted', 'finalist', 'not-selected', 'winner'] as const satisfies readonly ApplicationStatus[]

export const isCounted = (status: ApplicationStatus): boolean => (COUNTED_APPLICATION_STATUSES as readonly string[]).includes(status)

/**
 * A query in the shape of Payload's `where`, so that a rule and its query live side by side here
 * without this module depending on Payload.
 */
export type Query = { [field: string]: Query[] | { [operator: string]: unknown } }

/** The same rule as a query. */
export const countedApplications: Query = { status: { in: [...COUNTED_APPLICATION_STATUSES] } }

export interface YearState {
  status: YearStatus
  opensAt?: Instant | null
  deadline?: Instant | null
  finalistsAt?: Instant | null
  /** When the final round closes: the jury's decision, before the announcement. */
  juryDecisionAt?: Instant | null
  announcementAt?: Instant | null
  winner?: string | number | null
  criteria?: readonly unknown[] | null
  /** How many finalists the jury selects (default 5). */
  finalistCount?: number | null
  /** Set by staff to reopen a round until then. */
  screeningReopenedUntil?: Instant | null
  finalReopenedUntil?: Instant | null
}

/** The number of finalists a year has unless it says otherwise. */
export const DEFAULT_FINALIST_COUNT = 5

/** Jurors with reviews left are reminded this many days before a round closes, unless the year says otherwise. */
export const DEFAULT_REMINDER_DAYS = 3

/**
 * How many finalists a year must have to enter "finalists": its finalistCount, or every counted
 * application when fewer applied.
 */
export const requiredFinalists = (year: Pick<YearState, 'finalistCount'>, counted: number) => Math.min(year.finalistCount ?? DEFAULT_FINALIST_COUNT, counted)

/** What the database knows that the rules need, gathered by the caller. */
export interface YearFacts {
  now: Date
  /** Counted applications of the year. */
  applicationCount: number
  /** Of those, the ones marked finalist. */
  finalists: number
  /** The chosen winner application, if any. */
  winner?: { awardYear: string | number; status: ApplicationStatus } | null
  yearId?: string | number
}

const label = (s: YearStatus) => YEAR_STATUS_LABELS[s]

/** Every rule a change of an award year breaks; empty when the change is allowed. */
export function checkYearChange(before: YearState | undefined, after: YearState, facts: YearFacts): Violation[] {
  const problems: Violation[] = []
  const from = before?.status ?? 'draft'
  const to = after.status
  const deadline = after.deadline ? toDate(after.deadline) : undefined

  if (from !== to && !YEAR_TRANSITIONS[from].includes(to)) {
    problems.push(
      violation(
        'year.transition',
        'status',
        `Status kan inte ändras från ”${label(from).sv}” till ”${label(to).sv}”. Tillåtet: ${listOr(YEAR_TRANSITIONS[from], 'sv')}.`,
        `Status cannot change from “${label(from).en}” to “${label(to).en}”. Allowed: ${listOr(YEAR_TRANSITIONS[from], 'en')}.`,
      ),
    )
    return problems
  }
  if (after.opensAt && deadline && toDate(after.opensAt) >= deadline) {
    problems.push(violation('year.opens-before-deadline', 'opensAt', 'Öppningsdatum måste ligga före sista ansökningsdag.', 'The opening date must be before the deadline.'))
  }
  const finalistsAt = after.finalistsAt ? toDate(after.finalistsAt) : undefined
  const decisionAt = after.juryDecisionAt ? toDate(after.juryDecisionAt) : undefined
  const announcementAt = after.announcementAt ? toDate(after.announcementAt) : undefined
  if (finalistsAt && deadline && finalistsAt <= deadline) {
    problems.push(violation('year.finalists-after-deadline', 'finalistsAt', 'Finalisterna utses efter sista ansökningsdag.', 'The finalists are selected after the deadline.'))
  }
  if (decisionAt && ((finalistsAt && decisionAt <= finalistsAt) || (announcementAt && decisionAt > announcementAt))) {
    problems.push(
      violation(
        'year.decision-between',
        'juryDecisionAt',
        'Juryns beslut ligger efter datumet då finalister utses och senast vid tillkännagivandet.',
        'The jury decision lies after the finalists date and no later than the announcement.',
      ),
    )
  }
  if (from !== to && to === 'open' && (!deadline || deadline <= facts.now)) {
    problems.push(
      violation('year.open-needs-future-deadline', 'deadline', 'Ett år kan bara öppnas med en sista ansökningsdag i framtiden.', 'A year can only be opened with a deadline in the future.'),
    )
  }
  if (from !== to && to === 'open' && (after.criteria ?? []).length === 0) {
    problems.push(violation('year.open-needs-criteria', 'criteria', 'Välj årets områden innan året öppnas.', "Choose the year's areas before opening the year."))
  }
  if (from === 'open' && to === 'draft' && facts.applicationCount > 0) {
    problems.push(violation('year.draft-without-applications', 'status', 'Året har ansökningar och kan inte bli utkast igen.', 'The year has applications and cannot return to draft.'))
  }
  if (from !== to && to === 'finalists') {
    const required = requiredFinalists(after, facts.applicationCount)
    if (facts.finalists === 0 || facts.finalists !== required) {
      problems.push(
        violation(
          'year.finalists-exact',
          'status',
          `Välj exakt ${required || 1} ${required === 1 ? 'finalist' : 'finalister'} (nu ${facts.finalists}).`,
          `Select exactly ${required || 1} ${required === 1 ? 'finalist' : 'finalists'} (now ${facts.finalists}).`,
        ),
      )
    }
  }
  if (from === 'decided' && to === 'finalists' && isWinnerPublic(before!, facts.now)) {
    problems.push(violation('year.decision-public', 'status', 'Vinnaren är redan offentlig och beslutet kan inte ångras.', 'The winner is already public; the decision cannot be undone.'))
  }
  const hasWinner = after.winner !== null && after.winner !== undefined && after.winner !== ''
  if (hasWinner && to !== 'decided' && to !== 'announced') {
    problems.push(violation('year.winner-needs-decision', 'winner', 'En vinnare kan bara anges när året har status ”Vinnare beslutad”.', 'A winner can only be set when the year is “Winner decided”.'))
  }
  if (to === 'decided' || to === 'announced') {
    if (!hasWinner) {
      problems.push(violation('year.decision-needs-winner', 'winner', 'Välj vinnaren innan beslutet registreras.', 'Choose the winner before recording the decision.'))
    } else if (!facts.winner || String(facts.winner.awardYear) !== String(facts.yearId) || !['finalist', 'winner'].includes(facts.winner.status)) {
      problems.push(violation('year.winner-is-finalist', 'winner', 'Vinnaren måste vara en finalist från samma år.', 'The winner must be a finalist application of the same year.'))
    }
  }
  if (before && isWinnerPublic(before, facts.now) && before.winner !== undefined && String(before.winner) !== String(after.winner)) {
    problems.push(violation('year.winner-final', 'winner', 'Vinnaren är tillkännagiven och kan inte ändras.', 'The winner has been announced and cannot change.'))
  }
  if (from !== to && to === 'announced') {
    const at = after.announcementAt ? toDate(after.announcementAt) : undefined
    if (!at) {
      problems.push(violation('year.announce-needs-time', 'announcementAt', 'Ange tidpunkten för tillkännagivandet.', 'Set the announcement time.'))
    } else if (facts.now < at) {
      problems.push(
        violation('year.announce-not-before-time', 'status', 'Vinnaren kan inte tillkännages före tidpunkten för tillkännagivandet.', 'The winner cannot be announced before the announcement time.'),
      )
    }
  }
  return problems
}

/** Rules for an editor's change of an application's status, given the status of its year. */
export function checkApplicationTransition(from: ApplicationStatus, to: ApplicationStatus, yearStatus: YearStatus): Violation | null {
  if (from === to) return null
  if (!APPLICATION_TRANSITIONS[from].includes(to)) {
    return violation(
      'application.transition',
      'status',
      `Ansökans status kan inte ändras från ”${APPLICATION_STATUS_LABELS[from].sv}” till ”${APPLICATION_STATUS_LABELS[to].sv}”.`,
      `The application's status cannot change from “${APPLICATION_STATUS_LABELS[from].en}” to “${APPLICATION_STATUS_LABELS[to].en}”.`,
    )
  }
  // The selection is made while the year is closed and frozen when it enters "finalists" (then
  // exactly finalistCount of them); to change it, staff move the year back to "closed".
  const selecting = to === 'finalist' || to === 'not-selected' || from === 'finalist' || from === 'not-selected'
  if (selecting && yearStatus !== 'closed') {
    return violation(
      'application.selection-window',
      'status',
      'Finalister väljs medan året är ”Stängd”, innan det går vidare till ”Finalister utsedda”. Flytta året tillbaka till ”Stängd” för att ändra urvalet.',
      'Finalists are chosen while the year is “Closed”, before it moves on to “Finalists selected”. Move the year back to “Closed” to change the selection.',
    )
  }
  return null
}

/** A year is public (its dates, criteria, jury and partners) from the moment it leaves draft. */
export function isYearPublished(status: YearStatus): boolean {
  return status !== 'draft'
}

/** The same rule as a query. */
export const publishedYears: Query = { status: { not_equals: 'draft' } }

/**
 * The embargo: the winner and the jury's motivation are public from the announcement time of a
 * decided (or announced) year, not a millisecond before. The scheduled announcement then does the
 * bookkeeping (status "announced", the applications' statuses, e-mails); the winner does not wait for it.
 */
export function isWinnerPublic(year: Pick<YearState, 'status' | 'announcementAt'>, now: Date): boolean {
  return (year.status === 'decided' || year.status === 'announced') && !!year.announcementAt && now >= toDate(year.announcementAt)
}

/** The same rule as a query, at `now`. */
export const publicWinnerYears = (now: Date): Query => ({ and: [{ status: { in: ['decided', 'announced'] } }, { announcementAt: { less_than_equal: now.toISOString() } }] })

/** The finalists are public (municipalities only) when the year says so, from its finalists date. */
export function areFinalistsPublic(year: Pick<YearState, 'status' | 'finalistsAt'> & { publishFinalists?: boolean | null }, now: Date): boolean {
  return !!year.publishFinalists && ['finalists', 'decided', 'announced'].includes(year.status) && (!year.finalistsAt || now >= toDate(year.finalistsAt))
}

/** The same rule as a query, at `now`. */
export const publicFinalistYears = (now: Date): Query => ({
  and: [
    { publishFinalists: { equals: true } },
    { status: { in: ['finalists', 'decided', 'announced'] } },
    { or: [{ finalistsAt: { equals: null } }, { finalistsAt: { less_than_equal: now.toISOString() } }] },
  ],
})

/** Years whose winner becomes public at a coming instant: the public views change then. */
export const upcomingAnnouncements = (now: Date): Query => ({ and: [{ status: { in: ['finalists', 'decided'] } }, { announcementAt: { greater_than: now.toISOString() } }] })

export type ApplicationWindow = 'not-open' | 'open' | 'closed'

/** Whether a year takes applications at `now`: open status, after opening and strictly before the deadline. */
export function applicationWindow(year: Pick<YearState, 'status' | 'opensAt' | 'deadline'>, now: Date): ApplicationWindow {
  if (year.status === 'draft') return 'not-open'
  if (year.status !== 'open' || !year.deadline) return 'closed'
  if (year.opensAt && now < toDate(year.opensAt)) return 'not-open'
  return now < toDate(year.deadline) ? 'open' : 'closed'
}

export interface TimelineEntry {
  /** The first day, as the instant it starts in Stockholm. */
  startsOn: Instant
  endsOn?: Instant | null
}

/**
 * The index of the timeline's current or next entry at `now`: the first one whose last day has not
 * ended (an entry lasts to the end of its last day); -1 once every entry is over.
 */
export function currentTimelineEntry(timeline: readonly TimelineEntry[], now: Date): number {
  // A day is taken as 24 hours: the two days a year when Stockholm's clocks change are an hour off.
  return timeline.findIndex((entry) => toDate(entry.endsOn ?? entry.startsOn).getTime() + 86_400_000 > now.getTime())
}

function listOr(statuses: readonly YearStatus[], lang: 'sv' | 'en'): string {
  if (statuses.length === 0) return lang === 'sv' ? 'ingen ändring' : 'no change'
  return statuses.map((s) => (lang === 'sv' ? `”${label(s).sv}”` : `“${label(s).en}”`)).join(lang === 'sv' ? ' eller ' : ' or ')
}

/** How long applicants' personal data is kept, by default: months after the announcement. */
export const DEFAULT_RETENTION_MONTHS = 24

/**
 * When a year's personal data is due for erasure: its retention months after the announcement (or,
 * for a year never announced, after its deadline). Undefined while neither is known.
 */
export function retentionEnds(year: { status: YearStatus; announcementAt?: Instant | null; deadline?: Instant | null; retentionMonths?: number | null }): Date | undefined {
  const from = year.status === 'announced' && year.announcementAt ? year.announcementAt : year.deadline
  if (!from) return undefined
  const end = new Date(toDate(from))
  end.setUTCMonth(end.getUTCMonth() + (year.retentionMonths ?? DEFAULT_RETENTION_MONTHS))
  return end
}

export const ROUNDS = ['screening', 'final'] as const
export type Round = (typeof ROUNDS)[number]

/** The round a stored or asked-for value names: the final round by name, the screening round otherwise (its default). */
export const roundOf = (value: unknown): Round => (value === 'final' ? 'final' : 'screening')

export const ROUND_LABELS: Record<Round, Message> = {
  screening: { sv: 'Gallring', en: 'Screening' },
  final: { sv: 'Final', en: 'Final' },
}

export interface RoundState {
  round: Round
  window: ApplicationWindow
  opensAt: Date | null
  closesAt: Date | null
}

/**
 * When a jury round takes reviews. The screening round opens at the deadline and closes at the
 * finalists date; the final round opens when the year enters "finalists" and closes at the jury's
 * decision date. Staff reopen a round by setting a later end (…ReopenedUntil).
 */
export function roundState(year: YearState, round: Round, now: Date): RoundState {
  if (round === 'screening') {
    const opensAt = year.deadline ? toDate(year.deadline) : null
    const closesAt = year.screeningReopenedUntil ? toDate(year.screeningReopenedUntil) : year.finalistsAt ? toDate(year.finalistsAt) : null
    const before = year.status === 'draft' || !opensAt || now < opensAt
    const over = !['open', 'closed'].includes(year.status) || (closesAt !== null && now >= closesAt)
    return { round, window: before ? 'not-open' : over ? 'closed' : 'open', opensAt, closesAt }
  }
  const closesAt = year.finalReopenedUntil ? toDate(year.finalReopenedUntil) : year.juryDecisionAt ? toDate(year.juryDecisionAt) : null
  const before = ['draft', 'open', 'closed'].includes(year.status)
  const over = year.status !== 'finalists' || (closesAt !== null && now >= closesAt)
  return { round, window: before ? 'not-open' : over ? 'closed' : 'open', opensAt: null, closesAt }
}

/**
 * The applications a round assesses: in screening every counted application that does not compete
 * with another of its municipality; in the final round the finalists selected for it.
 */
export const roundApplications = (round: Round): Query =>
  round === 'screening' ? { and: [countedApplications, { competing: { not_equals: true } }] } : { and: [countedApplications, { shortlistedAt: { not_equals: null } }] }

/** Whether jurors with reviews left are due their reminder: within `days` before an open round closes. */
export function reminderDue(state: RoundState, days: number, now: Date): boolean {
  return state.window === 'open' && days > 0 && state.closesAt !== null && now.getTime() >= state.closesAt.getTime() - days * 86_400_000
}
