import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { jurorProfile, ownOpenReviews } from './jurorProfile.js'
import { isStaffRole, roleOf } from './roles.js'

/**
 * Staff may open a review (to reopen a submitted one or lift a conflict; what they may change is
 * the review rules' business). A juror changes only their own reviews, and only until they are
 * submitted or declared a conflict: both are final for the juror.
 */
export const updatableReviews =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (isStaffRole(roleOf(req))) return true
    const profile = await jurorProfile(req, ctx)
    return profile ? ownOpenReviews(profile) : false
  }
