// Conflicts of interest: a juror is conflicted on an application they declared a conflict for, and
// on every application from a municipality they are tied to (employer, home, board seat) — the
// system flags those by itself, exactly like a declared conflict. A conflicted juror never sees
// the application, its reviews, its scores or its rank, and their review of it counts nowhere.
import type { Query } from './lifecycle.js'

export interface JurorConflicts {
  /** Applications the juror declared a conflict of interest for. */
  declared: ReadonlyArray<number | string>
  /** Codes of the municipalities the juror is tied to. */
  ties: readonly string[]
}

export type ConflictKind = 'declared' | 'tie'

/** Why the juror is conflicted on the application, or null when they are not. */
export function conflictOf(conflicts: JurorConflicts, application: { id: number | string; municipality: string }): ConflictKind | null {
  if (conflicts.declared.some((id) => String(id) === String(application.id))) return 'declared'
  return conflicts.ties.includes(application.municipality) ? 'tie' : null
}

/** The same rule as a query: the applications the juror is not conflicted on. */
export function notConflicted(conflicts: JurorConflicts): Query[] {
  return [...(conflicts.declared.length > 0 ? [{ id: { not_in: [...conflicts.declared] } }] : []), ...(conflicts.ties.length > 0 ? [{ municipality: { not_in: [...conflicts.ties] } }] : [])]
}
