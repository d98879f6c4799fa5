import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const SECRET_FILE = path.join('data', 'payload-secret')

/**
 * PAYLOAD_SECRET when set (a deployment must set it: see src/config/deployment.js). Otherwise, for
 * the local quick start only, a random secret made on first start and kept in data/ (beside the
 * SQLite file, never committed), so that logins survive restarts.
 */
export function payloadSecret(env: Record<string, string | undefined> = process.env, file = SECRET_FILE): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
