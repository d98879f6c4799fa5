// Flags our own server code puts on `req.context` (never reachable from a client request).
export const SYSTEM_CHANGE = 'ehk:system'

/** For loading history (seeds, imports): past years are stored as they were, without replaying their lifecycle. */
export const HISTORICAL_IMPORT = 'ehk:historical-import'
