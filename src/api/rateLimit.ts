import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterMongo, type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'

export interface Limit {
  /** Requests allowed per client in each window. */
  points: number
  /** The window, in seconds. */
  duration: number
}

export interface RateLimits {
  submit: Limit
  read: Limit
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  submit: { points: 10, duration: 10 * 60 },
  read: { points: 300, duration: 60 },
}

/**
 * In memory for one app server; in MongoDB when the app runs on it, so that several app servers
 * share one limit per client.
 */
export function limiterFor(db: { name?: string; connection?: unknown }, keyPrefix: string, limit: Limit): RateLimiterAbstract {
  return db.name === 'mongoose' && db.connection
    ? new RateLimiterMongo({ storeClient: db.connection, tableName: 'ehk_rate_limits', keyPrefix, ...limit })
    : new RateLimiterMemory({ keyPrefix, ...limit })
}

export class Limiters {
  private made?: Record<keyof RateLimits, RateLimiterAbstract>

  constructor(private readonly limits: RateLimits) {}

  private make(payload: Payload): Record<keyof RateLimits, RateLimiterAbstract> {
    const db = payload.db as { name?: string; connection?: unknown }
    return { submit: limiterFor(db, 'ehk-submit', this.limits.submit), read: limiterFor(db, 'ehk-read', this.limits.read) }
  }

  /** Seconds to wait before trying again, or 0 when the request may go ahead. */
  async retryAfter(payload: Payload, kind: keyof RateLimits, client: string): Promise<number> {
    this.made ??= this.make(payload)
    try {
      await this.made[kind].consume(client)
      return 0
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      throw rejection
    }
  }
}

/**
 * The client's address: the last hop that Next.js (or the test server) appended to X-Forwarded-For,
 * skipping `proxyHops` trusted reverse proxies in front of the app. Earlier entries are the client's
 * own claims and never trusted.
 */
export function clientAddress(forwardedFor: string | null, proxyHops = 0): string {
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean)
  return hops[hops.length - 1 - proxyHops] ?? hops[0] ?? 'unknown'
}
