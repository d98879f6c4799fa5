import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'
import { APIError, AuthenticationError, type CollectionAfterErrorHook, type CollectionBeforeOperationHook, type CollectionSlug, type PayloadRequest } from 'payload'
import { clientKey } from '../api/clientAddress.js'
import type { EhkContext } from '../defaults.js'
import { normalizeEmail } from '../domain/contact.js'
import { sha256 } from '../lib/hash.js'
import { requestLang, throwIfViolations } from '../lib/violations.js'
import { checkPassword } from './passwords.js'

const pbkdf2Async = promisify(pbkdf2)

/**
 * The work Payload does to check a password (PBKDF2-SHA256, 600 000 rounds, as its current hashes),
 * done for nothing: an unknown or locked account then takes as long to refuse as a wrong password.
 * test/int/auth.test.ts compares the three, so a change of Payload's rounds shows.
 */
const checkNothing = (password: string) => pbkdf2Async(password, 'ehk-no-such-account', 600_000, 32, 'sha256')

const TOO_MANY = {
  sv: 'För många försök. Vänta en stund och försök igen.',
  en: 'Too many attempts. Wait a while and try again.',
}

const LOGIN_STARTED = 'ehk:loginStartedAt'

const isLocked = (lockUntil: unknown) => typeof lockUntil === 'string' && new Date(lockUntil).getTime() > Date.now()

/** The account an auth request is about, as the budget counts it: the e-mail given (existing or not) or the reset token. */
function accountOf(operation: string, data: Record<string, unknown> | undefined): string {
  if (operation === 'resetPassword') return `reset:${sha256(String(data?.token ?? ''))}`
  return `email:${normalizeEmail(String(data?.email ?? data?.username ?? ''))}`
}

/**
 * Guards the login, forgotten-password and reset-password endpoints of the auth collection:
 * - a budget per client address and per account (429 with Retry-After);
 * - an unknown e-mail and a locked account are refused exactly like a wrong password (same status,
 *   message and, within noise, time: see evenLoginRefusals), so that neither existence nor lock state shows;
 * - every new password (create, change, reset) keeps the password rules.
 * The Local API (our own code) is not limited.
 */
export const guardAuth =
  (ctx: EhkContext): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    const data = (args as { data?: Record<string, unknown> }).data
    if ((operation === 'create' || operation === 'update' || operation === 'resetPassword') && data?.password !== undefined) {
      await checkNewPassword(req, collection.slug, data, operation === 'update' ? (args as { id?: number | string }).id : undefined)
    }
    if (operation !== 'login' && operation !== 'forgotPassword' && operation !== 'resetPassword') return args
    if (req.payloadAPI === 'local') return args
    const wait = await ctx.clients.limiters.retryAfter(req.payload, [
      ['authAddress', clientKey(req, ctx.clients)],
      ['authAccount', accountOf(operation, data)],
    ])
    if (wait > 0) {
      req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
      throw new APIError(TOO_MANY[requestLang(req)], 429, undefined, true)
    }
    if (operation === 'login') {
      req.context[LOGIN_STARTED] = performance.now()
      await refuseUnknownOrLocked(req, collection.slug, data)
    }
    return args
  }

/**
 * Holds every refused login (wrong password, unknown or locked account) until the floor
 * (ctx.loginRefusalFloorMs after it arrived). The password check takes about the same time on every
 * path; what follows it (Payload counts a wrong password's attempt in the database) takes as long as
 * the database does, which would otherwise tell a known account from an unknown one.
 */
export const evenLoginRefusals =
  (ctx: EhkContext): CollectionAfterErrorHook =>
  async ({ error, req }) => {
    const started = req.context[LOGIN_STARTED]
    if (typeof started !== 'number' || !(error instanceof AuthenticationError)) return
    const wait = started + ctx.loginRefusalFloorMs - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }

async function refuseUnknownOrLocked(req: PayloadRequest, slug: CollectionSlug, data: Record<string, unknown> | undefined) {
  const email = typeof data?.email === 'string' ? normalizeEmail(data.email) : ''
  const password = typeof data?.password === 'string' ? data.password : ''
  if (!email || !password) return // Payload answers these itself (400, required fields)
  const user = await req.payload.db.findOne<{ id: number | string; lockUntil?: string | null }>({ collection: slug, where: { email: { equals: email } }, req })
  if (user && !isLocked(user.lockUntil)) return
  await checkNothing(password)
  throw new AuthenticationError(req.t)
}

async function checkNewPassword(req: PayloadRequest, slug: CollectionSlug, data: Record<string, unknown>, id?: number | string) {
  let person: { email?: unknown; name?: unknown } = data
  if (id !== undefined && (data.email === undefined || data.name === undefined)) {
    const existing = await req.payload.db.findOne<{ id: number | string; email?: string; name?: string }>({ collection: slug, where: { id: { equals: id } }, req })
    person = { email: data.email ?? existing?.email, name: data.name ?? existing?.name }
  }
  const problem = checkPassword(data.password, person)
  throwIfViolations(req, slug, problem ? [problem] : [])
}
