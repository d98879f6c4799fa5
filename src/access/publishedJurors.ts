import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { publishedYears } from '../domain/lifecycle.js'
import { isStaffRole, roleOf } from './roles.js'

/** Staff and jurors read every juror profile; the public only the jurors of published years. */
export const publishedJurors =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> => {
    const role = roleOf(req)
    if (isStaffRole(role) || role === 'juror') return true
    const published = await req.payload.find({
      collection: ctx.slugs.awardYears,
      where: publishedYears,
      depth: 0,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    return published.docs.length > 0 ? { years: { in: published.docs.map((year) => year.id) } } : false
  }
