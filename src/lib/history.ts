import type { CollectionSlug, PayloadRequest } from 'payload'
import type { Message } from '../domain/text.js'
import { sha256 } from './hash.js'
import { mongoOf, sessionOf } from './mongo.js'
import { asFields } from '../types.js'

/** Every kind of event the history keeps. */
export const HISTORY_ACTIONS = {
  'status-changed': { sv: 'Status ändrad', en: 'Status changed' },
  'application-confirmed': { sv: 'Ansökan bekräftad', en: 'Application confirmed' },
  'application-withdrawn': { sv: 'Ansökan återkallad', en: 'Application withdrawn' },
  'application-competing': { sv: 'Konkurrerande ansökningar', en: 'Competing applications' },
  'personal-data-erased': { sv: 'Personuppgifter raderade', en: 'Personal data erased' },
  'review-submitted': { sv: 'Bedömning inskickad', en: 'Review submitted' },
  'review-reopened': { sv: 'Bedömning öppnad igen', en: 'Review reopened' },
  'conflict-declared': { sv: 'Jäv anmält', en: 'Conflict declared' },
  'conflict-lifted': { sv: 'Jäv hävt', en: 'Conflict lifted' },
  'ties-changed': { sv: 'Kopplingar till kommuner ändrade', en: 'Ties to municipalities changed' },
  'finalists-selected': { sv: 'Finalister utsedda', en: 'Finalists selected' },
  'decision-recorded': { sv: 'Beslut registrerat', en: 'Decision recorded' },
  'winner-announced': { sv: 'Vinnare tillkännagiven', en: 'Winner announced' },
  'question-asked': { sv: 'Kompletterande fråga ställd', en: 'Supplementary question asked' },
  'question-answered': { sv: 'Kompletterande fråga besvarad', en: 'Supplementary question answered' },
  'notice-sent': { sv: 'Utskick', en: 'Notice sent' },
} satisfies Record<string, Message>

export type HistoryAction = keyof typeof HISTORY_ACTIONS

/** Who acted when there is no logged-in user: set on req.context by the code that acts. */
export const ACTOR_LABEL = 'ehk:actor'
export const ACTORS = {
  applicant: 'Sökande via privat länk / applicant through the private link',
  system: 'Systemet / the system',
} as const

export interface HistoryEntry {
  action: HistoryAction
  summary: string
  document?: { relationTo: string; value: number | string }
  reason?: string | null
  details?: Record<string, unknown>
  /**
   * Makes the entry a claim: a second entry with the same key is refused by a unique index, so that
   * something done by whichever app server comes first (an announcement, a reminder) happens once.
   */
  once?: string
}

/** Appends an entry, in the same transaction as the change it records. */
export async function recordHistory(req: PayloadRequest, slug: CollectionSlug, now: Date, entry: HistoryEntry): Promise<void> {
  const user = req.user as { id: number | string; email?: string; collection?: string } | null | undefined
  await req.payload.create({
    collection: slug,
    data: asFields({
      at: now.toISOString(),
      action: entry.action,
      summary: entry.summary.slice(0, 500),
      document: entry.document,
      // Null, not left out, when no user made the change: the same entry on every database.
      actor: user?.id ?? null,
      actorLabel: user?.email ?? (req.context[ACTOR_LABEL] as string | undefined) ?? ACTORS.system,
      reason: entry.reason ?? undefined,
      details: entry.details,
      once: entry.once,
    }),
    overrideAccess: true,
    req,
  })
}

/** Whether an error is the unique index refusing a second claim with the same key. */
function isDuplicateClaim(error: unknown): boolean {
  const errors = (error as { data?: { errors?: Array<{ path?: string }> } })?.data?.errors
  return Array.isArray(errors) && errors.some((e) => e.path === 'once')
}

/** MongoDB's collection of claims: one document per claim, its key in `_id`. */
export const CLAIMS_COLLECTION = 'ehk_claims'

/**
 * On MongoDB a claim is also stored under its key as `_id`, which MongoDB keeps unique on its own
 * (no secondary index to build or trust), inside the surrounding transaction when there is one. On
 * SQLite the history's unique index on `once` does the same. False when the key was taken outside a
 * transaction.
 */
async function storeClaimKey(req: PayloadRequest, key: string, now: Date): Promise<boolean> {
  const mongo = mongoOf(req.payload.db)
  if (!mongo) return true
  const session = await sessionOf(mongo, req)
  try {
    // 24 hex characters: a valid ObjectId as well as a string, so every MongoDB-speaking server takes it.
    await mongo.connection.collection(CLAIMS_COLLECTION).insertOne({ _id: sha256(key).slice(0, 24), key, at: now }, session ? { session } : {})
    return true
  } catch (error) {
    // Taken. Inside a transaction MongoDB has aborted it, so the error must go on (as below).
    if ((error as { code?: number }).code === 11000 && !session) return false
    throw error
  }
}

/**
 * Records an entry that may exist only once (see HistoryEntry.once): true when this call made it,
 * false when it already existed, whoever wrote it.
 */
export async function claimOnce(req: PayloadRequest, slug: CollectionSlug, now: Date, entry: HistoryEntry & { once: string }): Promise<boolean> {
  const existing = await req.payload.count({ collection: slug, where: { once: { equals: entry.once } }, overrideAccess: true, req })
  if (existing.totalDocs > 0) return false
  const inTransaction = Boolean(req.transactionID)
  try {
    if (!(await storeClaimKey(req, entry.once, now))) return false
    await recordHistory(req, slug, now, entry)
    return true
  } catch (error) {
    // Lost a race. Payload has rolled back the surrounding transaction, if any, so that the work
    // around the claim must not go on as if nothing happened.
    if (isDuplicateClaim(error) && !inTransaction) return false
    throw error
  }
}
