// What follows from a year's change of status, whoever made it (an editor in the admin, the jury
// board, the scheduled announcement): the applications' statuses, the history and the e-mails. Runs
// in the year's afterChange hook, inside the same transaction as the change itself.
import type { PayloadRequest, TaskConfig } from 'payload'
import type { EhkContext } from '../defaults.js'
import { type YearStatus, YEAR_STATUS_LABELS } from '../domain/lifecycle.js'
import { SYSTEM_CHANGE } from '../lib/context.js'
import { ACTOR_LABEL, ACTORS, claimOnce, recordHistory } from '../lib/history.js'
import { idOf } from '../lib/relations.js'
import { mailAnnouncement, mailFinalistSelected } from '../mail/jury.js'
import { asDocs, asFields } from '../types.js'

export const ANNOUNCE_TASK = 'ehk-announce'
export const ANNOUNCE_QUEUE = 'ehk-announce'

type Year = {
  id: number | string
  year: number
  title: string
  status: YearStatus
  winner?: unknown
  announcementAt?: string | null
  contact?: { email?: string | null } | null
}
type Application = { id: number | string; reference: string; municipalityName: string; status: string; contact?: { email?: string | null } | null }

const system = { overrideAccess: true, depth: 0 } as const

async function applicationsOf(req: PayloadRequest, ctx: EhkContext, yearId: number | string, where: Record<string, unknown>) {
  const { docs } = await req.payload.find({
    collection: ctx.slugs.applications,
    where: asFields({ and: [{ awardYear: { equals: yearId } }, where] }),
    pagination: false,
    req,
    ...system,
  })
  return asDocs<Application>(docs)
}

/** Changes the status of the applications of a year that match, as the system (the lifecycle's own step). */
async function setStatus(req: PayloadRequest, ctx: EhkContext, yearId: number | string, where: Record<string, unknown>, data: Record<string, unknown>) {
  await req.payload.update({
    collection: ctx.slugs.applications,
    where: asFields({ and: [{ awardYear: { equals: yearId } }, where] }),
    data: asFields(data),
    context: { [SYSTEM_CHANGE]: true },
    req,
    ...system,
  })
}

/**
 * Closed → finalists: the finalists get their date and an e-mail; every other counted application
 * of the year becomes "not selected".
 */
async function finalistsSelected(req: PayloadRequest, ctx: EhkContext, year: Year) {
  const now = ctx.now().toISOString()
  const finalists = await applicationsOf(req, ctx, year.id, { status: { equals: 'finalist' } })
  await setStatus(req, ctx, year.id, { status: { equals: 'finalist' } }, { shortlistedAt: now })
  await setStatus(req, ctx, year.id, { status: { equals: 'submitted' } }, { status: 'not-selected' })
  await recordHistory(req, ctx.slugs.history, ctx.now(), {
    action: 'finalists-selected',
    summary: `${year.title}: ${finalists.map((f) => f.municipalityName).join(', ')}`,
    document: { relationTo: ctx.slugs.awardYears, value: year.id },
    details: { finalists: finalists.map((f) => f.id) },
  })
  for (const finalist of finalists) await mailFinalistSelected(req, year, finalist)
}

/** Finalists → closed (undoing a selection): the others are back in the running, and nobody is a finalist yet. */
async function selectionUndone(req: PayloadRequest, ctx: EhkContext, year: Year) {
  await setStatus(req, ctx, year.id, { status: { equals: 'not-selected' } }, { status: 'submitted' })
  await setStatus(req, ctx, year.id, { shortlistedAt: { not_equals: null } }, { shortlistedAt: null })
}

/**
 * → announced: once, whoever announces (the scheduled job on any app server, or staff by hand). The
 * winner application becomes "winner", the other finalists "not selected", and they are told.
 */
async function announced(req: PayloadRequest, ctx: EhkContext, year: Year) {
  const winnerId = idOf(year.winner)
  const claimed = await claimOnce(req, ctx.slugs.history, ctx.now(), {
    action: 'winner-announced',
    summary: `${year.title}: vinnaren tillkännagiven / the winner is announced`,
    document: { relationTo: ctx.slugs.awardYears, value: year.id },
    details: { winner: winnerId },
    once: `announced:${year.id}`,
  })
  if (!claimed) return
  const finalists = await applicationsOf(req, ctx, year.id, { status: { equals: 'finalist' } })
  await setStatus(req, ctx, year.id, { id: { equals: winnerId } }, { status: 'winner' })
  await setStatus(req, ctx, year.id, { and: [{ status: { equals: 'finalist' } }, { id: { not_equals: winnerId } }] }, { status: 'not-selected' })
  for (const finalist of finalists) await mailAnnouncement(req, year, finalist, String(finalist.id) === String(winnerId))
}

/** Queues the announcement's bookkeeping for the year's announcement time (the jobs queue keeps it across restarts). */
async function scheduleAnnouncement(req: PayloadRequest, year: Year) {
  if (!year.announcementAt) return
  await req.payload.jobs.queue({ task: ANNOUNCE_TASK, queue: ANNOUNCE_QUEUE, input: { year: String(year.id) }, waitUntil: new Date(year.announcementAt), req })
}

export async function followYearChange(req: PayloadRequest, ctx: EhkContext, year: Year, previous: Year | undefined) {
  const from = previous?.status
  const to = year.status
  if (from && from !== to) {
    await recordHistory(req, ctx.slugs.history, ctx.now(), {
      action: to === 'decided' ? 'decision-recorded' : 'status-changed',
      summary: `${year.title}: ${YEAR_STATUS_LABELS[from].sv} → ${YEAR_STATUS_LABELS[to].sv}`,
      document: { relationTo: ctx.slugs.awardYears, value: year.id },
      details: { from, to, ...(to === 'decided' && { winner: idOf(year.winner) }) },
    })
  }
  if (from === 'closed' && to === 'finalists') await finalistsSelected(req, ctx, year)
  if (from === 'finalists' && to === 'closed') await selectionUndone(req, ctx, year)
  if (to === 'decided' && (from !== 'decided' || previous?.announcementAt !== year.announcementAt)) await scheduleAnnouncement(req, year)
  if (to === 'announced' && from !== 'announced') await announced(req, ctx, year)
}

/**
 * The scheduled announcement: at its time, a decided year becomes "announced" (the rules refuse it
 * a moment early). A job that finds the year no longer decided, or its time moved later (a newer
 * job is queued for the new time), does nothing.
 */
export function announceTask(ctx: EhkContext): TaskConfig {
  return {
    slug: ANNOUNCE_TASK,
    label: 'Tillkännage vinnaren / announce the winner',
    inputSchema: [{ name: 'year', type: 'text', required: true }],
    retries: { attempts: 10, backoff: { type: 'exponential', delay: 5_000 } },
    handler: async ({ input, req }) => {
      req.context[ACTOR_LABEL] = ACTORS.system
      const year = (await req.payload.findByID({
        collection: ctx.slugs.awardYears,
        id: (input as { year: string }).year,
        disableErrors: true,
        req,
        ...system,
      })) as Year | null
      if (!year || year.status !== 'decided') return { output: { announced: false, reason: year ? year.status : 'no such year' } }
      if (!year.announcementAt || ctx.now() < new Date(year.announcementAt)) return { output: { announced: false, reason: 'not yet' } }
      await req.payload.update({ collection: ctx.slugs.awardYears, id: year.id, data: { status: 'announced' }, req, ...system })
      return { output: { announced: true } }
    },
  }
}
