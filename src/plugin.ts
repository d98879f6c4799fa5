import { en } from '@payloadcms/translations/languages/en'
import { type CollectionConfig, type CollectionSlug, type Config, type PayloadRequest, type Plugin } from 'payload'
import { registerFastReads } from './api/fastReads.js'
import { createApiState, preflight, readEndpoints } from './api/publicApi.js'
import { healthEndpoint } from './api/health.js'
import { submissionEndpoints } from './api/submissions.js'
import { lockDocumentsAccess } from './auth/lockedDocuments.js'
import { applications } from './collections/applications/index.js'
import { awardYears } from './collections/awardYears/index.js'
import { criteria } from './collections/criteria/index.js'
import { history } from './collections/history/index.js'
import { jurors } from './collections/jurors/index.js'
import { MEDIA_MAX_BYTES, media } from './collections/media/index.js'
import { partners } from './collections/partners/index.js'
import { reviews } from './collections/reviews/index.js'
import { users, withRoles } from './collections/users/index.js'
import { type CollectionOverride, type EhkContext, type EhkPluginOptions, resolveOptions } from './defaults.js'
import { MAINTENANCE_QUEUE, tasks } from './jobs/index.js'
import { badQueryIsClientError, impossibleIdIsNotFound, impossibleValueIsClientError } from './lib/queryGuards.js'
import { roleOf } from './access/roles.js'
import { logMailAdapter } from './mail/local.js'
import { MAIL_QUEUE, outbox } from './mail/outbox.js'
import { ANNOUNCE_QUEUE } from './jury/bookkeeping.js'

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
    const own: CollectionConfig[] = [awardYears(ctx), criteria(ctx), applications(ctx), jurors(ctx), partners(ctx), reviews(ctx), history(ctx)]
    for (const collection of own) {
      if (existing.has(collection.slug)) throw new Error(`eHalsokommun: a collection with the slug "${collection.slug}" already exists; rename it with the plugin's "slugs" option.`)
    }
    if (!options.disabled && !config.serverURL) {
      throw new Error('eHalsokommun: set serverURL in the Payload config. Links in e-mails are built from it, never from the Host header of a request.')
    }
    const hostUsers = existing.get(ctx.slugs.users)
    const collections = (config.collections ?? []).map((c) => (c === hostUsers ? withRoles(c, ctx) : c))
    const added = [...(hostUsers ? [] : [users(ctx)]), ...(existing.has(ctx.slugs.media) ? [] : [media(ctx)]), ...own]
    const keyOf = new Map(Object.entries(ctx.slugs).map(([key, slug]) => [slug, key as keyof typeof ctx.slugs]))
    collections.push(...added.map((collection) => withOverride(collection, options.overrides?.[keyOf.get(collection.slug as CollectionSlug)!])))

    const api = createApiState(ctx)
    // Changes reach the public API at once: the origin list and the read cache are dropped (and other
    // app servers are told, through the change signal).
    const forgetOrigins = () => api.origins.clear()
    const forgetReads = ({ req }: { req: PayloadRequest }) => {
      api.reads.clear()
      void api.changes.bump().catch((err: unknown) => req.payload.logger.warn({ err, msg: 'ehk: the change signal was not written; other app servers follow within seconds anyway' }))
    }
    const publicContent = new Set<string>([ctx.slugs.awardYears, ctx.slugs.criteria, ctx.slugs.jurors, ctx.slugs.partners, ctx.slugs.media, ctx.slugs.applications])
    const withApiHooks = collections.map((collection) => {
      const hooks = [...(collection.slug === ctx.slugs.partners ? [forgetOrigins] : []), ...(publicContent.has(collection.slug) ? [forgetReads] : [])]
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [impossibleIdIsNotFound, impossibleValueIsClientError, ...(collection.hooks?.beforeOperation ?? [])],
          afterChange: [...(collection.hooks?.afterChange ?? []), ...hooks],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), ...hooks],
        },
      }
    })
    const reads = options.disabled ? [] : readEndpoints(ctx, api)
    const endpoints = options.disabled ? [] : [preflight(api), ...reads, ...submissionEndpoints(ctx, api), healthEndpoint(ctx, api)]

    return {
      ...config,
      collections: withApiHooks,
      endpoints: [...(config.endpoints ?? []), ...endpoints],
      upload: { ...config.upload, limits: { fileSize: MEDIA_MAX_BYTES, ...config.upload?.limits } },
      email: options.disabled ? config.email : outbox(config.email ?? logMailAdapter, ctx.now),
      jobs: options.disabled ? config.jobs : withJobs(config.jobs, ctx, options.autoRunJobs ?? true),
      admin: withJuryViews(config.admin),
      i18n: withUniformLoginRefusal(config.i18n),
      hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), badQueryIsClientError] },
      onInit: async (payload) => {
        lockDocumentsAccess(payload, ctx)
        api.changes.payload = payload
        // The light path for the public reads, for the app's own server (server.mjs) to use.
        if (!options.disabled) registerFastReads(payload, reads)
        await config.onInit?.(payload)
      },
      custom: { ...config.custom, eHalsokommun: ctx satisfies EhkContext },
    }
  }

/** A host project's override of one of the plugin's collections (see CollectionOverride). */
function withOverride(collection: CollectionConfig, override: CollectionOverride | undefined): CollectionConfig {
  if (!override) return collection
  const hooks = { ...collection.hooks }
  for (const [kind, added] of Object.entries(override.hooks ?? {}) as Array<[keyof NonNullable<CollectionConfig['hooks']>, unknown[]]>) {
    ;(hooks as Record<string, unknown[]>)[kind] = [...((collection.hooks?.[kind] as unknown[] | undefined) ?? []), ...(added ?? [])]
  }
  return {
    ...collection,
    fields: override.fields ? override.fields({ defaultFields: collection.fields }) : collection.fields,
    hooks,
    access: { ...collection.access, ...override.access },
    admin: { ...collection.admin, ...override.admin },
  }
}

/** The plugin's tasks, run by the app's own process: e-mail at once (and retried), maintenance on schedule. */
function withJobs(jobs: Config['jobs'], ctx: EhkContext, autoRun: boolean): Config['jobs'] {
  const ours = autoRun
    ? [
        { cron: '*/15 * * * * *', queue: MAIL_QUEUE, limit: 20 },
        { cron: '* * * * *', queue: MAINTENANCE_QUEUE },
        // The announcement's bookkeeping within seconds of its instant (the winner itself is public from the instant on).
        { cron: '*/2 * * * * *', queue: ANNOUNCE_QUEUE },
      ]
    : []
  const hostAutoRun = jobs?.autoRun
  return {
    ...jobs,
    tasks: [...(jobs?.tasks ?? []), ...tasks(ctx)],
    autoRun: async (payload) => [...(typeof hostAutoRun === 'function' ? await hostAutoRun(payload) : (hostAutoRun ?? [])), ...ours],
    // Payload's default lets any logged-in user queue, run and cancel jobs through its API.
    access: { queue: () => false, run: isAdminRequest, cancel: isAdminRequest, ...jobs?.access },
    deleteJobOnComplete: jobs?.deleteJobOnComplete ?? true,
  }
}

const isAdminRequest = ({ req }: { req: PayloadRequest }) => roleOf(req) === 'admin'

/**
 * The jury's own pages in the admin: the work list (/admin/jury), a year's jury board
 * (/admin/jury/:year) and the printable application (/admin/jury/utskrift/:id), with a link in
 * the navigation.
 */
function withJuryViews(admin: Config['admin']): Config['admin'] {
  const view = (Component: string, path: `/${string}`) => ({ Component, path, exact: true })
  return {
    ...admin,
    components: {
      ...admin?.components,
      afterNavLinks: [...(admin?.components?.afterNavLinks ?? []), '/admin/jury/NavLink#JuryNavLink'],
      // The start page: what each person needs to know and do now, above Payload's collection cards.
      beforeDashboard: [...(admin?.components?.beforeDashboard ?? []), '/admin/dashboard/Dashboard#Dashboard'],
      views: {
        ...admin?.components?.views,
        ehkJuryWork: view('/admin/jury/JuryWorkView#JuryWorkView', '/jury'),
        ehkJuryPrint: view('/admin/jury/PrintView#PrintView', '/jury/utskrift/:id'),
        ehkJuryBoard: view('/admin/jury/JuryBoardView#JuryBoardView', '/jury/:year'),
      },
    },
  }
}

/**
 * A locked account is refused with the same words as a wrong password (and, through the login
 * guard, in the same time), so that a refusal tells nobody whether an account exists or is locked.
 */
function withUniformLoginRefusal(i18n: Config['i18n']): Config['i18n'] {
  const languages = Object.entries(i18n?.supportedLanguages ?? { en }) as Array<[string, { translations: { error: { emailOrPasswordIncorrect: string } } }]>
  const translations: Record<string, unknown> = { ...i18n?.translations }
  for (const [code, language] of languages) {
    const own = (translations[code] ?? {}) as { error?: Record<string, string> }
    translations[code] = { ...own, error: { ...own.error, userLocked: language.translations.error.emailOrPasswordIncorrect } }
  }
  return { ...i18n, translations: translations as NonNullable<Config['i18n']>['translations'] }
}
