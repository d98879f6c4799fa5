import type { CollectionSlug, PayloadRequest } from 'payload'
import type { PublicApiOptions } from './api/publicApi.js'
import { DEFAULT_CHARACTER_LIMIT } from './domain/application.js'
import { type Clock, systemClock } from './domain/time.js'

export const defaultSlugs = {
  awardYears: 'award-years',
  criteria: 'criteria',
  applications: 'applications',
  jurors: 'jurors',
  partners: 'partners',
  reviews: 'reviews',
  users: 'users',
  media: 'media',
} as const

/** Typed as the host's collection slugs: a host that renames them has the new names in its generated types. */
export type Slugs = { [K in keyof typeof defaultSlugs]: CollectionSlug }

export interface EhkPluginOptions {
  /** Rename any of the plugin's collections, e.g. `{ users: 'admins' }` to extend an existing auth collection. */
  slugs?: Partial<Record<keyof Slugs, string>>
  /** Character limit of a new award year (default 12 000). */
  defaultCharacterLimit?: number
  /** The clock that deadlines, embargoes and jurors' access are checked against. For tests. */
  clock?: Clock
  /** The public widget API: rate limits, trusted proxies, and where the edit link in the e-mail points. */
  api?: PublicApiOptions & { editUrl?: (token: string, req: PayloadRequest) => string }
  /** Keep the collections (and the database schema) but leave out endpoints and hooks that act on their own. */
  disabled?: boolean
}

/** The resolved options that collections, access rules and hooks receive. */
export interface EhkContext {
  slugs: Slugs
  defaultCharacterLimit: number
  now: Clock
}

export function resolveOptions(options: EhkPluginOptions = {}): EhkContext {
  return {
    slugs: { ...defaultSlugs, ...options.slugs } as Slugs,
    defaultCharacterLimit: options.defaultCharacterLimit ?? DEFAULT_CHARACTER_LIMIT,
    now: options.clock ?? systemClock,
  }
}

export const ROLES = ['admin', 'editor', 'juror'] as const
export type Role = (typeof ROLES)[number]
