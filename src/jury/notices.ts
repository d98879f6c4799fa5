// The jury's notices, sent by a scheduled job so that nobody has to remember them: jurors when a
// round opens, a reminder some days before it closes to jurors with reviews left, staff when every
// juror has submitted. Each notice is claimed once in the history (any app server may run the job).
import type { PayloadRequest, TaskConfig } from 'payload'
import type { EhkContext } from '../defaults.js'
import { DEFAULT_REMINDER_DAYS, ROUND_LABELS, ROUNDS, reminderDue, roundState } from '../domain/lifecycle.js'
import { ACTOR_LABEL, ACTORS, claimOnce } from '../lib/history.js'
import { mailReminder, mailRoundComplete, mailRoundOpened } from '../mail/jury.js'
import { MAINTENANCE_QUEUE } from '../jobs/queues.js'
import { asSystem, type JuryYear, loadRound, loadYear, roundProgress, yearConflicts } from './load.js'

export const NOTICES_TASK = 'ehk-jury-notices'

async function jurorAddresses(req: PayloadRequest, ctx: EhkContext, users: Array<number | string>): Promise<Map<string, string>> {
  if (users.length === 0) return new Map()
  const { docs } = await req.payload.find({ collection: ctx.slugs.users, where: { id: { in: users } }, depth: 0, pagination: false, overrideAccess: true, req })
  return new Map(docs.map((u) => [String(u.id), String((u as { email?: string }).email ?? '')]))
}

async function noticesFor(req: PayloadRequest, ctx: EhkContext, year: JuryYear): Promise<string[]> {
  const now = ctx.now()
  const sent: string[] = []
  const claim = (key: string, summary: string) =>
    claimOnce(req, ctx.slugs.history, now, {
      action: 'notice-sent',
      summary: `${year.title}: ${summary}`,
      document: { relationTo: ctx.slugs.awardYears, value: year.id },
      once: `notice:${year.id}:${key}`,
    })
  for (const round of ROUNDS) {
    const state = roundState(year, round, now)
    if (state.window !== 'open') continue
    const data = await loadRound(req, ctx, year, round, asSystem)
    if (data.applications.length === 0 || data.jurors.length === 0) continue
    const conflicts = await yearConflicts(req, ctx, year.id)
    const progress = roundProgress(data, data.jurors, conflicts)
    const addresses = await jurorAddresses(
      req,
      ctx,
      data.jurors.map((j) => j.user).filter((u): u is number | string => u !== null && u !== undefined),
    )
    const withAddress = data.jurors.map((j, i) => ({ name: j.name, email: addresses.get(String(j.user)) ?? '', left: progress[i]!.left })).filter((j) => j.email)
    const label = ROUND_LABELS[round].sv.toLowerCase()
    const closes = state.closesAt?.toISOString() ?? 'open-ended'

    if (await claim(`${round}:opened`, `${label} har öppnat, mejl till juryn`)) {
      await mailRoundOpened(req, year, round, state.closesAt, withAddress, data.applications.length)
      sent.push(`${round}:opened`)
    }
    const behind = withAddress.filter((j) => j.left > 0)
    if (
      state.closesAt &&
      reminderDue(state, year.reminderDays ?? DEFAULT_REMINDER_DAYS, now) &&
      behind.length > 0 &&
      (await claim(`${round}:reminder:${closes}`, `påminnelse om ${label} till ${behind.length} i juryn`))
    ) {
      await mailReminder(req, year, round, state.closesAt, behind)
      sent.push(`${round}:reminder`)
    }
    if (progress.every((p) => p.left === 0) && (await claim(`${round}:complete:${closes}`, `alla i juryn har bedömt (${label})`))) {
      await mailRoundComplete(req, ctx, year, round)
      sent.push(`${round}:complete`)
    }
  }
  return sent
}

export function juryNoticesTask(ctx: EhkContext): TaskConfig {
  return {
    slug: NOTICES_TASK,
    label: 'Juryns utskick / jury notices',
    schedule: [{ cron: '*/5 * * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => {
      req.context[ACTOR_LABEL] = ACTORS.system
      const { docs } = await req.payload.find({
        collection: ctx.slugs.awardYears,
        where: { status: { in: ['open', 'closed', 'finalists'] } },
        depth: 0,
        pagination: false,
        select: {},
        overrideAccess: true,
        req,
      })
      const sent: string[] = []
      for (const { id } of docs) {
        const year = await loadYear(req, ctx, id, asSystem)
        if (year) sent.push(...(await noticesFor(req, ctx, year)).map((n) => `${year.year}:${n}`))
      }
      return { output: { sent } }
    },
  }
}
