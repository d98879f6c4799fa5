import type { CollectionSlug, PayloadRequest } from 'payload'
import type { Message } from '../domain/text.js'

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
}

/** Appends an entry, in the same transaction as the change it records. */
export async function recordHistory(req: PayloadRequest, slug: CollectionSlug, now: Date, entry: HistoryEntry): Promise<void> {
  const user = req.user as { id: number | string; email?: string; collection?: string } | null | undefined
  await req.payload.create({
    collection: slug,
    data: {
      at: now.toISOString(),
      action: entry.action,
      summary: entry.summary.slice(0, 500),
      document: entry.document,
      actor: user?.id,
      actorLabel: user?.email ?? (req.context[ACTOR_LABEL] as string | undefined) ?? ACTORS.system,
      reason: entry.reason ?? undefined,
      details: entry.details,
    } as never,
    overrideAccess: true,
    req,
  })
}
