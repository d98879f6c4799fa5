import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../../lib/relations.js'
import type { EhkContext } from '../../../defaults.js'
import { type ApplicationStatus, checkYearChange, countedApplications, type YearState } from '../../../domain/lifecycle.js'
import { HISTORICAL_IMPORT } from '../../../lib/context.js'
import { throwIfViolations } from '../../../lib/violations.js'

/** Refuses a change of status, dates or winner that breaks the lifecycle, naming the rule. */
export const checkYearLifecycle =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (req.context[HISTORICAL_IMPORT]) return data
    const after = { ...originalDoc, ...data } as YearState & { id?: number | string }
    const before = originalDoc as YearState | undefined
    const yearId = originalDoc?.id
    const winnerId = after.winner === null || after.winner === undefined ? undefined : idOf(after.winner)
    const applications = ctx.slugs.applications
    const countWhere = async (status?: ApplicationStatus) =>
      yearId === undefined
        ? 0
        : (
            await req.payload.count({
              collection: applications,
              // Only counted applications: an unconfirmed one counts nowhere.
              where: { and: [{ awardYear: { equals: yearId } }, status ? { status: { equals: status } } : countedApplications] },
              overrideAccess: true,
              req,
            })
          ).totalDocs
    const winnerDoc =
      winnerId === undefined
        ? null
        : ((await req.payload.findByID({ collection: applications, id: winnerId, depth: 0, disableErrors: true, overrideAccess: true, req })) as {
            awardYear: unknown
            status: ApplicationStatus
          } | null)
    const statusChanges = before?.status !== after.status
    throwIfViolations(
      req,
      ctx.slugs.awardYears,
      checkYearChange(
        before && { ...before, winner: before.winner === null || before.winner === undefined ? before.winner : idOf(before.winner) },
        { ...after, winner: winnerId },
        {
          now: ctx.now(),
          yearId,
          applicationCount: statusChanges ? await countWhere() : 0,
          finalists: statusChanges ? await countWhere('finalist') : 0,
          winner: winnerDoc && { awardYear: idOf(winnerDoc.awardYear), status: winnerDoc.status },
        },
      ),
    )
    return data
  }
