// Signed, short-lived preview links: staff see the widgets with a draft year's data before it is
// published. The link carries a token (in the address's fragment, never sent to a server's logs)
// that names one year and an expiry, signed with the app's secret; the public API shows that year
// to a request that sends it in PREVIEW_HEADER, and never caches the answer.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const PREVIEW_HEADER = 'X-EHK-Preview'

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000

const sign = (secret: string, payload: string) => createHmac('sha256', `ehk-preview:${secret}`).update(payload).digest('base64url')

/** A token for award year `year` (its number), valid until `now` + PREVIEW_TTL_MS. */
export function previewToken(secret: string, year: number, now: Date): string {
  const payload = `${year}.${now.getTime() + PREVIEW_TTL_MS}`
  return `${payload}.${sign(secret, payload)}`
}

/** The year number a token opens, if it is ours, unaltered and not expired at `now`. */
export function previewYear(secret: string, token: string | null, now: Date): number | undefined {
  const match = /^(\d{4})\.(\d{13})\.([\w-]{43})$/.exec(token ?? '')
  if (!match) return undefined
  const [, year, expires, signature] = match
  const expected = Buffer.from(sign(secret, `${year}.${expires}`))
  if (!timingSafeEqual(Buffer.from(signature!), expected)) return undefined
  return Number(expires) > now.getTime() ? Number(year) : undefined
}
