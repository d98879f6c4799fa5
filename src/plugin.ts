import type { CollectionConfig, Config, PayloadRequest, Plugin } from 'payload'
import { applications } from './collections/applications/index.js'
import { awardYears } from './collections/awardYears/index.js'
import { criteria } from './collections/criteria/index.js'
import { jurors } from './collections/jurors/index.js'
import { MEDIA_MAX_BYTES, media } from './collections/media/index.js'
import { partners } from './collections/partners/index.js'
import { reviews } from './collections/reviews/index.js'
import { users, withRoles } from './collections/users/index.js'
import { createApiState, preflight, readEndpoints } from './api/publicApi.js'
import { submissionEndpoints } from './api/submissions.js'
import { type EhkContext, type EhkPluginOptions, resolveOptions } from './defaults.js'

/**
 * Sveriges eHälsokommun as a Payload plugin: `plugins: [eHalsokommun({ ... })]`.
 * Adds the award's collections; extends an existing auth or upload collection of the same slug
 * instead of replacing it.
 */
export const eHalsokommun =
  (options: EhkPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const ctx = resolveOptions(options)
    const existing = new Map((config.collections ?? []).map((c) => [c.slug, c]))
    const own: CollectionConfig[] = [awardYears(ctx), criteria(ctx), applications(ctx), jurors(ctx), partners(ctx), reviews(ctx)]
    for (const collection of own) {
      if (existing.has(collection.slug)) throw new Error(`eHalsokommun: a collection with the slug "${collection.slug}" already exists; rename it with the plugin's "slugs" option.`)
    }
    const hostUsers = existing.get(ctx.slugs.users)
    const collections = (config.collections ?? []).map((c) => (c === hostUsers ? withRoles(c) : c))
    if (!hostUsers) collections.push(users(ctx))
    if (!existing.has(ctx.slugs.media)) collections.push(media(ctx))
    collections.push(...own)

    const api = createApiState(ctx, options.api)
    // Changes reach the public API at once: the origin list and the read cache are dropped.
    const forgetOrigins = () => api.origins.clear()
    const forgetReads = () => api.reads.clear()
    const publicContent = new Set<string>([ctx.slugs.awardYears, ctx.slugs.criteria, ctx.slugs.jurors, ctx.slugs.partners, ctx.slugs.media, ctx.slugs.applications])
    const withApiHooks = collections.map((collection) => {
      const hooks = [...(collection.slug === ctx.slugs.partners ? [forgetOrigins] : []), ...(publicContent.has(collection.slug) ? [forgetReads] : [])]
      if (hooks.length === 0) return collection
      return {
        ...collection,
        hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), ...hooks], afterDelete: [...(collection.hooks?.afterDelete ?? []), ...hooks] },
      }
    })
    const editUrl = options.api?.editUrl ?? defaultEditUrl
    const endpoints = options.disabled
      ? []
      : [preflight(api), ...readEndpoints(ctx, api), ...submissionEndpoints(ctx, api, { editUrl })]

    return {
      ...config,
      collections: withApiHooks,
      endpoints: [...(config.endpoints ?? []), ...endpoints],
      upload: { ...config.upload, limits: { fileSize: MEDIA_MAX_BYTES, ...config.upload?.limits } },
      custom: { ...config.custom, eHalsokommun: ctx satisfies EhkContext },
    }
  }

/** The CMS's application page, with the token in the fragment so that it never reaches a server log. */
function defaultEditUrl(token: string, req: PayloadRequest): string {
  const base = req.payload.config.serverURL || new URL(req.url ?? 'http://localhost:3000').origin
  return `${base}/ansokan#redigera=${token}`
}
