import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { notConflicted } from '../domain/conflicts.js'
import { countedApplications } from '../domain/lifecycle.js'
import { conflictsOf, jurorProfile } from './jurorProfile.js'
import { isStaffRole, roleOf } from './roles.js'

/**
 * Staff read every application. A juror reads the counted applications (confirmed, not withdrawn) of
 * the years they serve on, only once the year's deadline has passed, never one that competes with
 * another of its municipality until staff have decided, and never one they are conflicted on
 * (declared, or from a municipality they are tied to).
 */
export const readableApplications =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (isStaffRole(roleOf(req))) return true
    const profile = await jurorProfile(req, ctx)
    if (!profile || profile.years.length === 0) return false
    const closedYears = await req.payload.find({
      collection: ctx.slugs.awardYears,
      where: { and: [{ id: { in: profile.years } }, { deadline: { less_than_equal: ctx.now().toISOString() } }] },
      depth: 0,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    if (closedYears.docs.length === 0) return false
    const conflicts = await conflictsOf(req, ctx, profile)
    return {
      and: [{ awardYear: { in: closedYears.docs.map((year) => year.id) } }, countedApplications, { competing: { not_equals: true } }, ...notConflicted(conflicts)],
    }
  }
