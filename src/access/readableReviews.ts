import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { idOf } from '../lib/relations.js'
import { jurorProfile } from './jurorProfile.js'
import { isStaffRole, roleOf } from './roles.js'

/**
 * Staff read every review. A juror reads their own, and other jurors' submitted reviews of an
 * application only after submitting their own review of it (blind to peers until then).
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
    return { or: [own, { and: [{ application: { in: reviewed } }, { submitted: { equals: true } }] }] }
  }
