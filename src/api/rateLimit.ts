import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterMongo, type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'
import { mongoOf } from '../lib/mongo.js'

export interface Limit {
  /** Requests allowed per key in each window. */
  points: number
  /** The window, in seconds. */
  duration: number
}

export interface RateLimits {
  /** Every request to the public API, per client address. */
  read: Limit
  /** Valid submissions, edits, confirmations and link requests, per client address. */
  submit: Limit
  /** Logins, forgotten and reset passwords, per client address. */
  authAddress: Limit
  /** The same, per account (the e-mail address or reset token given, whether or not it exists). */
  authAccount: Limit
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  read: { points: 300, duration: 60 },
  submit: { points: 10, duration: 10 * 60 },
  authAddress: { points: 30, duration: 15 * 60 },
  authAccount: { points: 10, duration: 15 * 60 },
}

/** The key for requests whose client cannot be told apart (the app was not started by server.mjs): they share one budget. */
export const UNKNOWN_CLIENT = 'unknown'

/**
 * In memory for one app server; in MongoDB when the app runs on it, so that several app servers
 * share one limit per client.
 */
export function limiterFor(db: unknown, keyPrefix: string, limit: Limit): RateLimiterAbstract {
  const mongo = mongoOf(db)
  return mongo ? new RateLimiterMongo({ storeClient: mongo.connection, tableName: 'ehk_rate_limits', keyPrefix, ...limit }) : new RateLimiterMemory({ keyPrefix, ...limit })
}

export class Limiters {
  private made?: Record<keyof RateLimits, RateLimiterAbstract>

  constructor(private readonly limits: RateLimits) {}

  private make(payload: Payload): Record<keyof RateLimits, RateLimiterAbstract> {
    const made = {} as Record<keyof RateLimits, RateLimiterAbstract>
    for (const kind of Object.keys(this.limits) as Array<keyof RateLimits>) made[kind] = limiterFor(payload.db, `ehk-${kind}`, this.limits[kind])
    return made
  }

  /**
   * Spends one point of each budget in turn: the seconds to wait before trying again, or 0 when the
   * request may go ahead. A refused request spends nothing from the budgets after the one that refused it.
   */
  async retryAfter(payload: Payload, spends: ReadonlyArray<[kind: keyof RateLimits, key: string]>): Promise<number> {
    this.made ??= this.make(payload)
    for (const [kind, key] of spends) {
      try {
        await this.made[kind].consume(key)
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      }
    }
    return 0
  }
}
