// The real app for the benchmarks: node server.mjs on the production build (built first unless
// BENCH_SKIP_BUILD=1 and a build exists), demo content in a fresh embedded SQLite database, rate
// limits out of the way. Shared by bench/api.mjs and bench/render.mjs.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The demo accounts' password in the benchmarks' app (admin@example.org and the others). */
export const DEMO_PASSWORD = 'bench-demo-password-2027'

/** Builds the app from the sources as they are, unless told to reuse the last build. */
export function buildIfNeeded() {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync('.next/BUILD_ID')) return
  console.log('Bygger appen / building the app (npm run build) …')
  if (spawnSync('npm', ['run', 'build'], { stdio: 'ignore' }).status !== 0) process.exit(1)
}

/** Starts the app on `port` with `env` added; resolves once it answers. */
export async function startApp(port, env = {}) {
  const base = `http://127.0.0.1:${port}`
  const dir = mkdtempSync(path.join(tmpdir(), 'ehk-bench-'))
  const server = spawn(process.execPath, ['server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVER_URL: base,
      DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
      PAYLOAD_SECRET: 'bench-secret-that-is-long-enough-to-use',
      EHK_DEMO_PASSWORD: DEMO_PASSWORD,
      // Measure the app, not the rate limiter.
      RATE_LIMIT_READ: '100000000/60',
      RATE_LIMIT_SUBMIT: '100000000/60',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = () => {
    server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  process.on('exit', stop)
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/ehk/v1/years/current`)).ok) return { base, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the app did not start within 2 minutes')
}
