import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../lib/relations.js'
import type { EhkContext } from '../../../defaults.js'
import { SYSTEM_CHANGE } from '../../../lib/context.js'

/** At the announcement the winner application becomes "winner" and the other finalists "not selected". */
export const announceWinner =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (doc.status !== 'announced' || previousDoc?.status === 'announced' || !doc.winner) return doc
    const winnerId = idOf(doc.winner)
    const applications = ctx.slugs.applications
    const context = { [SYSTEM_CHANGE]: true }
    await req.payload.update({ collection: applications, id: winnerId, data: { status: 'winner' }, overrideAccess: true, context, req })
    await req.payload.update({
      collection: applications,
      where: { and: [{ awardYear: { equals: doc.id } }, { status: { equals: 'finalist' } }, { id: { not_equals: winnerId } }] },
      data: { status: 'not-selected' },
      overrideAccess: true,
      context,
      req,
    })
    return doc
  }
