import type { CollectionBeforeChangeHook } from 'payload'
import { jurorProfile, profileOf } from '../../../access/jurorProfile.js'
import { isStaffRole, roleOf } from '../../../access/roles.js'
import type { EhkContext } from '../../../defaults.js'
import { normalizeText } from '../../../domain/characters.js'
import { conflictOf } from '../../../domain/conflicts.js'
import { ROUND_LABELS, roundOf, roundState, type YearState } from '../../../domain/lifecycle.js'
import { violation, type Violation } from '../../../domain/text.js'
import { HISTORICAL_IMPORT, SYSTEM_CHANGE } from '../../../lib/context.js'
import { idOf } from '../../../lib/relations.js'
import { throwIfViolations } from '../../../lib/violations.js'

type Score = { criterion?: unknown; score?: unknown; comment?: unknown }

/** A juror's own assessment: what only they (or an administrator on their behalf, before submission) write. */
const ASSESSMENT = ['scores', 'recommendation', 'comment', 'conflictNote'] as const

/** A field's value as compared for changes: relationships as ids, array rows without their ids. */
function comparable(field: string, value: unknown): string {
  if (field === 'scores') return JSON.stringify(((value as Score[] | null) ?? []).map((s) => [String(idOf(s.criterion)), s.score ?? null, s.comment ?? null]))
  return JSON.stringify(value ?? null)
}

const hasReason = (value: unknown) => typeof value === 'string' && normalizeText(value).trim().length > 0

/**
 * A juror reviews as themselves (which applications they may review is the create access rule), on
 * years they serve on; the final round is for finalists; a submitted review scores every criterion
 * of the year; a conflict of interest carries no scores. And the jury's integrity:
 * - a submitted review is final: staff may reopen it, with a reason, and change nothing else;
 * - a declared conflict is one-way for the juror: only staff lift it, with a reason;
 * - editors never write a juror's assessment; administrators may, on a juror's behalf, until it is submitted.
 */
export const checkReviewRules =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const slug = ctx.slugs.reviews
    const profile = await jurorProfile(req, ctx)
    if (profile && operation === 'create') data.juror = profile.id
    const merged = { ...originalDoc, ...data }
    const problems: Violation[] = []
    const role = roleOf(req)
    const isOwner = !!profile && String(profile.id) === String(idOf(merged.juror))

    const changed = (field: string) => field in data && comparable(field, data[field]) !== comparable(field, originalDoc?.[field])
    if (operation === 'update' && originalDoc && !req.context[SYSTEM_CHANGE]) {
      const reopening = originalDoc.submitted && data.submitted === false
      const lifting = originalDoc.conflictOfInterest && data.conflictOfInterest === false
      if (originalDoc.submitted && (!reopening || ASSESSMENT.some(changed) || changed('conflictOfInterest'))) {
        problems.push(
          violation(
            'review.final',
            'submitted',
            'En inskickad bedömning är slutgiltig. Personal kan öppna den igen med ett skäl.',
            'A submitted review is final. Staff can reopen it, giving a reason.',
          ),
        )
      } else if (reopening && !isStaffRole(role)) {
        problems.push(violation('review.reopen-staff', 'submitted', 'Bara personal kan öppna en inskickad bedömning igen.', 'Only staff can reopen a submitted review.'))
      } else if (reopening && !hasReason(merged.reopenReason)) {
        problems.push(violation('review.reopen-reason', 'reopenReason', 'Ange varför bedömningen öppnas igen.', 'Say why the review is reopened.'))
      }
      if (lifting && !isStaffRole(role)) {
        problems.push(violation('review.conflict-final', 'conflictOfInterest', 'Ett anmält jäv kan bara hävas av personal.', 'A declared conflict can only be lifted by staff.'))
      } else if (lifting && !hasReason(merged.conflictLiftReason)) {
        problems.push(violation('review.conflict-lift-reason', 'conflictLiftReason', 'Ange varför jävet hävs.', 'Say why the conflict is lifted.'))
      }
      if (role === 'editor' && !isOwner && (ASSESSMENT.some(changed) || (!originalDoc.conflictOfInterest && data.conflictOfInterest === true) || (!originalDoc.submitted && data.submitted === true))) {
        problems.push(violation('review.not-yours', 'juror', 'Bara jurymedlemmen själv skriver sin bedömning.', 'Only the juror writes their own review.'))
      }
      throwIfViolations(req, slug, problems)
      if (reopening) data.submittedAt = null
      // A reopened or lifted review is otherwise left exactly as it was.
      if (reopening || lifting) return data
    }

    const application = merged.application
      ? ((await req.payload.findByID({
          collection: ctx.slugs.applications,
          id: idOf(merged.application),
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })) as { id: number | string; awardYear: unknown; status: string; municipality: string } | null)
      : null
    if (!application) {
      throwIfViolations(req, slug, [violation('review.application', 'application', 'Välj en ansökan.', 'Choose an application.')])
      return data
    }
    const juror = merged.juror
      ? ((await req.payload.findByID({ collection: ctx.slugs.jurors, id: idOf(merged.juror), depth: 0, disableErrors: true, overrideAccess: true, req })) as Parameters<typeof profileOf>[0] | null)
      : null
    const yearId = String(idOf(application.awardYear))
    const year = (await req.payload.findByID({ collection: ctx.slugs.awardYears, id: yearId, depth: 0, overrideAccess: true, req })) as YearState & { criteria?: unknown[] }
    if (!juror || !(juror.years ?? []).map((y) => String(idOf(y))).includes(yearId)) {
      problems.push(violation('review.juror-year', 'juror', 'Jurymedlemmen sitter inte i årets jury.', "The juror is not on this year's jury."))
    }
    if (merged.round === 'final' && application.status !== 'finalist' && application.status !== 'winner') {
      problems.push(violation('review.final-round', 'round', 'Finalomgången gäller bara finalister.', 'The final round is for finalists only.'))
    }
    // Declaring a conflict is always possible; assessing only while the round is open, and never
    // an application from a municipality the juror is tied to.
    const assessing = !merged.conflictOfInterest && (operation === 'create' || ASSESSMENT.some(changed) || (data.submitted === true && !originalDoc?.submitted))
    if (assessing && !req.context[SYSTEM_CHANGE] && !req.context[HISTORICAL_IMPORT]) {
      const state = roundState(year, roundOf(merged.round), ctx.now())
      if (state.window !== 'open') {
        problems.push(
          state.window === 'not-open'
            ? violation('review.round-not-open', 'round', `Omgången ”${ROUND_LABELS[state.round].sv}” har inte öppnat.`, `The ${ROUND_LABELS[state.round].en.toLowerCase()} round has not opened.`)
            : violation(
                'review.round-closed',
                'round',
                `Omgången ”${ROUND_LABELS[state.round].sv}” är stängd. Personal kan öppna den igen.`,
                `The ${ROUND_LABELS[state.round].en.toLowerCase()} round is closed. Staff can reopen it.`,
              ),
        )
      }
      if (juror && conflictOf({ declared: [], ties: profileOf({ ...juror, id: idOf(merged.juror) }).ties }, application) === 'tie') {
        problems.push(
          violation(
            'review.tied',
            'application',
            'Jurymedlemmen är knuten till kommunen (jäv) och kan inte bedöma ansökan.',
            'The juror is tied to the municipality (a conflict) and cannot assess the application.',
          ),
        )
      }
    }

    if (merged.conflictOfInterest) {
      if (!originalDoc?.conflictOfInterest && !hasReason(merged.conflictNote) && !req.context[HISTORICAL_IMPORT]) {
        problems.push(violation('review.conflict-reason', 'conflictNote', 'Ange skälet till jävet.', 'Give the reason for the conflict.'))
      }
      data.scores = []
      data.recommendation = null
      data.submitted = false
    } else {
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
