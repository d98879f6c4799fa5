import type { CollectionBeforeChangeHook } from 'payload'
import { jurorProfile } from '../../../access/jurorProfile.js'
import { idOf } from '../../../lib/relations.js'
import type { EhkContext } from '../../../defaults.js'
import { violation, type Violation } from '../../../domain/text.js'
import { throwIfViolations } from '../../../lib/violations.js'

type Score = { criterion?: unknown; score?: unknown }

/**
 * A juror reviews as themselves (which applications they may review is the create access rule), on
 * years they serve on; the final
 * round is for finalists; a submitted review scores every criterion of the year; a conflict of
 * interest carries no scores.
 */
export const checkReviewRules =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const slug = ctx.slugs.reviews
    const profile = await jurorProfile(req, ctx)
    if (profile && operation === 'create') data.juror = profile.id
    const merged = { ...originalDoc, ...data }
    const problems: Violation[] = []

    const application = merged.application
      ? ((await req.payload.findByID({
          collection: ctx.slugs.applications,
          id: idOf(merged.application),
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })) as { id: number | string; awardYear: unknown; status: string } | null)
      : null
    if (!application) {
      throwIfViolations(req, slug, [violation('review.application', 'application', 'Välj en ansökan.', 'Choose an application.')])
      return data
    }
    const juror = merged.juror
      ? ((await req.payload.findByID({ collection: ctx.slugs.jurors, id: idOf(merged.juror), depth: 0, disableErrors: true, overrideAccess: true, req })) as {
          years?: unknown[]
        } | null)
      : null
    const yearId = String(idOf(application.awardYear))
    if (!juror || !(juror.years ?? []).map((y) => String(idOf(y))).includes(yearId)) {
      problems.push(violation('review.juror-year', 'juror', 'Jurymedlemmen sitter inte i årets jury.', "The juror is not on this year's jury."))
    }
    if (merged.round === 'final' && application.status !== 'finalist' && application.status !== 'winner') {
      problems.push(violation('review.final-round', 'round', 'Finalomgången gäller bara finalister.', 'The final round is for finalists only.'))
    }

    if (merged.conflictOfInterest) {
      data.scores = []
      data.recommendation = null
    } else {
      const year = (await req.payload.findByID({ collection: ctx.slugs.awardYears, id: yearId, depth: 0, overrideAccess: true, req })) as { criteria?: unknown[] }
      const criteria = (year.criteria ?? []).map((c) => String(idOf(c)))
      const scores: Score[] = Array.isArray(merged.scores) ? merged.scores : []
      const scored = new Set<string>()
      scores.forEach((s, i) => {
        const id = s.criterion == null ? '' : String(idOf(s.criterion))
        if (!criteria.includes(id) || scored.has(id)) {
          problems.push(violation('review.score-criterion', `scores.${i}.criterion`, 'Välj ett av årets områden, högst en gång.', "Choose one of the year's areas, at most once."))
        }
        scored.add(id)
      })
      if (merged.submitted) {
        if (criteria.some((id) => !scored.has(id))) {
          problems.push(violation('review.scores-complete', 'scores', 'Sätt poäng på alla områden innan du skickar in.', 'Score every area before submitting.'))
        }
        if (!merged.recommendation) {
          problems.push(violation('review.recommendation', 'recommendation', 'Välj en rekommendation innan du skickar in.', 'Choose a recommendation before submitting.'))
        }
      }
    }
    throwIfViolations(req, slug, problems)
    if (merged.submitted && !originalDoc?.submitted) data.submittedAt = ctx.now().toISOString()
    return data
  }
