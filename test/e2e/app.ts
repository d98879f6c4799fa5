// The app as `npm start` runs it (node server.mjs on the production build), on a database of its
// own in a temporary folder, for the end-to-end tests.
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload, type Payload } from 'payload'
import sharp from 'sharp'
import { mongoSettings, SQLITE_BUSY_TIMEOUT_MS } from '../../src/config/database.js'
import { eHalsokommun } from '../../src/index.js'
import { MAIL_TASK } from '../../src/mail/outbox.js'

export interface App {
  url: string
  database: string
  /** Everything the server printed, for assertions on its log. */
  output: () => string
  /** Whether the process has exited, and how. */
  exited: () => number | null
  stop: () => Promise<void>
}

/** The newest change among what the production build is made of. */
function newestSource(): number {
  const out = spawnSync('git', ['ls-files', '-co', '--exclude-standard', 'src', 'public', 'widgets', 'payload.config.ts', 'next.config.ts', 'package-lock.json'], { encoding: 'utf8' })
  return Math.max(
    ...out.stdout
      .split('\n')
      .filter(Boolean)
      .map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0),
    statSync('public/widgets/ehk.js').mtimeMs,
  )
}

/** Fails the test run early, with the reason, when there is no production build of these sources. */
export function requireFreshBuild() {
  if ((statSync('.next/BUILD_ID', { throwIfNoEntry: false })?.mtimeMs ?? 0) < newestSource()) {
    throw new Error('The production build is missing or older than the sources: run `npm run build` (npm test does) before the end-to-end tests.')
  }
}

async function waitFor(url: string, app: App) {
  for (let i = 0; i < 600; i++) {
    if (app.exited() !== null) throw new Error(`The app exited (${app.exited()}) before it answered:\n${app.output()}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer:\n${app.output()}`)
}

/**
 * Starts `node server.mjs` with the environment given (on top of a port, a fresh SQLite database, a
 * secret and the server URL), waiting until it answers unless `wait` is false.
 */
export async function startApp(port: number, env: Record<string, string | undefined> = {}, { wait = true } = {}): Promise<App> {
  const url = `http://127.0.0.1:${port}`
  // Nothing else may answer on this port: the app started here must be the one that answers.
  if (
    await fetch(`${url}/`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`Something already listens on ${url}: stop it first.`)
  const dir = mkdtempSync(path.join(tmpdir(), 'ehk-e2e-'))
  const database = `file:${path.join(dir, 'e2e.db')}`
  let output = ''
  let exitCode: number | null = null
  const merged = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URI: database, SERVER_URL: url, PAYLOAD_SECRET: 'e2e-secret-that-is-long-enough-for-production', ...env }
  const child: ChildProcess = spawn(process.execPath, ['server.mjs'], {
    // A variable given as undefined is left out (not passed on as the word "undefined").
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exit = new Promise<void>((resolve) => child.on('exit', (code) => ((exitCode = code ?? 1), resolve())))
  const app: App = {
    url,
    database: merged.DATABASE_URI,
    output: () => output,
    exited: () => exitCode,
    stop: async () => {
      if (exitCode === null) {
        child.kill('SIGTERM')
        await exit
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  if (wait) await waitFor(`${url}/api/ehk/v1/municipalities`, app)
  else await exit
  return app
}

/** The app's database (SQLite or MongoDB) through the Local API (no schema push: the server owns it). */
export async function openDatabase(app: App): Promise<Payload> {
  const config = await buildConfig({
    secret: 'e2e-secret-that-is-long-enough-for-production',
    serverURL: app.url,
    db: app.database.startsWith('mongodb://')
      ? mongooseAdapter({ url: app.database, ...mongoSettings() })
      : sqliteAdapter({ client: { url: app.database }, push: false, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, wal: true }),
    editor: lexicalEditor(),
    sharp,
    plugins: [eHalsokommun({ autoRunJobs: false })],
    telemetry: false,
  })
  return getPayload({ config })
}

/**
 * Resolves once the app (another process, on this database) has delivered every e-mail it queued:
 * each is a job, deleted once sent. Fails after `timeoutMs`.
 */
export async function allMailSent(payload: Payload, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  const left = async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: MAIL_TASK } }, overrideAccess: true })).totalDocs
  for (let count = await left(); count > 0; count = await left()) {
    if (Date.now() > until) throw new Error(`${count} e-mail(s) still queued after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
