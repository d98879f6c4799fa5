import type { PayloadRequest, Where } from 'payload'
import type { JurorDoc } from '../types.js'
import type { EhkContext } from '../defaults.js'
import type { JurorConflicts } from '../domain/conflicts.js'
import { idOf } from '../lib/relations.js'
import { roleOf } from './roles.js'

export interface JurorProfile {
  id: number | string
  years: Array<number | string>
  /** Codes of the municipalities the juror is tied to. */
  ties: string[]
}

export const profileOf = (doc: JurorDoc): JurorProfile => ({
  id: doc.id,
  years: (doc.years ?? []).map(idOf),
  ties: (doc.ties ?? []).map((tie) => tie.municipality),
})

/** Once per request: access rules ask several times while one operation runs. */
async function memo<T>(req: PayloadRequest, key: string, load: () => Promise<T>): Promise<T> {
  if (!(key in req.context)) {
    // Loaded first, then stored: the Local API call inside may give the request a new context object.
    const value = await load()
    req.context[key] = value
  }
  return req.context[key] as T
}

/** The juror profile linked to the logged-in juror, or undefined. */
export async function jurorProfile(req: PayloadRequest, ctx: EhkContext): Promise<JurorProfile | undefined> {
  if (roleOf(req) !== 'juror' || !req.user) return undefined
  const userId = req.user.id
  return memo(req, `ehk:juror:${userId}`, async () => {
    const found = await req.payload.find({
      collection: ctx.slugs.jurors,
      where: { user: { equals: userId } },
      depth: 0,
      limit: 1,
      select: { years: true, ties: true },
      overrideAccess: true,
      req,
    })
    const doc = found.docs[0] as JurorDoc | undefined
    return doc && profileOf(doc)
  })
}

/** Everything the juror is conflicted on: declared conflicts and ties (see domain/conflicts.ts). */
export async function conflictsOf(req: PayloadRequest, ctx: EhkContext, profile: JurorProfile): Promise<JurorConflicts> {
  return memo(req, `ehk:conflicts:${profile.id}`, async () => {
    const declared = await req.payload.find({
      collection: ctx.slugs.reviews,
      where: { and: [{ juror: { equals: profile.id } }, { conflictOfInterest: { equals: true } }] },
      depth: 0,
      pagination: false,
      select: { application: true },
      overrideAccess: true,
      req,
    })
    return { declared: declared.docs.map((review) => idOf((review as { application: unknown }).application)), ties: profile.ties }
  })
}

/** A juror's own reviews that are still theirs to change: neither submitted nor a declared conflict. */
export const ownOpenReviews = (profile: JurorProfile): Where => ({
  and: [{ juror: { equals: profile.id } }, { submitted: { not_equals: true } }, { conflictOfInterest: { not_equals: true } }],
})
