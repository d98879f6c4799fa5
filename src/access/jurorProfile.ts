import type { PayloadRequest, Where } from 'payload'
import type { EhkContext } from '../defaults.js'
import { idOf } from '../lib/relations.js'
import { roleOf } from './roles.js'

export interface JurorProfile {
  id: number | string
  years: Array<number | string>
}

/**
 * The juror profile linked to the logged-in juror, or undefined. Looked up once per request:
 * access rules ask for it several times while one operation runs.
 */
export async function jurorProfile(req: PayloadRequest, ctx: EhkContext): Promise<JurorProfile | undefined> {
  if (roleOf(req) !== 'juror' || !req.user) return undefined
  const key = `ehk:juror:${req.user.id}`
  if (!(key in req.context)) {
    const found = await req.payload.find({
      collection: ctx.slugs.jurors,
      where: { user: { equals: req.user.id } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const doc = found.docs[0] as { id: number | string; years?: unknown[] } | undefined
    req.context[key] = doc ? { id: doc.id, years: (doc.years ?? []).map(idOf) } : undefined
  }
  return req.context[key] as JurorProfile | undefined
}


/** A juror's own reviews that are still theirs to change: neither submitted nor a declared conflict. */
export const ownOpenReviews = (profile: JurorProfile): Where => ({
  and: [{ juror: { equals: profile.id } }, { submitted: { not_equals: true } }, { conflictOfInterest: { not_equals: true } }],
})
