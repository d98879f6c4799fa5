import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { jurorProfile, ownOpenReviews } from './jurorProfile.js'
import { roleOf } from './roles.js'

/**
 * A juror may delete a draft review of their own: never a submitted one, and never a conflict
 * declaration (deleting it would lift the conflict). Administrators always.
 */
export const ownUnsubmittedReviews =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (roleOf(req) === 'admin') return true
    const profile = await jurorProfile(req, ctx)
    return profile ? ownOpenReviews(profile) : false
  }
