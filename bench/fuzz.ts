// Fuzzing the built app from outside, as a stranger would: 10 000+ generated requests to every public
// endpoint (reads, applying, confirming, the private links, lost links) and to Payload's auth, REST
// and GraphQL endpoints, on the real server (node server.mjs, production build, SQLite, demo
// content, e-mail to an SMTP server here). Prints the requests sent, the answers by status, every
// 5xx, and the stored applications that break a rule. The goal is 0 and 0.
// Usage: npm run fuzz   (FUZZ_REQUESTS=10000, FUZZ_SEED=…, FUZZ_SKIP_BUILD=1)
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { checkAnswers, checkApplication, checkMunicipality } from '../src/domain/application.js'
import { CONSENT } from '../src/domain/consent.js'
import { type ApplicationStatus, APPLICATION_STATUSES, isCounted } from '../src/domain/lifecycle.js'
import { isMunicipalityCode, MUNICIPALITIES } from '../src/domain/municipalities.js'
import { allMailSent, openDatabase, startApp } from '../test/e2e/app.js'
import { startSmtp } from '../test/helpers/smtp.js'

const total = Number(process.env.FUZZ_REQUESTS ?? 10_000)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100_000)
const CONCURRENCY = 16

if (process.env.FUZZ_SKIP_BUILD !== '1' || !existsSync('.next/BUILD_ID')) {
  console.log('Bygger appen / building the app (npm run build) …')
  if (spawnSync('npm', ['run', 'build'], { stdio: 'ignore' }).status !== 0) process.exit(1)
}

const mail = await startSmtp()
const unlimited = '100000000/60'
const app = await startApp(3941, {
  EHK_DEMO_PASSWORD: 'fuzz-demo-password-2027',
  ...mail.env,
  // Budgets out of the way, so that every request reaches the code behind them.
  RATE_LIMIT_READ: unlimited,
  RATE_LIMIT_SUBMIT: unlimited,
  RATE_LIMIT_LOGIN: unlimited,
  RATE_LIMIT_LOGIN_ACCOUNT: unlimited,
})
// Whatever happens, the app this script started is stopped with it.
process.on('exit', () => void app.stop())
process.on('uncaughtException', (error) => (console.error(error), process.exit(2)))
const year = await (await fetch(`${app.url}/api/ehk/v1/years/current`)).json()
const criteria: Array<string | number> = year.criteria.map((c: { id: number }) => c.id)

// ---- What the requests are made of ----------------------------------------------------------
const tricky = fc.string({ unit: fc.constantFrom('a', 'å', 'a\u030a', '\r\n', '\u0000', '\ud800', '👨‍👩‍👧‍👦', '\u202e', '\ufeff', '<script>', '"', '\\', '%', '%FF', '\u0301', ' '), maxLength: 40 })
const text = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 100 }), tricky, fc.string({ unit: 'binary', minLength: 1000, maxLength: 30_000 }))
const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }))
const code = fc.oneof(fc.constantFrom(...MUNICIPALITIES.map((m) => m.code)), anyValue)
const email = fc.oneof(fc.emailAddress(), fc.constantFrom('å@kommun.se', 'a@b', 'x@kommun.se\n', 'a..b@kommun.se'), anyValue)
const contact = fc.oneof(
  fc.record(
    { name: fc.oneof(fc.constant('Kim Kontakt'), anyValue), role: anyValue, email, phone: fc.oneof(fc.constant('031-123 45 67'), fc.constant('031\n1234567'), anyValue) },
    { requiredKeys: [] },
  ),
  anyValue,
)
const answers = fc.oneof(
  fc.array(fc.record({ criterion: fc.oneof(fc.constantFrom(...criteria), anyValue), text: fc.oneof(fc.constant('Vi arbetar med e-hälsa.'), text) }), { maxLength: 6 }),
  fc.constant(criteria.map((criterion) => ({ criterion, text: 'Vi arbetar med e-hälsa.' }))),
  fc.constant(Array.from({ length: 5000 }, () => ({}))),
  anyValue,
)
/** A valid application for a municipality, with one of its fields replaced by anything. */
const nearlyValid = fc
  .tuple(
    fc.constantFrom(...MUNICIPALITIES.map((m) => m.code)),
    fc.emailAddress(),
    fc.constantFrom('none', 'municipality', 'contact.name', 'contact.email', 'contact.phone', 'answers', 'answers.0.text', 'answers.1.criterion', 'consent', 'consentVersion', 'year'),
    fc.oneof(text, anyValue),
  )
  .map(([municipality, address, path, value]) => {
    const valid: Record<string, any> = {
      municipality,
      contact: { name: 'Kim Kontakt', email: address.replace(/[^\x20-\x7e]/g, '') || 'kim@kommun.se', phone: '031-123 45 67' },
      answers: criteria.map((criterion) => ({ criterion, text: 'Vi arbetar med e-hälsa tillsammans med invånarna.' })),
      consent: true,
      consentVersion: CONSENT.version,
    }
    if (path === 'none') return valid
    const keys = path.split('.')
    const last = keys.pop()!
    keys.reduce((node, key) => node[key], valid)[last] = value
    return valid
  })
const application = fc.record(
  {
    year: fc.oneof(fc.constant(undefined), fc.constant(year.year), anyValue),
    municipality: code,
    contact,
    answers,
    consent: fc.oneof(fc.constant(true), anyValue),
    consentVersion: fc.oneof(fc.constant(CONSENT.version), anyValue),
    homepage: fc.oneof(fc.constant(''), anyValue),
  },
  { requiredKeys: [] },
)
const body = fc.oneof(
  { weight: 5, arbitrary: nearlyValid },
  { weight: 4, arbitrary: application },
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.string().map((raw) => ({ raw })) },
)
const token = fc.oneof(fc.string({ maxLength: 50 }), fc.base64String({ minLength: 40, maxLength: 44 }), anyValue)
const origin = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom(app.url, 'https://www.vitalis.nu') },
  { weight: 2, arbitrary: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1') },
)
const segment = fc.oneof(fc.constantFrom('2027', '2022', '2028', '1999', '0', '-1', '2027.5', 'abc', '%FF', '%E0%A4%A', '..%2F..', '%00', "';--"), fc.string({ maxLength: 12 }).map(encodeURIComponent))
const query = fc.dictionary(
  fc.constantFrom('limit', 'page', 'depth', 'sort', 'year', 'where[year][equals]', 'where[deadline][greater_than]', 'where[id][in]', 'where[or][0][title][like]', 'locale', 'draft', 'select[title]'),
  fc.oneof(fc.constantFrom('3.7', 'abc', '1e999', '-1', '%FF', '0', '10', 'true', '2027-04-14'), fc.string({ maxLength: 10 })),
  { maxKeys: 3 },
)
const qs = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')

type Request = { method: string; path: string; body?: unknown; headers?: Record<string, string | undefined> }
/** Any value as a header can carry it (a client cannot send other characters in a header). */
const asText = (value: unknown) => encodeURI(String(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).replace(/[\ud800-\udfff]/g, '?'))
const json = (value: unknown) => (value && typeof value === 'object' && 'raw' in (value as object) ? String((value as { raw: unknown }).raw) : JSON.stringify(value))

/** The tokens the app has mailed so far (confirm and edit), so that the fuzz also walks the real links. */
const mailed = (kind: 'bekrafta' | 'redigera') => mail.messages.map((m) => new RegExp(`#${kind}=([\\w-]+)`).exec(m.text ?? '')?.[1]).filter((t): t is string => !!t)
const realOr = (kind: 'bekrafta' | 'redigera') =>
  fc.oneof(
    token,
    fc.integer({ min: 0, max: 1000 }).map((i) => mailed(kind)[i % Math.max(1, mailed(kind).length)] ?? 'x'),
  )

const requests: Array<[weight: number, fc.Arbitrary<Request>]> = [
  [
    30,
    fc
      .tuple(body, origin, fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 140 }))))
      .map(([b, o, key]) => ({ method: 'POST', path: '/api/ehk/v1/applications', body: json(b), headers: { origin: o, 'idempotency-key': key === null ? undefined : asText(key) } })),
  ],
  [
    8,
    fc
      .tuple(fc.oneof(fc.record({ token: realOr('bekrafta') }), anyValue), origin)
      .map(([b, o]) => ({ method: 'POST', path: '/api/ehk/v1/applications/confirm', body: json(b), headers: { origin: o } })),
  ],
  [6, fc.oneof(fc.record({ municipality: code, email }), anyValue).map((b) => ({ method: 'POST', path: '/api/ehk/v1/applications/resend-link', body: json(b) }))],
  [
    10,
    fc
      .tuple(fc.constantFrom('GET', 'PATCH'), realOr('redigera'), fc.record({ contact, answers }, { requiredKeys: [] }))
      .map(([method, t, b]) => ({ method, path: '/api/ehk/v1/applications/mine', body: method === 'PATCH' ? json(b) : undefined, headers: { 'x-ehk-edit-token': asText(t) } })),
  ],
  [2, realOr('redigera').map((t) => ({ method: 'POST', path: '/api/ehk/v1/applications/mine/withdraw', body: '{}', headers: { 'x-ehk-edit-token': asText(t) } }))],
  [
    12,
    fc
      .tuple(fc.constantFrom('/years/', '/winners?limit=', '/winners?year=', '/years/'), segment, fc.constantFrom('', '/jury'))
      .map(([p, s, tail]) => ({ method: 'GET', path: `/api/ehk/v1${p}${s}${p.startsWith('/years') ? tail : ''}` })),
  ],
  [4, fc.constantFrom('/years/current', '/municipalities', '/winners').map((p) => ({ method: 'GET', path: `/api/ehk/v1${p}`, headers: { 'if-none-match': '"x"' } }))],
  [
    8,
    fc
      .tuple(
        fc.constantFrom('login', 'forgot-password', 'reset-password'),
        fc.oneof(fc.record({ email, password: fc.oneof(fc.constant('fuzz-demo-password-2027'), text), token }, { requiredKeys: [] }), anyValue),
      )
      .map(([op, b]) => ({ method: 'POST', path: `/api/users/${op}`, body: json(b) })),
  ],
  [
    10,
    fc
      .tuple(
        fc.constantFrom('award-years', 'criteria', 'partners', 'jurors', 'media', 'applications', 'reviews', 'users', 'history', 'payload-jobs', 'payload-locked-documents'),
        fc.oneof(
          segment.map((s) => `/${s}`),
          query.map((q) => `?${qs(q)}`),
        ),
      )
      .map(([c, rest]) => ({ method: 'GET', path: `/api/${c}${rest}` })),
  ],
  [
    3,
    fc
      .oneof(fc.constant('{ AwardYears { docs { year winner { contact { email } } } } }'), fc.constant('{ Applications { docs { contact { email } } } }'), text)
      .map((q) => ({ method: 'POST', path: '/api/graphql', body: JSON.stringify({ query: q }) })),
  ],
  [2, fc.tuple(fc.constantFrom('/admin/', '/', '/api/', '/widgets/', '/demo/'), segment).map(([p, s]) => ({ method: 'GET', path: `${p}${s}` }))],
]
const pick = fc.oneof(...requests.map(([weight, arbitrary]) => ({ weight, arbitrary })))

// ---- Sending them -----------------------------------------------------------------------------
const counts = new Map<number, number>()
const fiveHundreds: string[] = []
let sent = 0
const started = performance.now()

async function send(request: Request) {
  let status: number
  try {
    const response = await fetch(`${app.url}${request.path}`, {
      method: request.method,
      headers: Object.fromEntries(Object.entries({ 'content-type': 'application/json', ...request.headers }).filter(([, v]) => v !== undefined)) as Record<string, string>,
      body: request.method === 'GET' ? undefined : (request.body as string | undefined),
      redirect: 'manual',
    })
    status = response.status
    const answer = await response.text()
    if (status >= 500) fiveHundreds.push(`${request.method} ${request.path} ${String(request.body ?? '').slice(0, 120)} → ${status} ${answer.slice(0, 160)}`)
  } catch (error) {
    status = 0
    fiveHundreds.push(`${request.method} ${request.path} → no answer (${(error as Error).message})`)
  }
  counts.set(status, (counts.get(status) ?? 0) + 1)
  sent++
}

// In batches, so that later requests can use the links the app has mailed meanwhile.
const BATCH = 500
for (let batch = 0; batch * BATCH < total; batch++) {
  const queue = fc.sample(pick, { numRuns: Math.min(BATCH, total - batch * BATCH), seed: seed + batch })
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let request = queue.shift(); request; request = queue.shift()) await send(request)
    }),
  )
}
const seconds = (performance.now() - started) / 1000

// ---- What was stored ----------------------------------------------------------------------------
const payload = await openDatabase(app)
await allMailSent(payload, 120_000)
const { docs } = await payload.find({ collection: 'applications', pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true })
const years = new Map(
  (await payload.find({ collection: 'award-years', pagination: false, depth: 0, overrideAccess: true })).docs.map((y) => [y.id, y as unknown as { characterLimit: number; criteria: Array<number> }]),
)
const broken: string[] = []
const holders = new Map<string, number>()
for (const doc of docs as Array<Record<string, any>>) {
  const rules = { characterLimit: years.get(doc.awardYear)!.characterLimit, criteria: years.get(doc.awardYear)!.criteria }
  const answersOf = doc.answers.map((a: { criterion: number; text: string }) => ({ criterion: a.criterion, text: a.text }))
  const problems = doc.personalDataErasedAt
    ? [...checkMunicipality(doc.municipality, isMunicipalityCode), ...checkAnswers(answersOf, rules)]
    : checkApplication({ ...doc, answers: answersOf }, rules, isMunicipalityCode)
  if (problems.length > 0) broken.push(`${doc.reference}: ${problems.map((p) => p.rule).join(', ')}`)
  if (!(APPLICATION_STATUSES as readonly string[]).includes(doc.status)) broken.push(`${doc.reference}: status ${doc.status}`)
  if (doc.status === 'unconfirmed' && doc.editTokenHash) broken.push(`${doc.reference}: an edit link before confirmation`)
  if (!/^EHK-\d{4}-\d{4}-[0-9A-Z]{4}$/.test(doc.reference)) broken.push(`${doc.reference}: reference`)
  if (!String(doc.place).startsWith('free:')) holders.set(doc.place, (holders.get(doc.place) ?? 0) + 1)
}
for (const [place, count] of holders) if (count > 1) broken.push(`${place}: ${count} holders of one place`)
const groups = new Map<string, Array<Record<string, any>>>()
for (const doc of docs as Array<Record<string, any>>)
  if (isCounted(doc.status as ApplicationStatus)) groups.set(`${doc.awardYear}:${doc.municipality}`, [...(groups.get(`${doc.awardYear}:${doc.municipality}`) ?? []), doc])
for (const [place, group] of groups) if (group.some((d) => Boolean(d.competing) !== group.length > 1)) broken.push(`${place}: competing marks do not match ${group.length} counted applications`)

console.log(`\nFuzz (seed ${seed}): ${sent} requests in ${seconds.toFixed(1)} s, ${CONCURRENCY} at a time, ${mail.messages.length} e-mails sent`)
console.table(Object.fromEntries([...counts].sort(([a], [b]) => a - b).map(([status, count]) => [status, { answers: count }])))
console.log(`5xx answers: ${fiveHundreds.length}`)
for (const line of fiveHundreds.slice(0, 20)) console.log(`  ${line}`)
console.log(`Applications stored: ${docs.length}, of which breaking a rule: ${broken.length}`)
for (const line of broken.slice(0, 20)) console.log(`  ${line}`)

if (process.env.FUZZ_SHOW_LOG) console.log(app.output())
await payload.destroy()
await app.stop()
await mail.close()
process.exit(fiveHundreds.length === 0 && broken.length === 0 ? 0 : 1)
