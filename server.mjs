// The app's one start command (npm start, npm run dev): Next.js behind a plain Node server, which
// does the one thing Next.js cannot — tell the app the address of the socket a request came on.
// Next.js route handlers only see X-Forwarded-For, which any client can write.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { CONTENT_ENCODING_HEADER, readDeployment, SOCKET_ADDRESS_HEADER } from './src/config/deployment.js'
import { acceptedEncoding, contentSecurityPolicy, namesETag, HASHED_WIDGET_CACHE, HASHED_WIDGET_FILE, SECURITY_HEADERS, WIDGET_HEADERS } from './src/config/headers.js'

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

/** The light paths below (widget files, public reads); EHK_LIGHT_PATHS=false leaves everything to Next.js. */
const fastPathsOn = !dev && process.env.EHK_LIGHT_PATHS !== 'false'

/**
 * The public reads on the light path (src/api/fastReads.ts), once Payload has registered it: the
 * same answer as through Next.js and Payload, without their per-request cost. False when the request
 * is not one of them; then it goes the usual way.
 */
const FAST_READS = Symbol.for('ehk.fastReads')
async function answeredFast(req, res) {
  const fast = globalThis[FAST_READS]
  if (!fastPathsOn || !fast || req.method !== 'GET' || !req.url.startsWith('/api/ehk/v1/')) return false
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

/**
 * The widgets' files, from memory: each read and compressed (brotli, gzip) once, on first request,
 * with the headers next.config.ts gives them. Next.js would compress them again for every request,
 * which a page with six widgets feels. A file that is not there goes to Next.js (its 404).
 */
const widgetFiles = new Map()
function widgetFile(name) {
  if (!/^[\w.-]+\.(js|json)$/.test(name)) return undefined
  if (!widgetFiles.has(name)) {
    let body
    try {
      body = readFileSync(new URL(`./public/widgets/${name}`, import.meta.url))
    } catch {
      return undefined
    }
    const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27)
    widgetFiles.set(name, {
      type: name.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/javascript; charset=utf-8',
      cache: HASHED_WIDGET_FILE.test(name) ? HASHED_WIDGET_CACHE : WIDGET_HEADERS.find((h) => h.key === 'Cache-Control').value,
      encodings: {
        identity: { body, etag: `"${tag}"` },
        br: { body: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }), etag: `"${tag}-br"` },
        gzip: { body: gzipSync(body, { level: 9 }), etag: `"${tag}-gz"` },
      },
    })
  }
  return widgetFiles.get(name)
}
const WIDGET_PATH = /^\/widgets\/([^/?#]+)(?:\?.*)?$/
const pageHeaders = [...SECURITY_HEADERS.map(({ key, value }) => [key, value]), ['Content-Security-Policy', contentSecurityPolicy()]]
function answeredWidget(req, res) {
  const name = fastPathsOn && (req.method === 'GET' || req.method === 'HEAD') && WIDGET_PATH.exec(req.url)?.[1]
  const file = name && widgetFile(name)
  if (!file) return false
  const encoding = acceptedEncoding(req.headers['accept-encoding']) ?? 'identity'
  const { body, etag } = file.encodings[encoding]
  const headers = [
    ...pageHeaders,
    ...WIDGET_HEADERS.filter((h) => h.key !== 'Cache-Control').map(({ key, value }) => [key, value]),
    ['Cache-Control', file.cache],
    ['Content-Type', file.type],
    ['ETag', etag],
    ['Vary', 'Accept-Encoding'],
    ...(encoding === 'identity' ? [] : [['Content-Encoding', encoding]]),
  ]
  if (
    namesETag(
      req.headers['if-none-match'],
      Object.values(file.encodings).map((e) => e.etag),
    )
  )
    res.writeHead(304, headers.flat()).end()
  else res.writeHead(200, [...headers, ['Content-Length', String(body.length)]].flat()).end(req.method === 'HEAD' ? undefined : body)
  return true
}

/** The static pages and the widgets' files: read only. */
const READ_ONLY_PATH = /^\/(?:ansokan|demo|forhandsvisning)(?:\/[^?#]*)?(?:\?.*)?$|^\/widgets\//
const plain = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }

const server = createServer(async (req, res) => {
  if (!decodablePath(req.url)) {
    res.writeHead(400, plain).end('Ogiltig adress (felaktig procentkodning) / invalid address (bad percent-encoding).\n')
    return
  }
  // A page or file is read, never posted to: 405 before Next.js reads a body (it answered 500).
  if (req.method !== 'GET' && req.method !== 'HEAD' && READ_ONLY_PATH.test(req.url ?? '')) {
    res.writeHead(405, { ...plain, allow: 'GET, HEAD', connection: 'close' }).end('Sidan kan bara läsas / the page can only be read (GET, HEAD).\n')
    return
  }
  // Overwritten on every request, so a client's own header of this name never reaches the app.
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? ''
  restoreContentEncoding(res)
  if (answeredWidget(req, res) || (await answeredFast(req, res).catch(() => false))) return
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
