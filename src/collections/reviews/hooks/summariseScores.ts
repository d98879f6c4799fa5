import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { profileOf } from '../../../access/jurorProfile.js'
import type { EhkContext } from '../../../defaults.js'
import { conflictOf } from '../../../domain/conflicts.js'
import { reviewScore, type ScoredReview } from '../../../domain/ranking.js'
import { SYSTEM_CHANGE } from '../../../lib/context.js'
import { idOf } from '../../../lib/relations.js'
import { asDoc, asDocs, type JurorDoc } from '../../../types.js'

/**
 * Keeps the application's score summary (count and mean of its submitted reviews, both rounds) in
 * step with its reviews. A review by a juror tied to the municipality counts nowhere.
 */
export const summariseScores =
  (ctx: EhkContext): CollectionAfterChangeHook & CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const sys = { depth: 0, pagination: false, overrideAccess: true, req } as const
    const applicationId = idOf((doc as { application: unknown }).application)
    const application = await req.payload.findByID({ collection: ctx.slugs.applications, id: applicationId, depth: 0, disableErrors: true, overrideAccess: true, req })
    if (!application) return doc
    const { docs } = await req.payload.find({
      collection: ctx.slugs.reviews,
      where: { and: [{ application: { equals: applicationId } }, { submitted: { equals: true } }, { conflictOfInterest: { not_equals: true } }] },
      select: { juror: true, scores: true },
      ...sys,
    })
    const reviews = asDocs<ScoredReview & { juror: number | string }>(docs)
    const jurors = await req.payload.find({ collection: ctx.slugs.jurors, where: { id: { in: reviews.map((r) => r.juror) } }, select: { ties: true }, ...sys })
    const tied = new Set(
      jurors.docs
        .filter((j) => conflictOf({ declared: [], ties: profileOf(asDoc<JurorDoc>(j)).ties }, application as { id: number | string; municipality: string }) === 'tie')
        .map((j) => String(j.id)),
    )
    const means = reviews.filter((r) => r.scores.length > 0 && !tied.has(String(r.juror))).map(reviewScore)
    const average = means.length > 0 ? Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 100) / 100 : null
    await req.payload.update({
      collection: ctx.slugs.applications,
      id: applicationId,
      data: { scoreSummary: { reviews: means.length, average } },
      overrideAccess: true,
      context: { [SYSTEM_CHANGE]: true },
      req,
    })
    return doc
  }
