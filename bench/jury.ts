// The jury benchmark on generated data: 290 applications × 6 jurors × 4 criteria, both rounds (five
// finalists in the final). Prints the ranking's computation time (the pure function, in process) and
// the jury board's server response time on the real app (node server.mjs on the production build):
// the admin page and its JSON, for an editor and for a juror. Goals: ranking < 200 ms, board < 1 s.
// Usage: npm run bench:jury   (BENCH_APPLICATIONS=290, BENCH_JURORS=6, BENCH_RUNS=20, BENCH_SKIP_BUILD=1)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { rankApplications } from '../src/domain/ranking.js'
import { asSystem, loadRound, loadYear } from '../src/jury/load.js'
import { openDatabase, startApp } from '../test/e2e/app.js'
import { generateJuryYear } from '../test/helpers/juryYear.js'

const applications = Number(process.env.BENCH_APPLICATIONS ?? 290)
const jurors = Number(process.env.BENCH_JURORS ?? 6)
const runs = Number(process.env.BENCH_RUNS ?? 20)

if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync('.next/BUILD_ID')) {
  console.log('Bygger appen / building the app (npm run build) …')
  if (spawnSync('npm', ['run', 'build'], { stdio: 'ignore' }).status !== 0) process.exit(1)
}

const app = await startApp(3943, { EHK_DEMO_PASSWORD: 'bench-demo-password-2027', RATE_LIMIT_READ: '100000000/60', RATE_LIMIT_LOGIN: '100000000/60', RATE_LIMIT_LOGIN_ACCOUNT: '100000000/60' })
process.on('exit', () => void app.stop())
const payload = await openDatabase(app)

let started = performance.now()
// This year (the demo content has no year of its own for it), mid-way through the final round.
const data = await generateJuryYear(payload, { year: new Date().getFullYear(), now: new Date(), applications, jurors, password: 'bench-jury-password-2031' })
console.log(`Data: ${applications} ansökningar × ${jurors} jurymedlemmar, ${data.reviews} bedömningar i två omgångar, genererat på ${((performance.now() - started) / 1000).toFixed(1)} s`)

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (${times.length} körningar)`
}

// The ranking: the pure function on the round's reviews, as the board calls it.
const req = { payload, context: {} } as never
const year = (await loadYear(req, payload.config.custom.eHalsokommun, data.yearId, asSystem))!
for (const round of ['screening', 'final'] as const) {
  const { reviews } = await loadRound(req, payload.config.custom.eHalsokommun, year, round, asSystem)
  const counting = reviews.filter((r) => r.submitted && !r.conflictOfInterest)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    rankApplications(counting, { finalistCount: 5 })
    times.push(performance.now() - started)
  }
  console.log(`Rangordning / ranking (${round}, ${counting.length} bedömningar): ${stats(times)}`)
}

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${app.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`)
  return `payload-token=${((await response.json()) as { token: string }).token}`
}

async function time(url: string, cookie: string): Promise<string> {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < runs + 1; i++) {
    started = performance.now()
    // As the browser sends it: Payload takes the login cookie only from same-origin requests.
    const response = await fetch(url, { headers: { cookie, 'Sec-Fetch-Site': 'same-origin' }, redirect: 'manual' })
    const body = await response.text()
    if (!response.ok) throw new Error(`${url}: ${response.status} ${body.slice(0, 300)}`)
    // The first request warms the route up (Next.js loads the page's code); it is not counted.
    if (i > 0) times.push(performance.now() - started)
    bytes = body.length
  }
  return `${stats(times)}, ${bytes} B`
}

const editor = await login(data.editor.email, data.editor.password)
const juror = await login(data.jurors[1]!.email, data.jurors[1]!.password)
for (const round of ['screening', 'final'] as const) {
  console.log(`Jurytavlan, redaktör / board as editor (${round}, admin-sidan): ${await time(`${app.url}/admin/jury/${data.yearId}?round=${round}`, editor)}`)
  console.log(`Jurytavlan, redaktör / board as editor (${round}, JSON): ${await time(`${app.url}/api/award-years/${data.yearId}/jury-board?round=${round}`, editor)}`)
  console.log(`Jurytavlan, jurymedlem / board as juror (${round}, JSON): ${await time(`${app.url}/api/award-years/${data.yearId}/jury-board?round=${round}`, juror)}`)
}
console.log(`Export (CSV, gallring): ${await time(`${app.url}/api/award-years/${data.yearId}/export.csv?round=screening`, editor)}`)
await payload.destroy()
process.exit(0)
