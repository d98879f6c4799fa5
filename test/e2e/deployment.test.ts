// A deployment is told apart from the local quick start by one explicit signal, EHK_ENV=production:
// it refuses to start without its secrets, never seeds demo accounts unless told to, and sends the
// login cookie only over HTTPS.
import { afterAll, expect, it } from 'vitest'
import { type App, requireFreshBuild, startApp } from './app.js'

const started: App[] = []
afterAll(() => Promise.all(started.map((app) => app.stop())))

it('refuses to start in production without PAYLOAD_SECRET and SERVER_URL, with one clear line each', async () => {
  requireFreshBuild()
  const app = await startApp(3930, { EHK_ENV: 'production', PAYLOAD_SECRET: undefined, SERVER_URL: undefined }, { wait: false })
  started.push(app)
  expect(app.exited()).toBe(1)
  expect(app.output()).toContain('Appen startar inte i läget "production" / the app does not start in "production" mode:')
  expect(app.output()).toContain('- PAYLOAD_SECRET saknas: sätt minst 32 slumpmässiga tecken / is missing: set at least 32 random characters.')
  expect(app.output()).toContain('- SERVER_URL saknas: den publika adressen')
})

it('runs in production without demo content or demo accounts, with a Secure login cookie', async () => {
  const app = await startApp(3931, { EHK_ENV: 'production', EHK_DEMO_PASSWORD: 'a-password-nobody-may-use' })
  started.push(app)
  await expect.poll(() => app.output()).toContain('läge / mode: production')
  expect(app.output()).toContain('SMTP_HOST saknas')
  // Without a mail server the health check says so, and the server still serves.
  const health = await fetch(`${app.url}/api/ehk/v1/health`)
  expect([health.status, await health.json()]).toEqual([200, expect.objectContaining({ status: 'degraded', database: true, email: { configured: false, failed: 0 } })])
  expect(app.output()).not.toContain('Demokonton')
  expect((await fetch(`${app.url}/api/ehk/v1/years/current`)).status).toBe(404)
  const demoLogin = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: 'a-password-nobody-may-use' }),
  })
  expect(demoLogin.status).toBe(401)
  // The first account (Payload's "create first user") gets a Secure, Strict, HttpOnly cookie.
  const first = await fetch(`${app.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ email: 'ansvarig@example.org', password: 'Ett långt lösenord för driften', confirmPassword: 'Ett långt lösenord för driften' }),
  })
  expect(first.status).toBe(200)
  const cookie = first.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
  expect(cookie).toMatch(/; Secure/i)
  expect(cookie).toMatch(/SameSite=Strict/i)
})
