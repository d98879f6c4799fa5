import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload, type Payload } from 'payload'
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
  destroy: () => Promise<void>
}

/** A real Payload with the plugin on a fresh SQLite file of its own (schema pushed, as in development). */
export async function startPayload(options: EhkPluginOptions & { now?: string } = {}): Promise<TestPayload> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ehk-test-'))
  const clock = new TestClock(new Date(options.now ?? '2026-11-23T12:00:00Z'))
  const config = await buildConfig({
    secret: 'test-secret',
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'test.db')}` } }),
    editor: lexicalEditor(),
    admin: { user: 'users' },
    telemetry: false,
    logger: { options: { level: 'warn' } } as never,
    plugins: [eHalsokommun({ clock: clock.now, ...options })],
  })
  // Each file gets its own instance: getPayload caches by key.
  const payload = await getPayload({ config, key: dir } as never)
  return {
    payload,
    clock,
    destroy: async () => {
      await payload.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
