// Where each juror stands in a round: what they have to assess, what they have done and what is
// left. The same counts drive the juror's work list, the jury board and the reminders.
import { conflictOf, type ConflictKind, type JurorConflicts } from './conflicts.js'

export interface RoundApplication {
  id: number | string
  municipality: string
}

export interface RoundReview {
  application: number | string
  juror: number | string
  submitted?: boolean | null
  conflictOfInterest?: boolean | null
}

export interface JurorProgress {
  juror: number | string
  /** Applications of the round the juror is to assess (conflicts left out). */
  assigned: number
  submitted: number
  drafts: number
  /** Applications the juror is conflicted on, declared or through a tie. */
  conflicts: Array<{ application: number | string; kind: ConflictKind }>
  left: number
}

/** Progress of every juror in one round, from its applications and reviews. */
export function juryProgress(applications: readonly RoundApplication[], reviews: readonly RoundReview[], jurors: ReadonlyArray<{ id: number | string; conflicts: JurorConflicts }>): JurorProgress[] {
  return jurors.map(({ id, conflicts }) => {
    const own = new Map(reviews.filter((r) => String(r.juror) === String(id)).map((r) => [String(r.application), r]))
    const conflicted: JurorProgress['conflicts'] = []
    let assigned = 0
    let submitted = 0
    let drafts = 0
    for (const application of applications) {
      const kind = conflictOf(conflicts, application)
      if (kind) {
        conflicted.push({ application: application.id, kind })
        continue
      }
      assigned++
      const review = own.get(String(application.id))
      if (review?.submitted) submitted++
      else if (review) drafts++
    }
    return { juror: id, assigned, submitted, drafts, conflicts: conflicted, left: assigned - submitted }
  })
}
