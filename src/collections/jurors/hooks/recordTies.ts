import type { CollectionAfterChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { findMunicipality } from '../../../domain/municipalities.js'
import { recordHistory } from '../../../lib/history.js'

type Tie = { municipality: string; kind: string }
const tiesOf = (doc: { ties?: Tie[] | null } | undefined) => (doc?.ties ?? []).map((t) => `${t.municipality}:${t.kind}`).sort()
const names = (ties: string[]) => ties.map((t) => findMunicipality(t.split(':')[0])?.name ?? t).join(', ') || '–'

/** A juror's ties are conflicts the system flags: every change of them goes into the history. */
export const recordTies =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const before = tiesOf(previousDoc)
    const after = tiesOf(doc)
    if (before.join('|') === after.join('|')) return doc
    await recordHistory(req, ctx.slugs.history, ctx.now(), {
      action: 'ties-changed',
      summary: `${doc.name}: ${names(before)} → ${names(after)}`,
      document: { relationTo: ctx.slugs.jurors, value: doc.id },
      details: { before, after },
    })
    return doc
  }
