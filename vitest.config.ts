import { playwright } from '@vitest/browser-playwright'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'
import { BROWSER_PORT } from './test/browser/constants.js'

/**
 * The integration tests that run on both databases: every file about what is stored and who may
 * read it. Left to SQLite alone: SQLite itself (migrations) and configuration the adapter takes no
 * part in (plugin, admin, storage); the unit project's files touch no database.
 */
const MONGO_TESTS = [
  'test/mongo/indexes.test.ts',
  'test/int/access.test.ts',
  'test/int/lifecycle.test.ts',
  'test/int/validation.test.ts',
  'test/int/api.test.ts',
  'test/int/seed.test.ts',
  'test/int/integrity.test.ts',
  'test/int/jury-year.test.ts',
  'test/int/mail.test.ts',
  'test/int/dashboard.test.ts',
  'test/int/auth.test.ts',
  'test/int/login-timing.test.ts',
  'test/int/announce-once.test.ts',
  'test/int/applying.test.ts',
]

/** The SQLite file the int project's databases start as copies of (test/helpers/sqliteTemplate.ts), one per run. */
const SQLITE_TEMPLATE = path.join(tmpdir(), `ehk-sqlite-template-${process.pid}.db`)

export default defineConfig({
  test: {
    // Both cores: each file has its own database, ports and mailbox (the widgets project keeps to
    // one file at a time).
    maxWorkers: 2,
    projects: [
      {
        test: {
          // The pure rules and configuration: no Payload, no database, no build (npm run test:fast).
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'int',
          environment: 'node',
          include: ['test/int/**/*.test.ts'],
          env: { EHK_SQLITE_TEMPLATE: SQLITE_TEMPLATE },
          globalSetup: ['test/helpers/sqliteTemplate.ts'],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          // The database-level tests again, on the MongoDB adapter (production's) against an
          // in-process MongoDB wire-protocol stand-in: the same files, only the adapter differs.
          name: 'int-mongo',
          environment: 'node',
          include: MONGO_TESTS,
          env: { EHK_TEST_DATABASE: 'mongodb' },
          globalSetup: ['test/mongo/globalSetup.ts'],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          pool: 'forks',
          // Each file starts its own app (or two) on ports of its own.
        },
      },
      {
        test: {
          name: 'widgets',
          include: ['widgets/**/*.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          testTimeout: 30_000,
          // One browser page at a time: the tests share the API server and its clock.
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions }),
            instances: [{ browser: 'chromium' }],
            api: { host: '127.0.0.1', port: BROWSER_PORT, strictPort: true },
            screenshotFailures: false,
          },
        },
      },
    ],
  },
})
