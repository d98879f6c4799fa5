// npm test: every check, arranged for the two cores of this machine. First the production build
// beside the unit and integration tests on SQLite (int), which need no build; then the end-to-end
// tests, which start the built app and spend much of their time waiting on it or on a browser,
// beside the integration tests on the MongoDB stand-in (int-mongo), the widget tests in Chromium,
// the type check and lint. Each lane's output is printed whole when it ends
// (the tests' as they run), then a table of what took how long, and one closing line of counts.
//
//   node scripts/test.mjs          everything (npm test)
//   node scripts/test.mjs --fast   unit, access and widget tests, no build (npm run test:fast)
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const fast = process.argv.includes('--fast')
const reports = mkdtempSync(path.join(tmpdir(), 'ehk-test-reports-'))
const timings = []

/** Runs a command; its output streams (`live`) or is kept and printed whole when it ends. */
function run(name, command, args, { live = false } = {}) {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000
      timings.push({ name, seconds, ok: code === 0 })
      if (!live) process.stdout.write(`\n── ${name} (${seconds.toFixed(0)} s, exit ${code}) ──\n${output}`)
      resolve(code === 0)
    })
  })
}

/** Vitest on the given projects and files, with a JSON report for the closing counts. */
const vitest = (name, projects, files = [], options = []) =>
  run(
    name,
    'npx',
    ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...files, ...options, '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, `${name}.json`)}`],
    {
      live: true,
    },
  )

/** One lane after another step, stopping at the first that fails. */
async function lane(steps) {
  for (const step of steps) if (!(await step())) return false
  return true
}

let ok
if (fast) {
  ok = await vitest('fast', ['unit', 'int', 'widgets'], ['test/unit/', 'test/int/access.test.ts', 'widgets/'])
} else {
  const [built, tested] = await Promise.all([run('build', 'npm', ['run', '--silent', 'build']), vitest('unit and integration', ['unit', 'int'])])
  // The end-to-end tests start the built app: they wait for the build, and run even when other tests failed.
  const [ended, checked] = await Promise.all([
    vitest(built ? 'MongoDB, widgets and end-to-end' : 'MongoDB and widgets', ['int-mongo', 'widgets', ...(built ? ['e2e'] : [])]),
    lane([() => run('typecheck', 'npm', ['run', '--silent', 'typecheck']), () => run('lint', 'npm', ['run', '--silent', 'lint'])]),
  ])
  if (!built) console.log('\nThe build failed: the end-to-end tests did not run.')
  ok = built && tested && ended && checked
}

const counts = { passed: 0, failed: 0, skipped: 0 }
for (const { name } of timings) {
  try {
    const report = JSON.parse(readFileSync(path.join(reports, `${name}.json`), 'utf8'))
    counts.passed += report.numPassedTests
    counts.failed += report.numFailedTests
    counts.skipped += report.numPendingTests + report.numTodoTests
  } catch {
    // Not a test step (or it wrote no report): nothing to count.
  }
}
rmSync(reports, { recursive: true, force: true })

console.log('\nstep                        seconds')
for (const { name, seconds, ok: passed } of timings) console.log(`${name.padEnd(28)}${seconds.toFixed(0).padStart(7)}${passed ? '' : '  FAILED'}`)
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(ok && counts.failed === 0 ? 0 : 1)
