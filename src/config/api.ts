import type { PublicApiOptions } from '../api/publicApi.js'
import type { Limit } from '../api/rateLimit.js'

type Env = Record<string, string | undefined>

/** "points/seconds", e.g. "300/60": 300 requests per client per minute. */
function parseLimit(name: string, value: string | undefined): Limit | undefined {
  if (!value) return undefined
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`${name} must look like "300/60" (requests/seconds), not "${value}"`)
  return { points: Number(match[1]), duration: Number(match[2]) }
}

/**
 * The public API's operator settings: RATE_LIMIT_READ and RATE_LIMIT_SUBMIT ("requests/seconds" per
 * client address) and TRUSTED_PROXY_HOPS (reverse proxies in front of the app whose
 * X-Forwarded-For entries are trusted).
 */
export function apiOptionsFromEnv(env: Env = process.env): PublicApiOptions {
  const read = parseLimit('RATE_LIMIT_READ', env.RATE_LIMIT_READ)
  const submit = parseLimit('RATE_LIMIT_SUBMIT', env.RATE_LIMIT_SUBMIT)
  const hops = env.TRUSTED_PROXY_HOPS ? Number(env.TRUSTED_PROXY_HOPS) : undefined
  if (hops !== undefined && !(Number.isInteger(hops) && hops >= 0)) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number, not "${env.TRUSTED_PROXY_HOPS}"`)
  return { rateLimits: { ...(read && { read }), ...(submit && { submit }) }, ...(hops !== undefined && { proxyHops: hops }) }
}
