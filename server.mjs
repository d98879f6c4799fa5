// The app's one start command (npm start, npm run dev): Next.js behind a plain Node server, which
// does the one thing Next.js cannot — tell the app the address of the socket a request came on.
// Next.js route handlers only see X-Forwarded-For, which any client can write.
import { createServer } from 'node:http'
import { CONTENT_ENCODING_HEADER, readDeployment, SOCKET_ADDRESS_HEADER } from './src/config/deployment.js'

const dev = process.argv.includes('--dev')
process.env.NODE_ENV ??= dev ? 'development' : 'production'

const { default: nextEnv } = await import('@next/env')
const { loadEnvConfig } = nextEnv
loadEnvConfig(process.cwd(), dev)
const deployment = readDeployment(process.env)
for (const warning of deployment.warnings) console.warn(`Varning / warning: ${warning}`)
if (deployment.problems.length > 0) {
  console.error(`Appen startar inte i läget "${deployment.mode}" / the app does not start in "${deployment.mode}" mode:`)
  for (const problem of deployment.problems) console.error(`- ${problem}`)
  process.exit(1)
}

const { default: next } = await import('next')
const app = next({ dev, webpack: true, hostname: deployment.host, port: deployment.port })
const handle = app.getRequestHandler()
await app.prepare()

/** Whether a path's percent-encoding decodes: Next.js answers one that does not with a 500. */
function decodablePath(url = '/') {
  try {
    decodeURIComponent(url.split('?')[0])
    return true
  } catch {
    return false
  }
}

/** The app's own compressed answers get their Content-Encoding back (see CONTENT_ENCODING_HEADER). */
function restoreContentEncoding(res) {
  for (const method of ['setHeader', 'appendHeader']) {
    const original = res[method].bind(res)
    res[method] = (name, value) => (String(name).toLowerCase() === CONTENT_ENCODING_HEADER ? original('content-encoding', value) : original(name, value))
  }
}

/**
 * The public reads on the light path (src/api/fastReads.ts), once Payload has registered it: the
 * same answer as through Next.js and Payload, without their per-request cost. False when the request
 * is not one of them; then it goes the usual way. EHK_FAST_READS=false turns the path off.
 */
const FAST_READS = Symbol.for('ehk.fastReads')
const fastReadsOn = !dev && process.env.EHK_FAST_READS !== 'false'
async function answeredFast(req, res) {
  const fast = globalThis[FAST_READS]
  if (!fastReadsOn || !fast || req.method !== 'GET' || !req.url.startsWith('/api/ehk/v1/')) return false
  let request
  try {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) for (const one of [value ?? []].flat()) headers.append(name, one)
    request = new Request(new URL(req.url, deployment.serverURL), { headers })
  } catch {
    return false // Something Next.js should answer (and refuse) itself.
  }
  const answer = await fast(request)
  if (!answer) return false
  const headers = []
  answer.response.headers.forEach((value, name) => headers.push(name.toLowerCase() === CONTENT_ENCODING_HEADER ? 'content-encoding' : name, value))
  res.writeHead(answer.response.status, headers)
  res.end(answer.body)
  return true
}

const server = createServer(async (req, res) => {
  if (!decodablePath(req.url)) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('Ogiltig adress (felaktig procentkodning) / invalid address (bad percent-encoding).\n')
    return
  }
  // Overwritten on every request, so a client's own header of this name never reaches the app.
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? ''
  restoreContentEncoding(res)
  if (await answeredFast(req, res).catch(() => false)) return
  handle(req, res)
})
if (dev) server.on('upgrade', app.getUpgradeHandler())
server.listen(deployment.port, deployment.host, () => {
  console.log(`Sveriges eHälsokommun (${deployment.mode === 'production' ? 'produktion / production' : 'lokalt / local'}): ${deployment.serverURL}/admin`)
})
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
