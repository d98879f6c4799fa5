import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'
import { BROWSER_PORT } from './test/browser/constants.js'

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
