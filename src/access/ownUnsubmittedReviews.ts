import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { jurorProfile } from './jurorProfile.js'
import { roleOf } from './roles.js'

/** A juror may delete a review of their own until it is submitted; administrators always. */
export const ownUnsubmittedReviews =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (roleOf(req) === 'admin') return true
    const profile = await jurorProfile(req, ctx)
    return profile ? { and: [{ juror: { equals: profile.id } }, { submitted: { not_equals: true } }] } : false
  }
