import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { jurorProfile } from './jurorProfile.js'
import { roleOf } from './roles.js'

/** Administrators, and a juror for their own reviews: nobody else writes a juror's scores. */
export const ownReviews =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (roleOf(req) === 'admin') return true
    const profile = await jurorProfile(req, ctx)
    return profile ? { juror: { equals: profile.id } } : false
  }
