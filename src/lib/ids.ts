import type { Payload } from 'payload'

/**
 * A document id as the database writes it, or undefined for anything else: a positive integer on
 * SQLite, a 24-digit hex ObjectId on MongoDB. Checked before a query, because a database asked for
 * "abc" as a number fails instead of finding nothing.
 */
export function parseDocumentId(payload: Payload, raw: unknown): number | string | undefined {
  const value = typeof raw === 'number' ? String(raw) : raw
  if (typeof value !== 'string') return undefined
  if (payload.db.defaultIDType === 'number') return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : undefined
  return /^[0-9a-f]{24}$/i.test(value) ? value : undefined
}
