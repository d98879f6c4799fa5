import { compatibilityOptions, mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

export type DatabaseKind = 'mongodb' | 'sqlite'

export interface DatabaseChoice {
  kind: DatabaseKind
  /** Where the data lives, without credentials, for the start-up message. */
  description: string
  adapter: DatabaseAdapterObj
}

type Migrations = NonNullable<Parameters<typeof sqliteAdapter>[0]['prodMigrations']>

export interface SqliteOptions {
  /** Folder of the SQLite migrations (`payload migrate:create`). */
  migrationDir?: string
  /** The committed migrations, applied when a production server starts. */
  migrations?: Migrations
}

export const DEFAULT_SQLITE_FILE = path.join('data', 'ehalsokommun.db')

/** How long a write waits for another process's lock on the SQLite file. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000

/** Managed services that speak MongoDB's protocol with differences, by DATABASE_COMPAT. */
export const DATABASE_COMPATS = Object.keys(compatibilityOptions) as Array<keyof typeof compatibilityOptions>
export type DatabaseCompat = (typeof DATABASE_COMPATS)[number]

/**
 * The MongoDB adapter's settings, the same in production and in the tests: indexes (the unique ones
 * included) are built before the app serves, and joins are read without aggregation pipelines
 * (plenty fast at the award's size, and what DocumentDB, Cosmos DB and the tests' stand-in support).
 * A managed service's own options (Payload's compatibilityOptions) go on top.
 */
export function mongoSettings(compat?: DatabaseCompat): Omit<Parameters<typeof mongooseAdapter>[0], 'url'> {
  const ours = { ensureIndexes: true, useJoinAggregations: false }
  return compat ? { ...ours, ...compatibilityOptions[compat] } : ours
}

/** DATABASE_COMPAT, checked: undefined when not set. */
export function databaseCompat(value: string | undefined): DatabaseCompat | undefined {
  if (!value) return undefined
  if ((DATABASE_COMPATS as string[]).includes(value)) return value as DatabaseCompat
  throw new Error(`DATABASE_COMPAT="${value}" känns inte igen / is not known: ${DATABASE_COMPATS.join(', ')}.`)
}

/**
 * A `mongodb://` or `mongodb+srv://` URI selects MongoDB (production); anything else, or nothing,
 * an embedded SQLite file, so that the app runs on a fresh machine with no database server.
 * Creating an adapter does not connect: that happens when Payload starts.
 */
export function chooseDatabase(uri: string | undefined, sqlite: SqliteOptions = {}, compat?: DatabaseCompat): DatabaseChoice {
  if (uri && /^mongodb(\+srv)?:\/\//.test(uri)) {
    return { kind: 'mongodb', description: `MongoDB (${redact(uri)}${compat ? `, ${compat}` : ''})`, adapter: mongooseAdapter({ url: uri, ...mongoSettings(compat) }) }
  }
  const url = uri && /^(file:|libsql:|https?:|wss?:)/.test(uri) ? uri : `file:${uri || DEFAULT_SQLITE_FILE}`
  if (url.startsWith('file:') && !url.includes(':memory:')) mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  return {
    kind: 'sqlite',
    description: `SQLite (${redact(url)})`,
    // Several processes may share the file (app servers, the payload CLI, a scheduled job): a writer
    // waits for another's lock instead of failing at once, and readers never wait for a writer (WAL).
    adapter: sqliteAdapter({ client: { url }, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, wal: true, migrationDir: sqlite.migrationDir, prodMigrations: sqlite.migrations }),
  }
}

function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@')
}
