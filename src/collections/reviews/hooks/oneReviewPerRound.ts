// One review per juror, application and round. The unique index on those three refuses a second
// one on SQLite and on MongoDB; these hooks make the same rule the app's own, so that it holds with
// a clear message on any database, and when two arrive at once on one app server.
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { roundOf } from '../../../domain/lifecycle.js'
import { violation } from '../../../domain/text.js'
import { idOf } from '../../../lib/relations.js'
import { throwIfViolations } from '../../../lib/violations.js'

type Triple = { id?: number | string; juror?: unknown; application?: unknown; round?: unknown }

const SECOND_REVIEW = violation(
  'review.one-per-round',
  'application',
  'Jurymedlemmen har redan en bedömning av ansökan i den här omgången.',
  'The juror already has a review of this application in this round.',
)

/** Whether another review has the same juror, application and round. */
async function anotherReview(req: PayloadRequest, ctx: EhkContext, review: Triple): Promise<boolean> {
  if (review.juror == null || review.application == null) return false
  const { totalDocs } = await req.payload.count({
    collection: ctx.slugs.reviews,
    where: {
      and: [
        { juror: { equals: idOf(review.juror) } },
        { application: { equals: idOf(review.application) } },
        { round: { equals: roundOf(review.round) } },
        ...(review.id === undefined ? [] : [{ id: { not_equals: review.id } }]),
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** Refuses a second review (after checkReviewRules has set the juror of a juror's own). */
export const refuseSecondReview =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const merged = { ...originalDoc, ...data } as Triple
    if (await anotherReview(req, ctx, merged)) throwIfViolations(req, ctx.slugs.reviews, [SECOND_REVIEW])
    return data
  }

/**
 * Two that arrive at once both pass the check above. Each then looks again once it is stored, and
 * one that finds another withdraws itself: never two, at worst both refused (and asked again).
 */
export const withdrawRacingReview =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create' || !(await anotherReview(req, ctx, doc as Triple))) return doc
    await req.payload.delete({ collection: ctx.slugs.reviews, id: doc.id, overrideAccess: true, req })
    throwIfViolations(req, ctx.slugs.reviews, [SECOND_REVIEW])
    return doc
  }
