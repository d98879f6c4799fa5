// The numbers the public API reads from paths and queries, written one way only: decimal digits.
// Another spelling (0x7EB, +2027, 2027.0, 1e3) is no number here, so that one question has one
// answer and one cache entry, and a fraction never reaches the database as a limit.

/** A year as a path or query writes it: four digits. */
export function yearParam(text: string | null | undefined): number | undefined {
  return typeof text === 'string' && /^[1-9]\d{3}$/.test(text) ? Number(text) : undefined
}

/** A count from 1 to `max` in a query: the number, undefined when absent or empty, 'invalid' otherwise. */
export function countParam(text: string | null, max: number): number | undefined | 'invalid' {
  if (text === null || text === '') return undefined
  if (!/^[1-9]\d{0,5}$/.test(text)) return 'invalid'
  const count = Number(text)
  return count <= max ? count : 'invalid'
}
