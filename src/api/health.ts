// GET /api/ehk/v1/health, for load balancers and monitoring: whether this app server can do its
// work. The database answers; e-mail goes to a mail server (not to files or the log); the jobs
// queue runs here and keeps up (no job waiting more than five minutes past its time). No
// secrets, no personal data, no host names: counts and booleans only.
import type { Endpoint, Payload } from 'payload'
import type { EhkContext } from '../defaults.js'
import { deliveringAdapter, MAIL_TASK } from '../mail/outbox.js'
import { json } from './http.js'
import { type PublicApiState, publicEndpoint } from './publicApi.js'
import { asFields } from '../types.js'

/** A job this late means no app server is running the queue. */
const OVERDUE_MS = 5 * 60_000
/** One check serves every probe for this long: a probe loop costs the database nothing extra. */
const REUSE_MS = 2000
/** E-mail adapters that deliver nowhere (development). */
const UNDELIVERED = new Set(['file', 'log', 'console'])

export interface Health {
  status: 'ok' | 'degraded' | 'down'
  database: boolean
  email: { configured: boolean; failed: number }
  jobs: { autoRun: boolean; overdue: number; failed: number }
  checkedAt: string
}

/** This server's health now (the endpoint below, and the administrators' start page). */
export async function serverHealth(payload: Payload, now: Date): Promise<Health> {
  const jobs = 'payload-jobs'
  const count = async (where: Record<string, unknown>) => (await payload.count({ collection: jobs, where: asFields(where), overrideAccess: true })).totalDocs
  let database = true
  let overdue = 0
  let failed = 0
  let failedMail = 0
  try {
    ;[overdue, failed, failedMail] = await Promise.all([
      count({ and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }, { waitUntil: { less_than: new Date(now.getTime() - OVERDUE_MS).toISOString() } }] }),
      count({ hasError: { equals: true } }),
      count({ and: [{ hasError: { equals: true } }, { taskSlug: { equals: MAIL_TASK } }] }),
    ])
  } catch {
    database = false
  }
  const schedule = payload.config.jobs?.autoRun
  const autoRun = (typeof schedule === 'function' ? await schedule(payload) : (schedule ?? [])).length > 0
  const configured = !UNDELIVERED.has(deliveringAdapter(payload))
  const status = !database ? 'down' : !autoRun || overdue > 0 || !configured ? 'degraded' : 'ok'
  return { status, database, email: { configured, failed: failedMail }, jobs: { autoRun, overdue, failed }, checkedAt: now.toISOString() }
}

export function healthEndpoint(ctx: EhkContext, state: PublicApiState): Endpoint {
  let last: { at: number; health: Promise<Health> } | undefined
  return publicEndpoint(state, 'get', '/health', async (req, headers) => {
    const now = ctx.now()
    if (!last || now.getTime() - last.at >= REUSE_MS) last = { at: now.getTime(), health: serverHealth(req.payload, now) }
    const health = await last.health
    headers.set('Cache-Control', 'no-store')
    // A server that cannot reach its database is taken out of rotation; one whose queue lags still serves readers.
    return json(health, health.database ? 200 : 503, headers)
  })
}
