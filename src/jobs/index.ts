// The plugin's work that happens at a time, not at a request: on Payload's jobs queue, run by the
// app's own process (autoRun), scheduled by cron.
import type { TaskConfig } from 'payload'
import { erasePersonalData } from '../collections/applications/erase.js'
import type { EhkContext } from '../defaults.js'
import { DEFAULT_RETENTION_MONTHS, retentionEnds, type YearStatus } from '../domain/lifecycle.js'
import { ACTOR_LABEL, ACTORS } from '../lib/history.js'
import { announceTask } from '../jury/bookkeeping.js'
import { juryNoticesTask } from '../jury/notices.js'
import { MAIL_TASK, sendMailTask } from '../mail/outbox.js'
import { MAINTENANCE_QUEUE } from './queues.js'

export { MAINTENANCE_QUEUE }
export const EXPIRE_TASK = 'ehk-expire-unconfirmed'
export const RETENTION_TASK = 'ehk-retention'

/** Failed e-mails are kept this long for the record, then deleted (they may hold personal data, encrypted). */
const FAILED_MAIL_DAYS = 30

/** Unconfirmed applications whose confirmation link has expired are deleted: nothing else keeps them. */
export function expireUnconfirmedTask(ctx: EhkContext): TaskConfig {
  return {
    slug: EXPIRE_TASK,
    label: 'Radera obekräftade ansökningar / delete unconfirmed applications',
    schedule: [{ cron: '*/10 * * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => {
      req.context[ACTOR_LABEL] = ACTORS.system
      const { docs } = await req.payload.delete({
        collection: ctx.slugs.applications,
        where: { and: [{ status: { equals: 'unconfirmed' } }, { confirmExpiresAt: { less_than_equal: ctx.now().toISOString() } }] },
        depth: 0,
        overrideAccess: true,
        req,
      })
      return { output: { deleted: docs.length } }
    },
  }
}

/** When a year's retention period has ended: its applicants' personal data is erased. */
export function retentionTask(ctx: EhkContext): TaskConfig {
  return {
    slug: RETENTION_TASK,
    label: 'Radera personuppgifter efter lagringstiden / erase personal data after retention',
    schedule: [{ cron: '7 3 * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => {
      req.context[ACTOR_LABEL] = ACTORS.system
      const now = ctx.now()
      const { docs: years } = await req.payload.find({ collection: ctx.slugs.awardYears, pagination: false, depth: 0, overrideAccess: true, req })
      let erased = 0
      for (const year of years as Array<{ id: number | string; year: number; status: YearStatus; announcementAt?: string | null; deadline?: string | null; retentionMonths?: number | null }>) {
        const ends = retentionEnds(year)
        if (!ends || ends > now) continue
        const { docs } = await req.payload.find({
          collection: ctx.slugs.applications,
          where: { and: [{ awardYear: { equals: year.id } }, { personalDataErasedAt: { exists: false } }] },
          pagination: false,
          depth: 0,
          select: { reference: true },
          overrideAccess: true,
          req,
        })
        for (const application of docs) {
          await erasePersonalData(req, ctx, application.id, `Årets lagringstid (${year.retentionMonths ?? DEFAULT_RETENTION_MONTHS} månader) har gått ut / the retention period has ended`)
          erased++
        }
      }
      const before = new Date(now.getTime() - FAILED_MAIL_DAYS * 86_400_000).toISOString()
      await req.payload.db.deleteMany({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: MAIL_TASK } }, { hasError: { equals: true } }, { createdAt: { less_than: before } }] },
        req,
      })
      return { output: { erased } }
    },
  }
}

export const tasks = (ctx: EhkContext): TaskConfig[] => [sendMailTask, expireUnconfirmedTask(ctx), retentionTask(ctx), juryNoticesTask(ctx), announceTask(ctx)]
