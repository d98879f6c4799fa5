import type { CollectionAfterChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../domain/lifecycle.js'
import { recordHistory } from '../../../lib/history.js'

/** Every change of an application's status goes into the history: confirmations, withdrawals (with the reason) and the rest. */
export const recordApplicationHistory =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    const from = previousDoc?.status as ApplicationStatus | undefined
    const to = doc.status as ApplicationStatus
    if (operation !== 'update' || !from || from === to) return doc
    const label = (s: ApplicationStatus) => APPLICATION_STATUS_LABELS[s].sv
    await recordHistory(req, ctx.slugs.history, ctx.now(), {
      action: from === 'unconfirmed' && to === 'submitted' ? 'application-confirmed' : to === 'withdrawn' ? 'application-withdrawn' : 'status-changed',
      summary: `${doc.reference} (${doc.municipalityName}): ${label(from)} → ${label(to)}`,
      document: { relationTo: ctx.slugs.applications, value: doc.id },
      reason: to === 'withdrawn' ? doc.withdrawalReason : undefined,
      details: { from, to },
    })
    return doc
  }
