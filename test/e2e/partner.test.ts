// End to end: the real app (next start, embedded SQLite, demo content), a partner's page on another
// origin that embeds the widgets with the README's snippet, an application sent through it in
// Chromium, then found through the Local API with the partner's attribution.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eHalsokommun } from '../../src/index.js'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const PORT = 3927
const CMS = `http://127.0.0.1:${PORT}`
const SECRET = 'e2e-secret'
const PASSWORD = 'e2e-demo-password'

let dir: string
let app: ChildProcess
let partnerSite: Server
let partnerOrigin: string
let browser: Browser
let payload: Payload

/** The newest change among what the production build is made of. */
function newestSource(): number {
  const out = spawnSync('git', ['ls-files', '-co', '--exclude-standard', 'src', 'public', 'payload.config.ts', 'next.config.ts', 'package-lock.json'], { encoding: 'utf8' })
  return Math.max(...out.stdout.split('\n').filter(Boolean).map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0), statSync('public/widgets/ehk.js').mtimeMs)
}

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer`)
}

beforeAll(async () => {
  // The app as `npm start` serves it, from the build that `npm test` makes first.
  if ((statSync('.next/BUILD_ID', { throwIfNoEntry: false })?.mtimeMs ?? 0) < newestSource()) {
    throw new Error('The production build is missing or older than the sources: run `npm run build` (npm test does) before the end-to-end test.')
  }
  dir = mkdtempSync(path.join(tmpdir(), 'ehk-e2e-'))
  const database = `file:${path.join(dir, 'e2e.db')}`
  app = spawn('node_modules/.bin/next', ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URI: database, PAYLOAD_SECRET: SECRET, EHK_DEMO_PASSWORD: PASSWORD },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitFor(`${CMS}/api/ehk/v1/years/current`)

  // The partner's own site, on another origin: the demo page as a partner would copy it.
  const demo = (await (await fetch(`${CMS}/demo`)).text()).replace('src="/widgets/ehk.js"', `src="${CMS}/widgets/ehk.js"`)
  partnerSite = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo))
  await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.2', resolve))
  partnerOrigin = `http://127.0.0.2:${(partnerSite.address() as AddressInfo).port}`

  // The same database through the Local API (no schema push: the server owns it).
  const config = await buildConfig({ secret: SECRET, db: sqliteAdapter({ client: { url: database }, push: false }), editor: lexicalEditor(), plugins: [eHalsokommun()], telemetry: false })
  payload = await getPayload({ config })
  browser = await chromium.launch(chromiumLaunchOptions)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  partnerSite?.close()
  app?.kill('SIGTERM')
  if (dir) rmSync(dir, { recursive: true, force: true })
})

it('serves the bundle to other origins, with short caching by name and long caching by content hash', async () => {
  const bundle = await fetch(`${CMS}/widgets/ehk.js`, { headers: { origin: partnerOrigin } })
  expect(bundle.status).toBe(200)
  expect(bundle.headers.get('content-type')).toMatch(/javascript/)
  expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
  expect(bundle.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400')
  const manifest = await (await fetch(`${CMS}/widgets/custom-elements.json`)).json()
  expect(manifest.modules.flatMap((m: any) => m.declarations ?? []).map((d: any) => d.tagName).filter(Boolean).sort()).toEqual(['ehk-application-form', 'ehk-countdown', 'ehk-winners'])
})

it('takes an application from a partner’s page on another origin once an admin has allowed the origin', async () => {
  // An admin allows the partner's origin through the REST API (as in the admin UI).
  const login = await fetch(`${CMS}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }) })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const { docs: partners } = (await (await fetch(`${CMS}/api/partners?where[shortName][equals]=SKR&depth=0`, { headers: auth })).json()) as { docs: Array<{ id: number }> }
  const partner = partners[0]!
  const patched = await fetch(`${CMS}/api/partners/${partner.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ allowedOrigins: [{ origin: partnerOrigin }] }) })
  expect(patched.status).toBe(200)

  const page = await browser.newPage()
  // Test instrumentation: when each widget first shows its content, on the page's own clock.
  await page.addInitScript(() => {
    const seen: Record<string, number> = {}
    ;(window as any).__firstRender = seen
    const watch = () => {
      document.querySelectorAll('ehk-countdown, ehk-winners, ehk-application-form').forEach((el, i) => {
        const key = `${el.localName}#${i}`
        if (!(key in seen) && (el as any).state === 'ready' && (el as any).hasUpdated) seen[key] = performance.now()
      })
      if (Object.keys(seen).length < 5) requestAnimationFrame(watch)
    }
    requestAnimationFrame(watch)
  })
  await page.goto(partnerOrigin)
  await page.waitForFunction(() => Object.keys((window as any).__firstRender).length === 5, null, { timeout: 20_000 })
  const timings = await page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widgets/ehk.js')) as PerformanceResourceTiming
    const seen = (window as any).__firstRender as Record<string, number>
    return { scriptLoaded: Math.round(script.responseEnd), firstRender: Object.fromEntries(Object.entries(seen).map(([k, t]) => [k, Math.round(t - script.responseEnd)])) }
  })
  console.log(`Script loaded ${timings.scriptLoaded} ms after navigation; first render after script load (ms):`, timings.firstRender)

  const form = page.locator('ehk-application-form').first()
  await form.locator('#municipality').selectOption('1283')
  await form.locator('#contact-name').fill('Helena Helsingborg')
  // A reload loses nothing: the draft is kept in the browser.
  await page.reload()
  await expect.poll(() => form.locator('#contact-name').inputValue()).toBe('Helena Helsingborg')
  await form.locator('#contact-email').fill('helena@helsingborg.example')
  for (let i = 0; i < 4; i++) await form.locator(`#answer-${i}`).fill(`Vi har infört trygghetslarm, digitala möten och e-tjänster (område ${i + 1}).`)
  await form.locator('#consent').check()
  await form.locator('button[type="submit"]').click()
  await expect.poll(() => form.locator('.receipt').textContent(), { timeout: 15_000 }).toContain('Referensnummer: EHK-2027-1283')

  const { docs } = await payload.find({ collection: 'applications', where: { municipality: { equals: '1283' } }, depth: 0, overrideAccess: true })
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ reference: 'EHK-2027-1283', partner: partner.id, status: 'submitted', contact: { email: 'helena@helsingborg.example' } })
  await page.close()
})

it('takes an application on the CMS’s own page (/ansokan), which no partner list needs to allow', async () => {
  const page = await browser.newPage()
  await page.goto(`${CMS}/ansokan`)
  const form = page.locator('ehk-application-form')
  await form.locator('#municipality').selectOption('0604')
  await form.locator('#contact-name').fill('Anna Aneby')
  await form.locator('#contact-email').fill('anna@aneby.example')
  for (let i = 0; i < 4; i++) await form.locator(`#answer-${i}`).fill(`Digitala tjänster för äldre (område ${i + 1}).`)
  await form.locator('#consent').check()
  await form.locator('button[type="submit"]').click()
  await expect.poll(() => form.locator('.receipt').textContent(), { timeout: 15_000 }).toContain('Referensnummer: EHK-2027-0604')
  const { docs } = await payload.find({ collection: 'applications', where: { municipality: { equals: '0604' } }, depth: 0, overrideAccess: true })
  expect(docs[0]).toMatchObject({ reference: 'EHK-2027-0604', partner: null })
  await page.close()
})
