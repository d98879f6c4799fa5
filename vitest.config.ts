import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'
import { BROWSER_PORT } from './test/browser/constants.js'

/**
 * The integration tests that run on both databases: every file about what is stored and who may
 * read it. Left to SQLite alone: the pure rules (domain, jury-domain), SQLite itself (database,
 * migrations), and configuration the adapter takes no part in (config, plugin, admin, storage).
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
  'test/int/announce-once.test.ts',
  'test/int/applying.test.ts',
]

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'int',
          environment: 'node',
          include: ['test/int/**/*.test.ts', 'src/**/*.test.ts'],
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
          // One app (or two) at a time on this 2-core machine; each file starts its own.
          fileParallelism: false,
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
