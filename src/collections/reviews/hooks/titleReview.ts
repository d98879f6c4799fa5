import type { CollectionBeforeChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { ROUND_LABELS, roundOf } from '../../../domain/lifecycle.js'
import { idOf } from '../../../lib/relations.js'

/** A review's title in lists and relationship fields: "Juror – Municipality (Round)". */
export const titleReview =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const merged = { ...originalDoc, ...data }
    // (A host-named slug is not one of Payload's generated collection names: see src/types.ts.)
    const find = (collection: string, id: unknown) =>
      id == null ? null : req.payload.findByID({ collection: collection as never, id: idOf(id), depth: 0, disableErrors: true, overrideAccess: true, req })
    const [juror, application] = (await Promise.all([find(ctx.slugs.jurors, merged.juror), find(ctx.slugs.applications, merged.application)])) as Array<{
      name?: string
      municipalityName?: string
    } | null>
    const round = ROUND_LABELS[roundOf(merged.round)].sv
    data.title = `${juror?.name ?? '–'} – ${application?.municipalityName ?? '–'} (${round})`
    return data
  }
