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
  announcementAt?: Instant | null
  winner?: string | number | null
  criteria?: readonly unknown[] | null
}

/** What the database knows that the rules need, gathered by the caller. */
export interface YearFacts {
  now: Date
  applicationCount: number
  finalistCount: number
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
    problems.push(
      violation('year.opens-before-deadline', 'opensAt', 'Öppningsdatum måste ligga före sista ansökningsdag.', 'The opening date must be before the deadline.'),
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
    problems.push(
      violation('year.draft-without-applications', 'status', 'Året har ansökningar och kan inte bli utkast igen.', 'The year has applications and cannot return to draft.'),
    )
  }
  if (from !== to && to === 'finalists' && facts.finalistCount === 0) {
    problems.push(
      violation('year.finalists-need-finalist', 'status', 'Markera minst en ansökan som finalist innan finalisterna publiceras.', 'Mark at least one application as a finalist first.'),
    )
  }
  const hasWinner = after.winner !== null && after.winner !== undefined && after.winner !== ''
  if (hasWinner && to !== 'decided' && to !== 'announced') {
    problems.push(
      violation('year.winner-needs-decision', 'winner', 'En vinnare kan bara anges när året har status ”Vinnare beslutad”.', 'A winner can only be set when the year is “Winner decided”.'),
    )
  }
  if (to === 'decided' || to === 'announced') {
    if (!hasWinner) {
      problems.push(violation('year.decision-needs-winner', 'winner', 'Välj vinnaren innan beslutet registreras.', 'Choose the winner before recording the decision.'))
    } else if (!facts.winner || String(facts.winner.awardYear) !== String(facts.yearId) || !['finalist', 'winner'].includes(facts.winner.status)) {
      problems.push(
        violation('year.winner-is-finalist', 'winner', 'Vinnaren måste vara en finalist från samma år.', 'The winner must be a finalist application of the same year.'),
      )
    }
  }
  if (from === 'announced' && before?.winner !== undefined && String(before.winner) !== String(after.winner)) {
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
  const selecting = to === 'finalist' || to === 'not-selected' || from === 'finalist' || from === 'not-selected'
  if (selecting && yearStatus !== 'closed' && yearStatus !== 'finalists') {
    return violation(
      'application.selection-window',
      'status',
      'Finalister väljs när ansökningstiden är stängd och innan vinnaren är beslutad.',
      'Finalists are selected after applications close and before the winner is decided.',
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

/** The embargo: the winner and the jury's motivation are public only once announced and at or after the announcement time. */
export function isWinnerPublic(year: Pick<YearState, 'status' | 'announcementAt'>, now: Date): boolean {
  return year.status === 'announced' && !!year.announcementAt && now >= toDate(year.announcementAt)
}

/** The same rule as a query, at `now`. */
export const publicWinnerYears = (now: Date): Query => ({ and: [{ status: { equals: 'announced' } }, { announcementAt: { less_than_equal: now.toISOString() } }] })

export type ApplicationWindow = 'not-open' | 'open' | 'closed'

/** Whether a year takes applications at `now`: open status, after opening and strictly before the deadline. */
export function applicationWindow(year: Pick<YearState, 'status' | 'opensAt' | 'deadline'>, now: Date): ApplicationWindow {
  if (year.status === 'draft') return 'not-open'
  if (year.status !== 'open' || !year.deadline) return 'closed'
  if (year.opensAt && now < toDate(year.opensAt)) return 'not-open'
  return now < toDate(year.deadline) ? 'open' : 'closed'
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
