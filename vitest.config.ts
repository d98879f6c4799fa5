import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'
import { BROWSER_PORT } from './test/browser/constants.js'

/**
 * The integration tests that run on both databases. Issue 11 in progress: applying.test.ts passes on
 * the stand-in but failed once in five runs of this project (its first submission, cause not yet
 * found); auth.test.ts (the login timing, an impossible date in a query) and announce-once.test.ts
 * (a claim that rests on a unique index, which the stand-in does not enforce) are still to come.
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
