// The int project's globalSetup: the plugin's test schema pushed once per run into one SQLite file
// (EHK_SQLITE_TEMPLATE, named by vitest.config.ts), which each test database then starts as a
// copy of (test/helpers/payload.ts). A copy is a millisecond; a push is a few hundred. Made in a
// process of its own with `payload run`, for the reason test/browser/globalSetup.ts gives.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject) {
  const template = project.config.env.EHK_SQLITE_TEMPLATE
  if (!template) throw new Error('vitest.config.ts names no EHK_SQLITE_TEMPLATE for this project')
  rmSync(template, { force: true })
  const child = spawn('node_modules/.bin/payload', ['run', 'test/helpers/makeSqliteTemplate.ts', template], {
    env: { ...process.env, EHK_SQLITE_TEMPLATE: '', EHK_TEST_LOG_LEVEL: 'error', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=production` },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`Making the SQLite template ${template} failed (exit ${code})`)
  return () => rmSync(template, { force: true })
}
