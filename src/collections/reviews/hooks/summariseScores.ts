import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { idOf } from '../../../lib/relations.js'
import type { EhkContext } from '../../../defaults.js'
import { SYSTEM_CHANGE } from '../../../lib/context.js'

type Review = { application: unknown; scores?: Array<{ score?: number | null }> }

/** Keeps the application's score summary (count and mean of submitted reviews) in step with its reviews. */
export const summariseScores =
  (ctx: EhkContext): CollectionAfterChangeHook & CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const applicationId = idOf((doc as Review).application)
    const submitted = await req.payload.find({
      collection: ctx.slugs.reviews,
      where: { and: [{ application: { equals: applicationId } }, { submitted: { equals: true } }, { conflictOfInterest: { not_equals: true } }] },
      depth: 0,
      pagination: false,
      select: { scores: true },
      overrideAccess: true,
      req,
    })
    const means = (submitted.docs as unknown as Review[])
      .map((review) => (review.scores ?? []).map((s) => s.score ?? 0))
      .filter((scores) => scores.length > 0)
      .map((scores) => scores.reduce((a, b) => a + b, 0) / scores.length)
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
