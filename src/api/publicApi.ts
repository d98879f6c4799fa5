import { randomUUID } from 'node:crypto'
import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import type { EhkContext } from '../defaults.js'
import { publicFinalistYears, publicWinnerYears, publishedYears, roundApplications, upcomingAnnouncements } from '../domain/lifecycle.js'
import { MUNICIPALITIES } from '../domain/municipalities.js'
import { normalizeOrigin } from '../lib/origins.js'
import { idOf } from '../lib/relations.js'
import { clientKey } from './clientAddress.js'
import { ALLOWED_REQUEST_HEADERS, API_PREFIX, cachedJson, corsHeaders, type CorsDecision, langOf, problem } from './http.js'
import { AllowedOrigins } from './origins.js'
import { PREVIEW_HEADER, previewYear } from './preview.js'
import { KeyedLock } from '../lib/keyedLock.js'
import { type ChangeSignal, ReadCache } from './readCache.js'
import { publicFinalists, publicJuror, publicPartner, publicWinner, publicYear, type JuryView, type WinnersView } from './publicViews.js'
import { asDoc, asDocs, type JurorDoc, type PartnerDoc, type YearDoc } from '../types.js'
import type { RateLimits } from './rateLimit.js'
import { countParam, yearParam } from './params.js'

/** State the API keeps per app server: the origin list and the read cache (rate limits live in the context). */
export interface PublicApiState {
  ctx: EhkContext
  origins: AllowedOrigins
  reads: ReadCache
  /** The public content's change stamp, shared by the app servers (see ReadCache). */
  changes: SharedChanges
  /** Submissions with the same idempotency key, one at a time. */
  submitting: KeyedLock
}

/** Where the stamp lives: Payload's key-value store, in the app's database. */
const CHANGES_KEY = 'ehk:public-content-changed'

/**
 * The change signal in Payload's key-value store, for the Payload instance it is attached to (on
 * init): every change to public content writes a new stamp (`bump`), and each server reads it while
 * it serves (`moved`). A stamp this server wrote itself is no news to it (its views were dropped with
 * the change). A bump is written outside the change's transaction and without waiting for it (on
 * SQLite it waits for the change to commit); bumps asked for while one is written make one more.
 */
export class SharedChanges implements ChangeSignal {
  payload?: Payload
  /** The stamp's nonce as this server last read or wrote it. */
  private last: string | null = null
  private writing?: Promise<void>
  private again = false

  async moved(): Promise<boolean> {
    if (!this.payload) return false
    const nonce = (await this.payload.kv.get<{ nonce?: string }>(CHANGES_KEY))?.nonce ?? null
    const moved = nonce !== this.last
    this.last = nonce
    return moved
  }

  bump(): Promise<void> {
    if (this.writing) {
      this.again = true
      return this.writing
    }
    const write = async (): Promise<void> => {
      do {
        this.again = false
        const nonce = randomUUID()
        await this.payload?.kv.set(CHANGES_KEY, { at: new Date().toISOString(), nonce })
        this.last = nonce
      } while (this.again)
    }
    this.writing = write().finally(() => (this.writing = undefined))
    return this.writing
  }
}

/** Under traffic a view is made again every five seconds even without a signal (see ReadCache). */
const REFRESH_MS = 5_000

export function createApiState(ctx: EhkContext): PublicApiState {
  const changes = new SharedChanges()
  return { ctx, origins: new AllowedOrigins(ctx.slugs), reads: new ReadCache(ctx.now, 1000, 10_000, { signal: changes, refreshMs: REFRESH_MS }), changes, submitting: new KeyedLock() }
}

/** The most winners (and years of finalists) one read gives. */
const MAX_WINNERS = 50

const MESSAGES = {
  origin: { sv: 'Den här webbplatsen får inte använda tjänsten.', en: 'This website may not use the service.' },
  rate: { sv: 'För många förfrågningar. Försök igen om en stund.', en: 'Too many requests. Please try again shortly.' },
  noYear: { sv: 'Det finns inget publicerat utmärkelseår.', en: 'There is no published award year.' },
  unknownYear: { sv: 'Året finns inte eller är inte publicerat.', en: 'The year does not exist or is not published.' },
  previewRefused: {
    sv: 'Förhandsvisningslänken är ogiltig eller har gått ut. Öppna en ny från året i administrationen.',
    en: 'The preview link is invalid or has expired. Open a new one from the year in the admin.',
  },
  internal: { sv: 'Något gick fel hos oss. Försök igen.', en: 'Something went wrong on our side. Please try again.' },
  badQuery: { sv: 'Frågan innehåller fel.', en: 'The query has errors.' },
  badLimit: { sv: `Ange ett heltal från 1 till ${MAX_WINNERS}.`, en: `Give a whole number from 1 to ${MAX_WINNERS}.` },
  badYear: { sv: 'Ange ett år med fyra siffror, till exempel 2027.', en: 'Give a year in four digits, such as 2027.' },
}

/**
 * Whether a browser's Origin is the CMS itself: SERVER_URL when set, or the host the request was
 * sent to (a page on another site cannot make a browser send our Host with its own Origin). Behind
 * trusted proxies, the host they forward.
 */
function isOwnOrigin(req: PayloadRequest, state: PublicApiState, origin: string): boolean {
  if (origin === normalizeOrigin(req.payload.config.serverURL)) return true
  const host = (state.ctx.clients.proxyHops > 0 && req.headers.get('x-forwarded-host')) || req.headers.get('host')
  return !!host && new URL(origin).host === host.toLowerCase()
}

export async function decideCors(req: PayloadRequest, state: PublicApiState): Promise<CorsDecision & { partner?: number | string }> {
  const origin = req.headers.get('origin')
  if (!origin) return { refused: false }
  const normalized = normalizeOrigin(origin)
  if (normalized && isOwnOrigin(req, state, normalized)) return { allow: origin, refused: false }
  const partner = normalized ? await state.origins.partnerFor(req.payload, normalized) : undefined
  return partner === undefined ? { refused: true } : { allow: origin, refused: false, partner }
}

type Handler = (req: PayloadRequest, headers: Headers, cors: CorsDecision & { partner?: number | string }) => Promise<Response>

/**
 * Spends one of the client's requests of a kind: undefined when it may go ahead, else the 429 to
 * send (with Retry-After).
 */
export async function spend(req: PayloadRequest, state: PublicApiState, kind: keyof RateLimits, headers: Headers): Promise<Response | undefined> {
  const { clients } = state.ctx
  const wait = await clients.limiters.retryAfter(req.payload, [[kind, clientKey(req, clients)]])
  if (wait === 0) return undefined
  headers.set('Retry-After', String(wait))
  return problem(429, MESSAGES.rate[langOf(req)], headers)
}

/**
 * Every public endpoint: CORS per partner origin, the per-client read budget, and errors as JSON in
 * the reader's language. Reads by browsers on origins not listed get no CORS headers (the browser
 * then withholds the answer); writes from them are refused outright. Submissions also spend from
 * the smaller submission budget, but only once they are valid (see submissions.ts), so that
 * correcting a refused form costs the applicant nothing.
 */
export function publicEndpoint(state: PublicApiState, method: 'get' | 'post' | 'patch', path: string, handler: Handler): Endpoint {
  return {
    method,
    path: `${API_PREFIX}${path}`,
    handler: async (req) => {
      const cors = await decideCors(req, state)
      const headers = corsHeaders(cors)
      const lang = langOf(req)
      if (cors.refused && method !== 'get') return problem(403, MESSAGES.origin[lang], headers)
      const limited = await spend(req, state, 'read', headers)
      if (limited) return limited
      try {
        return await handler(req, headers, cors)
      } catch (error) {
        req.payload.logger.error({ err: error, msg: `ehk public API ${method.toUpperCase()} ${path}` })
        return problem(500, MESSAGES.internal[lang], headers)
      }
    },
  }
}

/** Preflight for every path under the prefix: allowed origins only. */
export function preflight(state: PublicApiState): Endpoint {
  return {
    method: 'options',
    path: `${API_PREFIX}/:path*`,
    handler: async (req) => {
      const cors = await decideCors(req, state)
      const headers = corsHeaders(cors)
      if (cors.allow) {
        headers.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, OPTIONS')
        headers.set('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS)
        headers.set('Access-Control-Max-Age', '600')
      }
      return new Response(null, { status: cors.allow ? 204 : 403, headers })
    },
  }
}

const PUBLISHED: Where = publishedYears

/** When a winners view stops being true by itself: the next winner's instant. */
const winnerBecomesPublic = (view: WinnersView): Date | undefined => (view.nextAnnouncementAt ? new Date(view.nextAnnouncementAt) : undefined)

/** Fixed for the life of the server: built (and serialised) once. */
const MUNICIPALITY_LIST = { municipalities: MUNICIPALITIES.map(({ code, name, shortName, county }) => ({ code, name, shortName, county })) }

export function readEndpoints(ctx: EhkContext, state: PublicApiState): Endpoint[] {
  const { slugs } = ctx
  // Reads run as the public would (overrideAccess: false, no user): the embargo and the draft rule
  // apply as a second guard behind the field-by-field public views.
  // Joins (the history, a year's jury) are never part of a public view: not even queried.
  // (`joins: false` is typed per collection, which a host-named slug is not: see src/types.ts.)
  const asPublic = { overrideAccess: false, user: null, joins: false as never } as const

  /** The latest year that `where` selects, read as the public would (or, for a preview, as the system). */
  async function findYear(req: PayloadRequest, where: Where, access: { overrideAccess: boolean } = asPublic) {
    const { docs: found } = await req.payload.find({ collection: slugs.awardYears, where, depth: 1, limit: 1, sort: '-year', ...asPublic, ...access })
    return asDoc<YearDoc | undefined>(found[0])
  }

  /** A year's public view at `now`, or undefined when it is not published. */
  const yearView = (key: string, where: () => Promise<YearDoc | undefined>) =>
    state.reads.get(key, async () => {
      const year = await where()
      return year && publicYear(year, ctx.now())
    })
  /** The current year: the open one, else the latest published. */
  const current = async (req: PayloadRequest) => (await findYear(req, { status: { equals: 'open' } })) ?? (await findYear(req, PUBLISHED))
  const published = (req: PayloadRequest, number: number) => findYear(req, { and: [PUBLISHED, { year: { equals: number } }] })

  /**
   * The year a preview link opens (PREVIEW_HEADER): its number when the token is valid for the year
   * in the path, 'refused' when a token is sent that is not, undefined without one.
   */
  const previewOf = (req: PayloadRequest): number | 'refused' | undefined => {
    const token = req.headers.get(PREVIEW_HEADER)
    if (token === null) return undefined
    const year = previewYear(req.payload.secret, token, ctx.now())
    return year !== undefined && String(year) === req.routeParams?.year ? year : 'refused'
  }
  /** A year as its preview shows it: draft or not, never cached (the answer is private). */
  const previewed = (req: PayloadRequest, year: number) => findYear(req, { year: { equals: year } }, { overrideAccess: true })

  /** A year's jury and partners, read with the public's access (or, for a preview, the system's). */
  async function juryOf(req: PayloadRequest, year: YearDoc, access: { overrideAccess: boolean; user?: null }): Promise<JuryView> {
    const [jurors, partners] = await Promise.all([
      req.payload.find({ collection: slugs.jurors, where: { years: { contains: year.id } }, depth: 1, pagination: false, sort: 'name', joins: false as never, ...access }),
      req.payload.find({ collection: slugs.partners, where: { id: { in: (year.partners ?? []).map(idOf) } }, depth: 1, pagination: false, joins: false as never, ...access }),
    ])
    // In the order the editors gave the year's partners.
    const order = (year.partners ?? []).map((p) => String(idOf(p)))
    const ordered = asDocs<PartnerDoc>(partners.docs).sort((a, b) => order.indexOf(String(a.id)) - order.indexOf(String(b.id)))
    return { year: year.year, jury: asDocs<JurorDoc>(jurors.docs).map(publicJuror), partners: ordered.map(publicPartner) }
  }

  /** A year's public jury and partners, or undefined when the year is not published. */
  const juryView = (req: PayloadRequest, key: string, where: () => Promise<YearDoc | undefined>) =>
    state.reads.get(key, async (): Promise<JuryView | undefined> => {
      const year = await where()
      return year && juryOf(req, year, { overrideAccess: false, user: null })
    })

  return [
    publicEndpoint(state, 'get', '/years/current', async (req, headers) => {
      const view = await yearView('years/current', () => current(req))
      if (!view) return problem(404, MESSAGES.noYear[langOf(req)], headers)
      return cachedJson(req, view, headers, ctx.now())
    }),
    publicEndpoint(state, 'get', '/years/:year', async (req, headers) => {
      const preview = previewOf(req)
      if (preview === 'refused') return problem(403, MESSAGES.previewRefused[langOf(req)], headers)
      // A year is four digits; anything else is no year (and no entry in the read cache).
      const number = yearParam(req.routeParams?.year as string | undefined)
      const view = preview ? await previewed(req, preview).then((year) => year && publicYear(year, ctx.now())) : number && (await yearView(`years/${number}`, () => published(req, number)))
      if (!view) return problem(404, MESSAGES.unknownYear[langOf(req)], headers)
      return cachedJson(req, view, headers, ctx.now())
    }),
    // The current year's jury in one request (the widget need not ask for the year's number first).
    publicEndpoint(state, 'get', '/years/current/jury', async (req, headers) => {
      const view = await juryView(req, 'years/current/jury', () => current(req))
      if (!view) return problem(404, MESSAGES.noYear[langOf(req)], headers)
      return cachedJson(req, view, headers)
    }),
    publicEndpoint(state, 'get', '/years/:year/jury', async (req, headers) => {
      const preview = previewOf(req)
      if (preview === 'refused') return problem(403, MESSAGES.previewRefused[langOf(req)], headers)
      const number = yearParam(req.routeParams?.year as string | undefined)
      const view = preview
        ? await previewed(req, preview).then((year) => year && juryOf(req, year, { overrideAccess: true }))
        : number && (await juryView(req, `years/${number}/jury`, () => published(req, number)))
      if (!view) return problem(404, MESSAGES.unknownYear[langOf(req)], headers)
      return cachedJson(req, view, headers)
    }),
    publicEndpoint(state, 'get', '/winners', async (req, headers) => {
      const params = new URL(req.url ?? '', 'http://x').searchParams
      const limit = countParam(params.get('limit'), MAX_WINNERS)
      const only = params.get('year') ? yearParam(params.get('year')) : null
      if (limit === 'invalid' || only === undefined) {
        const lang = langOf(req)
        return problem(400, MESSAGES.badQuery[lang], headers, {
          ...(limit === 'invalid' && { limit: MESSAGES.badLimit[lang] }),
          ...(only === undefined && { year: MESSAGES.badYear[lang] }),
        })
      }
      const onlyYear = only ? [{ year: { equals: only } }] : []
      const view = await state.reads.get(
        `winners?${limit ?? MAX_WINNERS}&${only ?? ''}`,
        async (): Promise<WinnersView> => {
          const now = ctx.now()
          const [winnerYears, finalistYears, upcoming] = await Promise.all([
            req.payload.find({ collection: slugs.awardYears, where: { and: [publicWinnerYears(now), ...onlyYear] }, depth: 0, limit: limit ?? MAX_WINNERS, sort: '-year', ...asPublic }),
            req.payload.find({ collection: slugs.awardYears, where: { and: [publicFinalistYears(now), ...onlyYear] }, depth: 0, limit: limit ?? MAX_WINNERS, sort: '-year', ...asPublic }),
            req.payload.find({ collection: slugs.awardYears, where: { and: [PUBLISHED, upcomingAnnouncements(now), ...onlyYear] }, depth: 0, limit: 1, sort: 'announcementAt', ...asPublic }),
          ])
          // The public reads above show `winner` only where the embargo is lifted; applications are
          // not public themselves, so the winners' and finalists' municipalities are looked up by the system.
          const years = asDocs<YearDoc>(winnerYears.docs)
          const shortlisted = asDocs<YearDoc>(finalistYears.docs)
          const { docs: applications } = await req.payload.find({
            collection: slugs.applications,
            where: {
              or: [
                { id: { in: years.map((year) => idOf(year.winner)).filter((id) => id !== undefined) } },
                { and: [{ awardYear: { in: shortlisted.map((year) => year.id) } }, roundApplications('final') as Where] },
              ],
            },
            select: { municipality: true, awardYear: true },
            depth: 0,
            pagination: false,
            overrideAccess: true,
          })
          const found = asDocs<{ id: number | string; municipality: string; awardYear: unknown }>(applications)
          const codeOf = new Map(found.map((a) => [String(a.id), a.municipality]))
          const finalistsOf = (year: YearDoc) => found.filter((a) => String(idOf(a.awardYear)) === String(year.id)).map((a) => a.municipality)
          return {
            winners: years.map((year) => publicWinner(year, codeOf.get(String(idOf(year.winner))), now)).filter((w) => w !== undefined),
            finalists: shortlisted.map((year) => publicFinalists(year, finalistsOf(year), now)).filter((f) => f !== undefined),
            // When the next winner becomes public: the widget asks again then.
            nextAnnouncementAt: asDoc<YearDoc | undefined>(upcoming.docs[0])?.announcementAt ?? null,
          }
        },
        winnerBecomesPublic,
      )
      // No cache, ours or the client's, may keep the answer past the instant a winner becomes public.
      return cachedJson(req, view, headers, ctx.now(), winnerBecomesPublic(view))
    }),
    publicEndpoint(state, 'get', '/municipalities', async (req, headers) => cachedJson(req, MUNICIPALITY_LIST, headers)),
  ]
}
