// How the app is being run, from the environment: the local quick start (the default) or a
// deployment (EHK_ENV=production). Plain JavaScript, because the start script (server.mjs) reads it
// before anything is compiled; payload.config.ts reads the same rules.

/**
 * The header the start script sets to the address of the socket a request came on, overwriting
 * whatever a client sent under that name. The app reads the client's address from it.
 */
export const SOCKET_ADDRESS_HEADER = 'x-ehk-socket-address'

/**
 * The header under which the app names the encoding of an answer it compressed itself. Next.js
 * drops Content-Encoding from route handlers' answers (it assumes fetch decoded them), so the start
 * script turns this one into Content-Encoding on the way out. The app compresses only requests that
 * came through the start script (they carry SOCKET_ADDRESS_HEADER).
 */
export const CONTENT_ENCODING_HEADER = 'x-ehk-content-encoding'

/**
 * @typedef {object} Deployment
 * @property {'local' | 'production'} mode
 * @property {string} host Interface the server listens on.
 * @property {number} port
 * @property {string} serverURL Public origin of the CMS: links in e-mails, CSRF, the API's own origin.
 * @property {boolean} secureCookies
 * @property {boolean} seedDemo Whether an empty database gets the demo content and demo accounts.
 * @property {string[]} problems What stops a deployment from starting, one line each.
 * @property {string[]} warnings What a deployment should fix, one line each.
 */

/** "https://Cms.Example.org/" → "https://cms.example.org"; undefined for anything but a bare http(s) origin. */
function originOf(value) {
  try {
    const url = new URL(value)
    if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined
    return url.origin
  } catch {
    return undefined
  }
}

const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Deployment}
 */
export function readDeployment(env = process.env) {
  const problems = []
  const warnings = []
  if (env.EHK_ENV && env.EHK_ENV !== 'production' && env.EHK_ENV !== 'local') {
    problems.push(`EHK_ENV måste vara "production" eller "local" / must be "production" or "local", not "${env.EHK_ENV}".`)
  }
  const production = env.EHK_ENV === 'production'
  const port = Number(env.PORT || 3000)
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`PORT måste vara ett portnummer / must be a port number, not "${env.PORT}".`)

  let serverURL = env.SERVER_URL ? originOf(env.SERVER_URL) : undefined
  if (env.SERVER_URL && !serverURL)
    problems.push(`SERVER_URL måste vara en adress som https://cms.example.org (utan sökväg) / must be an origin such as https://cms.example.org, not "${env.SERVER_URL}".`)
  if (production) {
    if (!env.PAYLOAD_SECRET) problems.push('PAYLOAD_SECRET saknas: sätt minst 32 slumpmässiga tecken / is missing: set at least 32 random characters.')
    else if (env.PAYLOAD_SECRET.length < 32) problems.push('PAYLOAD_SECRET är för kort: minst 32 tecken / is too short: at least 32 characters.')
    if (!env.SERVER_URL) problems.push('SERVER_URL saknas: den publika adressen, t.ex. https://cms.example.org / is missing: the public address, e.g. https://cms.example.org.')
    if (serverURL && !serverURL.startsWith('https:') && !LOOPBACK.test(serverURL))
      warnings.push(`SERVER_URL bör vara https / should be https: inloggningskakan är Secure / the login cookie is Secure (${serverURL}).`)
    if (!env.SMTP_HOST) warnings.push('SMTP_HOST saknas: e-post skrivs bara till loggen / is missing: e-mail is only written to the log.')
  }
  serverURL ??= `http://localhost:${port}`

  return {
    mode: production ? 'production' : 'local',
    // The quick start answers on this machine only; a deployment on every interface (behind its proxy).
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    port,
    serverURL,
    secureCookies: production,
    seedDemo: production ? env.EHK_SEED === 'true' : env.EHK_SEED !== 'false',
    problems,
    warnings,
  }
}
