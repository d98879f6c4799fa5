import type { CollectionAfterChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { type HistoryAction, recordHistory } from '../../../lib/history.js'

/** Submissions, reopenings, conflicts declared and lifted go into the history, with their reasons. */
export const recordReviewHistory =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const was = (field: 'submitted' | 'conflictOfInterest') => Boolean(previousDoc?.[field])
    const events: Array<[HistoryAction, string | undefined]> = []
    if (!was('submitted') && doc.submitted) events.push(['review-submitted', undefined])
    if (was('submitted') && !doc.submitted) events.push(['review-reopened', doc.reopenReason])
    if (!was('conflictOfInterest') && doc.conflictOfInterest) events.push(['conflict-declared', doc.conflictNote])
    if (was('conflictOfInterest') && !doc.conflictOfInterest) events.push(['conflict-lifted', doc.conflictLiftReason])
    for (const [action, reason] of events) {
      await recordHistory(req, ctx.slugs.history, ctx.now(), {
        action,
        summary: `Bedömning ${doc.id} (ansökan ${typeof doc.application === 'object' ? doc.application?.id : doc.application}, jurymedlem ${typeof doc.juror === 'object' ? doc.juror?.id : doc.juror}, ${doc.round})`,
        document: { relationTo: ctx.slugs.reviews, value: doc.id },
        reason,
      })
    }
    return doc
  }
