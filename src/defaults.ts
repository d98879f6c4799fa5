import type { CollectionConfig, CollectionSlug, Field } from 'payload'
import { DEFAULT_RATE_LIMITS, Limiters, type RateLimits } from './api/rateLimit.js'
import { DEFAULT_CHARACTER_LIMIT } from './domain/application.js'
import { type Clock, systemClock } from './domain/time.js'

/** A refused login's least time by default (see EhkPluginOptions.loginRefusalFloorMs). */
export const LOGIN_REFUSAL_FLOOR_MS = 1_000

export const defaultSlugs = {
  awardYears: 'award-years',
  criteria: 'criteria',
  applications: 'applications',
  jurors: 'jurors',
  partners: 'partners',
  reviews: 'reviews',
  users: 'users',
  media: 'media',
  history: 'history',
} as const

/** Typed as the host's collection slugs: a host that renames them has the new names in its generated types. */
export type Slugs = { [K in keyof typeof defaultSlugs]: CollectionSlug }

export interface PublicApiOptions {
  rateLimits?: Partial<RateLimits>
  /** Reverse proxies in front of the app that append to X-Forwarded-For (default 0: none). */
  proxyHops?: number
}

/**
 * A host project's changes to one of the plugin's collections, as @payloadcms/plugin-form-builder
 * offers them: its own fields (given ours), hooks that run after ours, access rules that replace
 * ours operation by operation, and admin options.
 */
export interface CollectionOverride {
  fields?: (args: { defaultFields: Field[] }) => Field[]
  hooks?: CollectionConfig['hooks']
  access?: CollectionConfig['access']
  admin?: CollectionConfig['admin']
}

export interface EhkPluginOptions {
  /**
   * Per collection (by its key in `slugs`): fields added or changed, hooks appended, access
   * replaced. A replaced access rule is the host's to get right: ours deny by default.
   */
  overrides?: Partial<Record<keyof Slugs, CollectionOverride>>
  /** Rename any of the plugin's collections, e.g. `{ users: 'admins' }` to extend an existing auth collection. */
  slugs?: Partial<Record<keyof Slugs, string>>
  /** Character limit of a new award year (default 12 000). */
  defaultCharacterLimit?: number
  /** The clock that deadlines, embargoes and jurors' access are checked against. For tests. */
  clock?: Clock
  /** The public widget API and the login endpoints: rate limits and trusted proxies. */
  api?: PublicApiOptions
  /** Send the login cookie only over HTTPS (set in production). SameSite is always Strict. */
  secureCookies?: boolean
  /**
   * A refused login is answered no sooner than this many milliseconds after it arrived (default
   * 1000), so that its time tells no known account from an unknown one. Tests set 0.
   */
  loginRefusalFloorMs?: number
  /**
   * The page that opens the private links in e-mails (confirm, edit), as a path on the server URL or
   * an absolute URL; the token travels in its fragment. Default `/ansokan`, the app's page with the form.
   */
  applicantPage?: string
  /** Run the plugin's jobs (e-mail, expiry, retention) in this process on their schedule (default true; tests run them by hand). */
  autoRunJobs?: boolean
  /** Keep the collections (and the database schema) but leave out endpoints, jobs and hooks that act on their own. */
  disabled?: boolean
}

/** Per app server: who the client is and how much it may still do. */
export interface ClientLimits {
  limiters: Limiters
  proxyHops: number
}

/** The resolved options that collections, access rules, hooks and endpoints receive. */
export interface EhkContext {
  slugs: Slugs
  defaultCharacterLimit: number
  now: Clock
  clients: ClientLimits
  secureCookies: boolean
  loginRefusalFloorMs: number
  applicantPage: string
}

export function resolveOptions(options: EhkPluginOptions = {}): EhkContext {
  return {
    slugs: { ...defaultSlugs, ...options.slugs } as Slugs,
    defaultCharacterLimit: options.defaultCharacterLimit ?? DEFAULT_CHARACTER_LIMIT,
    now: options.clock ?? systemClock,
    clients: {
      limiters: new Limiters({ ...DEFAULT_RATE_LIMITS, ...options.api?.rateLimits }),
      proxyHops: options.api?.proxyHops ?? 0,
    },
    secureCookies: options.secureCookies ?? false,
    loginRefusalFloorMs: options.loginRefusalFloorMs ?? LOGIN_REFUSAL_FLOOR_MS,
    applicantPage: options.applicantPage ?? '/ansokan',
  }
}

export const ROLES = ['admin', 'editor', 'juror'] as const
export type Role = (typeof ROLES)[number]
