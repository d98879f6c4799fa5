// Flags our own server code puts on `req.context` (never reachable from a client request).
export const SYSTEM_CHANGE = 'ehk:system'

/** For loading history (seeds, imports): past years are stored as they were, without replaying their lifecycle. */
export const HISTORICAL_IMPORT = 'ehk:historical-import'

/** An application posted through the public API: it starts unconfirmed, with the consent version the form showed. */
export const PUBLIC_SUBMISSION = 'ehk:public-submission'

/** The instant a request is decided at (see requestNow). */
export const REQUEST_INSTANT = 'ehk:now'

/**
 * The time for everything a request decides, read from the clock once per request: a submission that
 * passed the door before the deadline is not refused as late by a hook a moment later.
 */
export function requestNow(req: { context: Record<string, unknown> }, clock: () => Date): Date {
  const at = req.context[REQUEST_INSTANT]
  if (at instanceof Date) return new Date(at)
  const now = clock()
  req.context[REQUEST_INSTANT] = now
  return new Date(now)
}
