import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
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
  /** Milliseconds that pass between one reading of the clock and the next (0: time stands still). */
  passing = 0
  now = () => {
    const at = new Date(this.current)
    this.current = new Date(this.current.getTime() + this.passing)
    return at
  }
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
 * The SQLite file that test databases of the plugin's own schema start as a copy of: that schema
 * pushed once per test run (test/helpers/sqliteTemplate.ts). Unset (e.g. in the widget tests' API
 * server), each database is pushed from scratch.
 */
const SQLITE_TEMPLATE = process.env.EHK_SQLITE_TEMPLATE

/**
 * A real Payload on a fresh SQLite file of its own, in a temporary folder removed by destroy(); or,
 * given `shared`, a second instance on another's database (as a second app server would be). With
 * `fromTemplate`, the file starts as a copy of the template (whose schema the config must have, so
 * nothing is pushed); else the schema is pushed into an empty file.
 */
export async function startCustomPayload(
  configure: (dbUrl: string, db: { push: boolean }) => Omit<Config, 'secret'>,
  shared?: { databaseUrl: string; key: string },
  { fromTemplate = false } = {},
): Promise<Omit<TestPayload, 'clock'>> {
  const mongo = onMongo()
  const dir = shared || mongo ? undefined : mkdtempSync(path.join(tmpdir(), 'ehk-test-'))
  const file = dir && path.join(dir, 'test.db')
  const copied = Boolean(file && fromTemplate && SQLITE_TEMPLATE)
  if (copied) copyFileSync(SQLITE_TEMPLATE!, file!)
  const databaseUrl = shared?.databaseUrl ?? (mongo ? standInDatabase(mongo, `ehk_${randomBytes(6).toString('hex')}`) : `file:${file}`)
  const config = await buildConfig({ telemetry: false, ...configure(databaseUrl, { push: !copied && !shared }), secret: 'test-secret' })
  // One instance per test file, under getPayload's default key, so that Payload's own request
  // handlers (REST, GraphQL) find this instance when served over HTTP. Test files may share a
  // process (one after another): an empty file is always pushed, whatever schema the previous
  // file's instance pushed (Payload skips a push whose schema it pushed before in this process).
  const key = shared?.key ?? 'default'
  const forcePush = file && !copied
  if (forcePush) process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const payload = await getPayload({ config, key }).finally(() => {
    if (forcePush) delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH
  })
  return {
    payload,
    config,
    databaseUrl,
    destroy: async () => {
      // A MongoDB test database is dropped by the instance that made it.
      if (mongo && !shared) await (payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }).connection.dropDatabase()
      await payload.destroy()
      forgetProcessCaches(key)
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Test files may share a process, one after another (`isolate: false` in vitest.config.ts), and
 * Payload keeps some things for the process: its instances by key, and the GraphQL schema (built
 * from the first config served, with that config's access rules). The next file makes its own.
 */
function forgetProcessCaches(key: string) {
  const process = globalThis as { _payload?: Map<string, unknown>; _payload_graphql?: { graphql: unknown; promise: unknown } }
  process._payload?.delete(key)
  if (process._payload_graphql) Object.assign(process._payload_graphql, { graphql: null, promise: null })
}

/** Whether this test file runs on the MongoDB stand-in (the int-mongo project), which does not enforce unique indexes. */
export const ON_MONGO_STAND_IN = process.env.EHK_TEST_DATABASE === 'mongodb'

/**
 * The MongoDB stand-in's address in the int-mongo project (test/mongo/globalSetup.ts), else
 * undefined: the tests then run on SQLite.
 */
const onMongo = (): string | undefined => (ON_MONGO_STAND_IN ? inject('mongoUrl') : undefined)

/** The database adapter of a test instance: the app's own MongoDB settings on the stand-in, else SQLite. */
export function testDatabase(url: string, { push = true } = {}) {
  return url.startsWith('mongodb://') ? mongooseAdapter({ url, ...mongoSettings() }) : sqliteAdapter({ client: { url }, push, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, wal: true })
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
    (url, db) => ({
      serverURL: TEST_SERVER_URL,
      db: testDatabase(url, db),
      editor: lexicalEditor(),
      email,
      sharp,
      i18n: { supportedLanguages: { sv, en }, fallbackLanguage: 'sv' },
      admin: { user: 'users' },
      logger: { options: { level: process.env.EHK_TEST_LOG_LEVEL ?? 'warn' } } as never,
      plugins: [eHalsokommun({ clock: clock.now, autoRunJobs: false, loginRefusalFloorMs: 0, ...pluginOptions }), ...plugins],
    }),
    shared,
    // Another plugin may add to the schema; without one it is the template's.
    { fromTemplate: plugins.length === 0 },
  )
  return { ...started, clock }
}
