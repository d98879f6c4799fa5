import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { idOf } from '../lib/relations.js'
import { jurorProfile } from './jurorProfile.js'
import { roleOf } from './roles.js'

/**
 * Reviews are written by jurors, each only for an application they may read (their years, after the
 * deadline, no conflict declared), and by administrators on a juror's behalf. Without data (the admin
 * asking whether to show "create") a juror with a profile passes.
 */
export const canReviewApplication =
  (ctx: EhkContext): Access =>
  async ({ req, data }): Promise<AccessResult> => {
    if (roleOf(req) === 'admin') return true
    if (!(await jurorProfile(req, ctx))) return false
    if (!data?.application) return true
    const readable = await req.payload.count({
      collection: ctx.slugs.applications,
      where: { id: { equals: idOf(data.application) } },
      overrideAccess: false,
      user: req.user,
      req,
    })
    return readable.totalDocs > 0
  }
