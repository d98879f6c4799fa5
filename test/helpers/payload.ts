import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { _internal_jobSystemGlobals, buildConfig, type Config, type EmailAdapter, getPayload, type Payload, type Plugin, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { inject } from 'vitest'
import { mongoSettings, SQLITE_BUSY_TIMEOUT_MS } from '../../src/config/database.js'
import { standInDatabase } from './mongo.js'
import { eHalsokommun, type EhkPluginOptions } from '../../src/index.js'

/** A clock that tests move by hand. */
export class TestClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current)
  set(at: Date | string) {
    this.current = new Date(at)
  }
}

export interface TestPayload {
  payload: Payload
  clock: TestClock
  /** The sanitized config, for serving this instance over HTTP (test/helpers/server.ts). */
  config: SanitizedConfig
  destroy: () => Promise<void>
  /** The database's URL: a second instance can share it (options.database). */
  databaseUrl: string
}

/**
 * A real Payload on a fresh SQLite file of its own, in a temporary folder removed by destroy(); or,
 * given `shared`, a second instance on another's database (as a second app server would be).
 */
export async function startCustomPayload(configure: (dbUrl: string) => Omit<Config, 'secret'>, shared?: { databaseUrl: string; key: string }): Promise<Omit<TestPayload, 'clock'>> {
  const mongo = onMongo()
  const dir = shared || mongo ? undefined : mkdtempSync(path.join(tmpdir(), 'ehk-test-'))
  const databaseUrl = shared?.databaseUrl ?? (mongo ? standInDatabase(mongo, `ehk_${randomBytes(6).toString('hex')}`) : `file:${path.join(dir!, 'test.db')}`)
  const config = await buildConfig({ telemetry: false, ...configure(databaseUrl), secret: 'test-secret' })
  // One instance per test file (Vitest runs each file in its own process), under getPayload's default
  // key, so that Payload's own request handlers (REST, GraphQL) find this instance when served over HTTP.
  const payload = await getPayload({ config, key: shared?.key })
  return {
    payload,
    config,
    databaseUrl,
    destroy: async () => {
      // A MongoDB test database is dropped by the instance that made it.
      if (mongo && !shared) await (payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }).connection.dropDatabase()
      await payload.destroy()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Whether this test file runs on the MongoDB stand-in (the int-mongo project), which does not enforce unique indexes. */
export const ON_MONGO_STAND_IN = process.env.EHK_TEST_DATABASE === 'mongodb'

/**
 * The MongoDB stand-in's address in the int-mongo project (test/mongo/globalSetup.ts), else
 * undefined: the tests then run on SQLite.
 */
const onMongo = (): string | undefined => (ON_MONGO_STAND_IN ? inject('mongoUrl') : undefined)

/** The database adapter of a test instance: the app's own MongoDB settings on the stand-in, else SQLite. */
export function testDatabase(url: string) {
  return url.startsWith('mongodb://') ? mongooseAdapter({ url, ...mongoSettings() }) : sqliteAdapter({ client: { url }, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, wal: true })
}

/** Where the test CMS says it lives: the links in its e-mails point here. */
export const TEST_SERVER_URL = 'https://cms.test'

/**
 * The plugin as the app uses it (schema pushed, as in development), with a clock the test moves.
 * Its jobs run when a test runs them (payload.jobs.run), except e-mail, which is sent at once.
 * A refused login is answered at once (no floor) unless the test asks for one: the floor's real
 * time is shown by test/int/login-timing.test.ts alone.
 */
export async function startPayload(
  options: EhkPluginOptions & { now?: string; email?: Promise<EmailAdapter>; shared?: { databaseUrl: string; key: string }; plugins?: Plugin[] } = {},
): Promise<TestPayload> {
  const { now, email, shared, plugins = [], ...pluginOptions } = options
  const clock = new TestClock(new Date(now ?? '2026-11-23T12:00:00Z'))
  // The jobs queue compares waitUntil with the same clock as the plugin (Payload's own hook for its tests).
  _internal_jobSystemGlobals.getCurrentDate = clock.now
  const started = await startCustomPayload(
    (url) => ({
      serverURL: TEST_SERVER_URL,
      db: testDatabase(url),
      editor: lexicalEditor(),
      email,
      sharp,
      i18n: { supportedLanguages: { sv, en }, fallbackLanguage: 'sv' },
      admin: { user: 'users' },
      logger: { options: { level: process.env.EHK_TEST_LOG_LEVEL ?? 'warn' } } as never,
      plugins: [eHalsokommun({ clock: clock.now, autoRunJobs: false, loginRefusalFloorMs: 0, ...pluginOptions }), ...plugins],
    }),
    shared,
  )
  return { ...started, clock }
}
