import type { CollectionAfterChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { followYearChange as follow } from '../../../jury/bookkeeping.js'
import { HISTORICAL_IMPORT } from '../../../lib/context.js'

/** The applications' statuses, the history, the scheduled announcement and the e-mails that follow a year's change. */
export const followYearChange =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'update' && !req.context[HISTORICAL_IMPORT]) await follow(req, ctx, doc, previousDoc)
    return doc
  }
