// End to end: the real app (node server.mjs on the production build, embedded SQLite, demo content,
// e-mail to a real SMTP server in the test), a partner's page on another origin that embeds the
// widgets with the README's snippet, an application sent through it in Chromium, confirmed through
// the link in the e-mail, changed, and found through the Local API with the partner's attribution.
import { createServer, get, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'
import { tokenIn } from '../helpers/api.js'
import { type Mailbox, startSmtp } from '../helpers/smtp.js'
import { type App, openDatabase, requireFreshBuild, startApp } from './app.js'

const PORT = 3927
const PASSWORD = 'e2e-demo-password'

let app: App
let mail: Mailbox
let partnerSite: Server
let partnerOrigin: string
let browser: Browser
let payload: Payload

beforeAll(async () => {
  requireFreshBuild()
  mail = await startSmtp()
  app = await startApp(PORT, { EHK_DEMO_PASSWORD: PASSWORD, ...mail.env })

  // The partner's own site, on another origin: the demo page as a partner would copy it.
  const demo = (await (await fetch(`${app.url}/demo`)).text()).replace('src="/widgets/ehk.js"', `src="${app.url}/widgets/ehk.js"`)
  partnerSite = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo))
  await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.2', resolve))
  partnerOrigin = `http://127.0.0.2:${(partnerSite.address() as AddressInfo).port}`
  payload = await openDatabase(app)
  browser = await chromium.launch(chromiumLaunchOptions)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  partnerSite?.close()
  await app?.stop()
  await mail?.close()
})

it('compresses the API’s answers through the real server, and reports itself healthy', async () => {
  const bytes = await new Promise<{ encoding?: string; length: number }>((resolve, reject) =>
    get(`${app.url}/api/ehk/v1/municipalities`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let length = 0
      res.on('data', (chunk: Buffer) => (length += chunk.length))
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], length }))
    }).on('error', reject),
  )
  expect(bytes.encoding).toBe('br')
  expect(bytes.length).toBeLessThan(5000)
  const health = await (await fetch(`${app.url}/api/ehk/v1/health`)).json()
  expect(health).toMatchObject({ status: 'ok', database: true, email: { configured: true }, jobs: { autoRun: true, overdue: 0 } })
})

it('serves the entry script to other origins with short caching, and its chunks named by content for a year', async () => {
  const bundle = await fetch(`${app.url}/widgets/ehk.js`, { headers: { origin: partnerOrigin } })
  expect(bundle.status).toBe(200)
  expect(bundle.headers.get('content-type')).toMatch(/javascript/)
  expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
  expect(bundle.headers.get('x-content-type-options')).toBe('nosniff')
  expect(bundle.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400')
  // ehk.js, the loader, starts the runtime at once and each widget's chunk with the chunks it imports:
  // all of them named by content, cached for a year.
  const loader = await bundle.text()
  const runtime = /^import\("\.\/(ehk-runtime-[\w-]{8}\.js)"\)/.exec(loader)![1]
  const runtimeAnswer = await fetch(`${app.url}/widgets/${runtime}`)
  expect(runtimeAnswer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  const winners = /"ehk-winners":(.*?),"ehk-[\w-]+":/.exec(loader)![1]!
  const chunks = [...winners.matchAll(/\.\/(ehk-[\w.-]+\.js)/g)].map((m) => m[1]!)
  expect(chunks.at(-1)).toMatch(/^ehk-winners-/)
  // What the widget's chunk imports, directly or not, is exactly what the loader starts with it and at once.
  const imported = new Set<string>()
  const follow = async (file: string) => {
    const answer = await fetch(`${app.url}/widgets/${file}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const [, next] of (await answer.text()).matchAll(/from"\.\/(ehk-[\w.-]+\.js)"/g)) {
      if (imported.has(next!)) continue
      imported.add(next!)
      await follow(next!)
    }
  }
  await follow(chunks.at(-1)!)
  expect([...imported].sort()).toEqual([runtime, ...chunks.slice(0, -1)].sort())
  const manifest = await (await fetch(`${app.url}/widgets/custom-elements.json`)).json()
  expect(
    manifest.modules
      .flatMap((m: any) => m.declarations ?? [])
      .map((d: any) => d.tagName)
      .filter(Boolean)
      .sort(),
  ).toEqual(['ehk-application-form', 'ehk-countdown', 'ehk-criteria', 'ehk-jury', 'ehk-timeline', 'ehk-winners'])
})

it('takes an application from a partner’s page on another origin, counts it once confirmed through the e-mail, and lets it be changed', async () => {
  // An admin allows the partner's origin through the REST API (as in the admin UI).
  const login = await fetch(`${app.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }) })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const { docs: partners } = (await (await fetch(`${app.url}/api/partners?where[shortName][equals]=SKR&depth=0`, { headers: auth })).json()) as { docs: Array<{ id: number }> }
  const partner = partners[0]!
  const patched = await fetch(`${app.url}/api/partners/${partner.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ allowedOrigins: [{ origin: partnerOrigin }] }) })
  expect(patched.status).toBe(200)

  const page = await browser.newPage()
  // Test instrumentation: when each widget first shows its content, on the page's own clock.
  await page.addInitScript(() => {
    const seen: Record<string, number> = {}
    ;(window as any).__firstRender = seen
    const watch = () => {
      document.querySelectorAll('ehk-countdown, ehk-winners, ehk-application-form, ehk-timeline, ehk-criteria, ehk-jury').forEach((el, i) => {
        const key = `${el.localName}#${i}`
        if (!(key in seen) && (el as any).state === 'ready' && (el as any).hasUpdated) seen[key] = performance.now()
      })
      if (Object.keys(seen).length < 8) requestAnimationFrame(watch)
    }
    requestAnimationFrame(watch)
  })
  await page.goto(partnerOrigin)
  await page.waitForFunction(() => Object.keys((window as any).__firstRender).length === 8, null, { timeout: 20_000 })
  const timings = await page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widgets/ehk.js')) as PerformanceResourceTiming
    const seen = (window as any).__firstRender as Record<string, number>
    return { scriptLoaded: Math.round(script.responseEnd), firstRender: Object.fromEntries(Object.entries(seen).map(([k, t]) => [k, Math.round(t - script.responseEnd)])) }
  })
  console.log(`Script loaded ${timings.scriptLoaded} ms after navigation; first render after script load (ms):`, timings.firstRender)

  const form = page.locator('ehk-application-form').first()
  await form.locator('#municipality').selectOption('1283')
  await form.locator('#contact-name').fill('Helena Helsingborg')
  // A reload loses nothing: the draft is kept in the browser (the contact for the tab's session).
  await page.reload()
  await expect.poll(() => form.locator('#contact-name').inputValue()).toBe('Helena Helsingborg')
  await form.locator('#contact-email').fill('helena@helsingborg.example')
  for (let i = 0; i < 4; i++) await form.locator(`#answer-${i}`).fill(`Vi har infört trygghetslarm, digitala möten och e-tjänster (område ${i + 1}).`)
  await form.locator('#consent').check()
  const since = mail.messages.length
  await form.locator('form[part="form"] button[type="submit"]').click()
  await expect.poll(() => form.locator('.receipt').textContent(), { timeout: 15_000 }).toMatch(/räknas först när den är bekräftad.*Referensnummer: EHK-2027-1283-\w{4}/)

  const received = (await payload.find({ collection: 'applications', where: { municipality: { equals: '1283' } }, depth: 0, overrideAccess: true })).docs
  expect(received).toHaveLength(1)
  expect(received[0]).toMatchObject({ partner: partner.id, status: 'unconfirmed', contact: { email: 'helena@helsingborg.example' } })

  // The link in the e-mail, sent through the app's queue to the real SMTP server, opens the CMS's page.
  const message = await mail.next('helena@helsingborg.example', /^Bekräfta ansökan/, { since, timeoutMs: 30_000 })
  const link = /http:\/\/127\.0\.0\.1:\d+\/ansokan#bekrafta=[\w-]+/.exec(message.text!)![0]
  expect(link.startsWith(`${app.url}/ansokan#bekrafta=`)).toBe(true)
  await page.goto(link)
  const confirmed = page.locator('ehk-application-form')
  await expect.poll(() => confirmed.locator('.notice').textContent(), { timeout: 15_000 }).toBe('Tack! Ansökan är bekräftad och räknas nu.')
  expect(page.url()).toBe(`${app.url}/ansokan`) // the token is out of the address bar
  await confirmed.locator('#answer-0').fill('Ändrat efter bekräftelsen: vi har också digital tillsyn.')
  await confirmed.locator('form[part="form"] button[type="submit"]').click()
  await expect.poll(() => confirmed.locator('.receipt').textContent(), { timeout: 15_000 }).toContain('Ändringarna är sparade.')

  const [application] = (await payload.find({ collection: 'applications', where: { municipality: { equals: '1283' } }, depth: 0, overrideAccess: true })).docs as any[]
  expect(application).toMatchObject({ status: 'submitted', competing: false, partner: partner.id })
  expect(application.answers[0].text).toBe('Ändrat efter bekräftelsen: vi har också digital tillsyn.')
  const editLink = await mail.next('helena@helsingborg.example', /^Ansökan bekräftad/, { since, timeoutMs: 30_000 })
  expect(tokenIn(editLink.text, 'redigera')).toMatch(/^[\w-]{43}$/)
  const notice = await mail.next('kontakt@example.org', /^Ny ansökan till Sveriges eHälsokommun 2027: Helsingborgs kommun/, { since, timeoutMs: 30_000 })
  expect(notice.text).toContain(`${app.url}/admin/collections/applications/${application.id}`)
  await page.close()
})

it('takes an application on the CMS’s own page (/ansokan), which no partner list needs to allow', async () => {
  const page = await browser.newPage()
  await page.goto(`${app.url}/ansokan`)
  const form = page.locator('ehk-application-form')
  await form.locator('#municipality').selectOption('0604')
  await form.locator('#contact-name').fill('Anna Aneby')
  await form.locator('#contact-email').fill('anna@aneby.example')
  for (let i = 0; i < 4; i++) await form.locator(`#answer-${i}`).fill(`Digitala tjänster för äldre (område ${i + 1}).`)
  await form.locator('#consent').check()
  await form.locator('form[part="form"] button[type="submit"]').click()
  await expect.poll(() => form.locator('.receipt').textContent(), { timeout: 15_000 }).toMatch(/Referensnummer: EHK-2027-0604-\w{4}/)
  const { docs } = await payload.find({ collection: 'applications', where: { municipality: { equals: '0604' } }, depth: 0, overrideAccess: true })
  expect(docs[0]).toMatchObject({ partner: null, status: 'unconfirmed' })
  await page.close()
})

it('sends its security headers on every page and answer, and a per-request nonce on the admin', async () => {
  for (const path of ['/demo', '/ansokan', '/api/ehk/v1/years/current', '/api/criteria', '/admin/login']) {
    const response = await fetch(`${app.url}${path}`)
    expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
    const csp = response.headers.get('content-security-policy')!
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) expect(csp, path).toContain(directive)
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
  }
  const nonces = await Promise.all([1, 2].map(async () => /'nonce-([^']+)'/.exec((await fetch(`${app.url}/admin/login`)).headers.get('content-security-policy')!)![1]))
  expect(nonces[0]).not.toBe(nonces[1])
  // The admin works under its policy: a page that logs in and lists applications, with nothing refused.
  const page = await browser.newPage()
  const refused: string[] = []
  page.on('console', (m) => m.type() === 'error' && refused.push(m.text()))
  await page.goto(`${app.url}/admin/login`)
  await page.fill('#field-email', 'editor@example.org')
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 })
  await page.goto(`${app.url}/admin/collections/applications`)
  await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 }).toBe('Ansökningar')
  expect(refused).toEqual([])
  const cookie = (await page.context().cookies()).find((c) => c.name === 'payload-token')!
  expect([cookie.sameSite, cookie.httpOnly]).toEqual(['Strict', true])
  await page.close()
})

it('answers a path with broken percent-encoding with 400, not 500', async () => {
  for (const path of ['/api/ehk/v1/years/%FF', '/admin/%FF', '/api/criteria/%E0%A4%A']) expect((await fetch(`${app.url}${path}`)).status, path).toBe(400)
})
