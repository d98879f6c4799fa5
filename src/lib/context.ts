// Flags our own server code puts on `req.context` (never reachable from a client request).
export const SYSTEM_CHANGE = 'ehk:system'

/** For loading history (seeds, imports): past years are stored as they were, without replaying their lifecycle. */
export const HISTORICAL_IMPORT = 'ehk:historical-import'

/** An application posted through the public API: it starts unconfirmed, with the consent version the form showed. */
export const PUBLIC_SUBMISSION = 'ehk:public-submission'
