import { createHash, randomBytes } from 'node:crypto'

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')

/** A secret for a private link: 256 random bits, URL-safe. Only its sha256 is ever stored. */
export const newToken = (): string => randomBytes(32).toString('base64url')
