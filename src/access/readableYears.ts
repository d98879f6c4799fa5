import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { publishedYears } from '../domain/lifecycle.js'
import { jurorProfile } from './jurorProfile.js'
import { isStaffRole, roleOf } from './roles.js'

/** Staff read every year; jurors also read draft years they serve on; everyone reads published years. */
export const readableYears =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    if (isStaffRole(roleOf(req))) return true
    const published = publishedYears
    const profile = await jurorProfile(req, ctx)
    if (profile && profile.years.length > 0) return { or: [published, { id: { in: profile.years } }] }
    return published
  }
