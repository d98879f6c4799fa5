import type { Limit, RateLimits } from '../api/rateLimit.js'
import type { PublicApiOptions } from '../defaults.js'

type Env = Record<string, string | undefined>

/** "points/seconds", e.g. "300/60": 300 requests per client per minute. */
function parseLimit(name: string, value: string | undefined): Limit | undefined {
  if (!value) return undefined
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`${name} must look like "300/60" (requests/seconds), not "${value}"`)
  return { points: Number(match[1]), duration: Number(match[2]) }
}

const SETTINGS: Record<keyof RateLimits, string> = {
  read: 'RATE_LIMIT_READ',
  submit: 'RATE_LIMIT_SUBMIT',
  authAddress: 'RATE_LIMIT_LOGIN',
  authAccount: 'RATE_LIMIT_LOGIN_ACCOUNT',
}

/**
 * The operator's settings for the public API and the login endpoints: the rate limits
 * ("requests/seconds") and TRUSTED_PROXY_HOPS (reverse proxies in front of the app that append to
 * X-Forwarded-For; 0 when clients connect to the app directly).
 */
export function apiOptionsFromEnv(env: Env = process.env): PublicApiOptions {
  const rateLimits: Partial<RateLimits> = {}
  for (const [kind, name] of Object.entries(SETTINGS) as Array<[keyof RateLimits, string]>) {
    const limit = parseLimit(name, env[name])
    if (limit) rateLimits[kind] = limit
  }
  const hops = env.TRUSTED_PROXY_HOPS ? Number(env.TRUSTED_PROXY_HOPS) : undefined
  if (hops !== undefined && !(Number.isInteger(hops) && hops >= 0 && hops <= 10)) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${env.TRUSTED_PROXY_HOPS}"`)
  return { rateLimits, ...(hops !== undefined && { proxyHops: hops }) }
}
