import { en } from '@payloadcms/translations/languages/en'
import {
  type AfterErrorHook,
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type CollectionSlug,
  type Config,
  type FlattenedField,
  NotFound,
  type PayloadRequest,
  type Plugin,
  type Where,
} from 'payload'
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
import { parseDocumentId } from './lib/ids.js'
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

/**
 * A query the database cannot run because of what the client wrote in it (a date that is no date,
 * `limit=3.7`, an id list with a word in it) is the client's error: 400, not 500. The log still has it.
 */
const INVALID_QUERY = 'Ogiltigt värde i frågan / invalid value in the query (where, limit, page, sort).'
const badQueryIsClientError: AfterErrorHook = ({ error }) => {
  const causes = [error, (error as { cause?: unknown }).cause].map((e) => `${(e as Error)?.name ?? ''}: ${(e as Error)?.message ?? ''}`).join(' | ')
  const badValue = /Only finite numbers|cannot be passed as argument|datatype mismatch|CastError|BSONError|Cast to \w+ failed|input must be a 24 character hex/i.test(causes)
  if (!badValue || !/Failed query|CastError|BSON/i.test(causes)) return
  return { response: { errors: [{ message: INVALID_QUERY }] }, status: 400 }
}

type ValueCheck = (value: unknown) => boolean
/**
 * For the field types whose query values the databases read differently: whether a value is
 * impossible. An empty value is left to Payload (the admin's filters send one while being filled in).
 */
const IMPOSSIBLE: Partial<Record<FlattenedField['type'], ValueCheck>> = {
  date: (value) => ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') && Number.isNaN(new Date(value).getTime()),
  number: (value) => typeof value === 'string' && value.trim() !== '' && !Number.isFinite(Number(value)),
}

/** The dotted paths of a collection's date and number fields, as a query names them, with their check. */
const typedPaths = (fields: FlattenedField[], prefix = ''): Array<[string, ValueCheck]> =>
  fields.flatMap((field): Array<[string, ValueCheck]> => {
    const check = IMPOSSIBLE[field.type]
    if (check) return [[`${prefix}${field.name}`, check]]
    return 'flattenedFields' in field && Array.isArray(field.flattenedFields) ? typedPaths(field.flattenedFields, `${prefix}${field.name}.`) : []
  })
const typedPathsOf = new WeakMap<object, Map<string, ValueCheck>>()

/** Whether a query compares a date or number field with something of another kind (`exists` takes a boolean). */
function comparesWithImpossibleValue(where: Where, paths: Map<string, ValueCheck>): boolean {
  return Object.entries(where).some(([key, condition]) => {
    if (key === 'and' || key === 'or') return Array.isArray(condition) && condition.some((part) => comparesWithImpossibleValue(part as Where, paths))
    const impossible = paths.get(key)
    if (!impossible || !condition || typeof condition !== 'object') return false
    return Object.entries(condition).some(
      ([operator, value]) => operator !== 'exists' && (typeof value === 'string' && /^(in|not_in|all)$/.test(operator) ? value.split(',') : [value].flat()).some(impossible),
    )
  })
}

/**
 * A query that compares a date with something that is no date, or a number with a word, is the
 * client's error on every database: 400. Left to the databases, SQLite refuses the one and answers the
 * other, and MongoDB's adapter refuses the other and quietly drops the one (answering with more than
 * was asked for).
 */
const impossibleValueIsClientError: CollectionBeforeOperationHook = ({ args, collection }) => {
  const where = (args as { where?: Where }).where
  if (!where) return args
  let paths = typedPathsOf.get(collection)
  if (!paths) typedPathsOf.set(collection, (paths = new Map(typedPaths(collection.flattenedFields))))
  if (comparesWithImpossibleValue(where, paths)) throw new APIError(INVALID_QUERY, 400, undefined, true)
  return args
}

/**
 * A document id that cannot exist in this database (a word where ids are numbers, say) is simply
 * not found: 404, instead of a query the database refuses with a 500.
 */
const impossibleIdIsNotFound: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && parseDocumentId(req.payload, id) === undefined) throw new NotFound(req.t)
  return args
}
