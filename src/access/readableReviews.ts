import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { notConflicted } from '../domain/conflicts.js'
import { idOf } from '../lib/relations.js'
import { conflictsOf, jurorProfile } from './jurorProfile.js'
import { isStaffRole, roleOf } from './roles.js'

/**
 * Staff read every review. A juror reads their own, and other jurors' submitted reviews of an
 * application only after submitting their own review of it (blind to peers until then), and never
 * of an application they are conflicted on — a tie added after they reviewed it included.
 */
export const readableReviews =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (isStaffRole(roleOf(req))) return true
    const profile = await jurorProfile(req, ctx)
    if (!profile) return false
    const own = { juror: { equals: profile.id } }
    const submitted = await req.payload.find({
      collection: ctx.slugs.reviews,
      where: { and: [own, { submitted: { equals: true } }, { conflictOfInterest: { not_equals: true } }] },
      depth: 0,
      pagination: false,
      select: { application: true },
      overrideAccess: true,
      req,
    })
    const reviewed = submitted.docs.map((review) => idOf((review as { application: unknown }).application))
    if (reviewed.length === 0) return own
    const open = await req.payload.find({
      collection: ctx.slugs.applications,
      where: { and: [{ id: { in: reviewed } }, ...notConflicted(await conflictsOf(req, ctx, profile))] },
      depth: 0,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    if (open.docs.length === 0) return own
    return { or: [own, { and: [{ application: { in: open.docs.map((a) => a.id) } }, { submitted: { equals: true } }] }] }
  }
