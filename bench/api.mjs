// Benchmark of the public API on the real app (node server.mjs on the production build, embedded
// SQLite, demo content, e-mail to an SMTP server here): requests per second and p50/p99 latency of
// the winners endpoint (200 and 304), of Payload's generic REST query for the same winners, and of
// applying: one application per municipality (290), then the confirmation of each through the link
// mailed to it.
// Usage: npm run bench   (BENCH_SECONDS=10 per read scenario, BENCH_CONNECTIONS=10, BENCH_SKIP_BUILD=1, BENCH_READS_ONLY=1)
import autocannon from 'autocannon'
import { simpleParser } from 'mailparser'
import { createServer } from 'node:http'
import { SMTPServer } from 'smtp-server'
import { buildIfNeeded, startApp } from './app.mjs'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const port = Number(process.env.BENCH_PORT ?? 3917)

buildIfNeeded()

// The confirmation links the app mails, by address.
const links = new Map()
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, done) {
    simpleParser(stream).then((mail) => {
      const token = /#bekrafta=([\w-]+)/.exec(mail.text ?? '')?.[1]
      if (token) links.set(mail.to.text, token)
      done()
    }, done)
  },
})
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve))

const { base, stop: stopApp } = await startApp(port, {
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.server.address().port),
  SMTP_SECURE: 'false',
  SMTP_SKIP_VERIFY: 'true',
})
const stop = () => {
  stopApp()
  smtp.close()
}

const run = (options) =>
  new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, ...options }, (error, result) => (error ? reject(error) : resolve(result)))
    options.onInstance?.(instance)
  })

function row(name, result, note = '') {
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ')
  return { scenario: name, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, requests: result.requests.total, statuses, note }
}

const winners = await fetch(`${base}/api/ehk/v1/winners`)
const etag = winners.headers.get('etag')
const { winners: list } = await winners.json()
const restPath = '/api/award-years?where[status][equals]=announced&depth=1&sort=-year&limit=50'
const rest = await (await fetch(`${base}${restPath}`)).json()
const rows = []
rows.push(
  row('GET /api/ehk/v1/winners (200)', await run({ requests: [{ path: '/api/ehk/v1/winners' }] }), `${list.length} winners, ${(await (await fetch(`${base}/api/ehk/v1/winners`)).text()).length} B`),
)
// The ceiling: a plain node http server in this process that serves the same bytes with the same
// headers, measured under the same load right after the app.
const sample = await fetch(`${base}/api/ehk/v1/winners`)
const sampleBody = Buffer.from(await sample.arrayBuffer())
const sampleHeaders = Object.fromEntries([...sample.headers].filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(name)))
const plain = createServer((_req, res) => {
  res.writeHead(200, sampleHeaders)
  res.end(sampleBody)
})
await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve))
const ceiling = await run({ url: `http://127.0.0.1:${plain.address().port}`, requests: [{ path: '/api/ehk/v1/winners' }] })
plain.close()
rows.push(row('plain node http, same bytes (ceiling)', ceiling, `winners at ${Math.round((rows[0]['req/s'] / Math.round(ceiling.requests.average)) * 1000) / 10} % of it`))
rows.push(row('GET /api/ehk/v1/winners (304)', await run({ requests: [{ path: '/api/ehk/v1/winners', headers: { 'if-none-match': etag } }] }), 'If-None-Match'))
rows.push(row(`GET ${restPath}`, await run({ requests: [{ path: restPath }] }), `${rest.docs.length} years, ${JSON.stringify(rest).length} B`))

if (process.env.BENCH_READS_ONLY === '1') {
  console.log(`\n${connections} connections, ${seconds} s per read scenario, Node ${process.version}`)
  console.table(rows)
  stop()
  process.exit(0)
}

// Applying: one application per municipality with a fresh Idempotency-Key, then each confirmed
// through the link in its e-mail (sent through the app's queue to the SMTP server above).
const year = await (await fetch(`${base}/api/ehk/v1/years/current`)).json()
const { municipalities } = await (await fetch(`${base}/api/ehk/v1/municipalities`)).json()
const email = (code) => `bench.${code}@kommun.example`
let next = 0
const text = 'Vi arbetar med välfärdsteknik, e-hälsa och digital delaktighet tillsammans med invånarna. '.repeat(30)
const submissions = await run({
  connections: Math.min(connections, 4),
  duration: 120,
  amount: municipalities.length,
  requests: [
    {
      method: 'POST',
      path: '/api/ehk/v1/applications',
      setupRequest: (request) => {
        const municipality = municipalities[next++ % municipalities.length].code
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${municipality}-${next}` },
          body: JSON.stringify({
            municipality,
            contact: { name: 'Bänk Test', email: email(municipality) },
            answers: year.criteria.map((c) => ({ criterion: c.id, text })),
            consent: true,
            consentVersion: year.consent.version,
          }),
        }
      },
    },
  ],
})
rows.push(row('POST /api/ehk/v1/applications', submissions, `${municipalities.length} municipalities, ${text.length * year.criteria.length} characters each`))
for (let i = 0; i < 600 && links.size < municipalities.length; i++) await new Promise((r) => setTimeout(r, 100))
const tokens = municipalities.map((m) => links.get(email(m.code))).filter(Boolean)
let confirming = 0
const confirmations = await run({
  connections: Math.min(connections, 4),
  duration: 120,
  amount: tokens.length,
  requests: [
    {
      method: 'POST',
      path: '/api/ehk/v1/applications/confirm',
      setupRequest: (request) => ({ ...request, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: tokens[confirming++] }) }),
    },
  ],
})
rows.push(row('POST /api/ehk/v1/applications/confirm', confirmations, `${tokens.length} links from ${links.size} e-mails`))

console.log(`\n${connections} connections, ${seconds} s per read scenario, Node ${process.version}`)
console.table(rows)
stop()
process.exit(0)
