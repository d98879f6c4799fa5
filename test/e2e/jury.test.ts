// End to end: the jury's admin views in the real app (node server.mjs on the production build) in
// Chromium, by keyboard and checked with axe-core (WCAG 2.2 AA): a juror's work list and a conflict
// declared from it without opening the application, the board a tied juror sees (without the
// municipality they are tied to), the editor's board and the decision recorded through its form,
// and the printable application.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, chromium, type Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'
import { MUNICIPALITIES } from '../../src/domain/municipalities.js'
import { generateJuryYear, type JuryYearData } from '../helpers/juryYear.js'
import { type App, openDatabase, requireFreshBuild, startApp } from './app.js'

const PORT = 3929
const YEAR = 2031
const DEMO_PASSWORD = 'e2e-jury-demo-password'
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let app: App
let payload: Payload
let browser: Browser
let data: JuryYearData

beforeAll(async () => {
  requireFreshBuild()
  app = await startApp(PORT, { EHK_DEMO_PASSWORD: DEMO_PASSWORD })
  payload = await openDatabase(app)
  // Mid-way through the final round: 12 applications, 5 jurors (juror 1 tied to the first
  // municipality), five finalists. Juror 3 has yet to review the finalists.
  data = await generateJuryYear(payload, { year: YEAR, now: new Date(), applications: 12, jurors: 5, password: 'e2e-jury-password-2031', seed: 11 })
  await payload.db.deleteMany({ collection: 'reviews', where: { and: [{ juror: { equals: data.jurors[2]!.id } }, { round: { equals: 'final' } }] } })
  browser = await chromium.launch(chromiumLaunchOptions)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await app?.stop()
})

async function signIn(account: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ locale: 'sv-SE' })
  await page.goto(`${app.url}/admin/login`)
  await page.fill('#field-email', account.email)
  await page.fill('#field-password', account.password)
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/admin$/)
  return page
}

/** axe-core on our part of the page (Payload's own admin is Payload's to answer for). */
async function violations(page: Page, scope = '.ehk-jury'): Promise<string[]> {
  // Evaluated by the test, not added as a script: a page's CSP (the preview page's) would refuse that.
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (scope) => {
    const results = await (window as any).axe.run(scope, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
    return results.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
  }, scope)
}

/** Tabs (as a keyboard user) until the focused element matches; fails if it is never reached. */
async function tabTo(page: Page, selector: string, limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`${selector} is not reachable by Tab`)
}

it('gives juror 3 a work list that passes axe, where a conflict is declared by keyboard without opening the application', async () => {
  const page = await signIn(data.jurors[2]!)
  await page.goto(`${app.url}/admin/jury`)
  await page.waitForSelector('.ehk-jury h1')
  expect(await page.locator('.ehk-jury h1').textContent()).toBe('Mitt juryarbete')
  const rows = page.locator('.ehk-jury tbody tr')
  expect(await rows.count()).toBe(5)
  expect(await violations(page)).toEqual([])

  const first = (await rows.first().locator('th').textContent())!.trim()
  await tabTo(page, `button[aria-label="Anmäl jäv för ${first}"]`)
  await page.keyboard.press('Enter')
  // The reason field takes the focus; the form is sent from its button.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
  await page.keyboard.type('Min syster är kommunchef.')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await page.waitForSelector('.ehk-jury p[role="status"]')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Jäv anmält för ${first}.`)
  expect(await violations(page)).toEqual([])

  const declared = await payload.find({ collection: 'reviews', where: { and: [{ juror: { equals: data.jurors[2]!.id } }, { conflictOfInterest: { equals: true } }] }, overrideAccess: true, depth: 1 })
  expect(declared.docs.map((r) => [(r.application as { municipalityName: string }).municipalityName, r.conflictNote])).toEqual([[first, 'Min syster är kommunchef.']])
  await page.reload()
  await page.waitForSelector('.ehk-jury h1')
  expect(await rows.count()).toBe(4)
  expect(await page.locator('.ehk-jury').textContent()).not.toContain(first)
  await page.close()
})

it('shows juror 1 a board without the municipality they are tied to, and no printable copy of it', async () => {
  const tied = MUNICIPALITIES[0]!
  const page = await signIn(data.jurors[0]!)
  await page.goto(`${app.url}/admin/jury/${data.yearId}?round=screening`)
  await page.waitForSelector('.ehk-jury table')
  const text = (await page.locator('.ehk-jury').textContent())!
  expect(text).toContain('Du ser sammanställningar av de ansökningar du själv har bedömt')
  expect(text).not.toContain(tied.name)
  // (The admin's client config lists all 290 municipalities, for the applications' select field.)
  const html = await page.locator('.ehk-jury').innerHTML()
  expect(html).not.toContain(tied.name)
  expect(html).not.toContain(`/admin/jury/utskrift/${data.applications[0]}"`)
  expect(await violations(page)).toEqual([])
  await page.goto(`${app.url}/admin/jury/utskrift/${data.applications[0]}`)
  await page.waitForSelector('.ehk-jury [role="alert"]')
  expect(await page.locator('.ehk-jury').innerHTML()).not.toContain(tied.name)
  await page.close()
})

it('opens the admin on a start page for each role that passes axe: the year and what to do, a juror’s work, the server’s health', async () => {
  const editor = await signIn(data.editor)
  await editor.waitForSelector('.ehk-dashboard h2')
  const text = (await editor.locator('.ehk-dashboard').textContent())!
  expect(text).toContain(`Översikt: Sveriges eHälsokommun ${YEAR}`)
  expect(text).toContain('Status: Finalister utsedda. Nästa: Juryns beslut')
  expect(await editor.locator('.ehk-dashboard a', { hasText: 'Registrera juryns beslut' }).getAttribute('href')).toBe(`/admin/jury/${data.yearId}?round=final`)
  expect(await editor.locator('.ehk-dashboard svg[role="img"]').getAttribute('aria-label')).toMatch(/^Bekräftade ansökningar per vecka: veckan från \d{4}-\d\d-\d\d: \d+/)
  expect(await violations(editor, '.ehk-dashboard')).toEqual([])
  expect(text).not.toContain('Serverns hälsa')
  await editor.close()

  const juror = await signIn(data.jurors[3]!)
  await juror.waitForSelector('.ehk-dashboard h2')
  expect(await juror.locator('.ehk-dashboard').textContent()).toContain(`Ditt juryarbete`)
  expect(await juror.locator('.ehk-dashboard').textContent()).not.toContain('Ansökningar')
  expect(await violations(juror, '.ehk-dashboard')).toEqual([])
  await juror.close()

  const admin = await signIn({ email: 'admin@example.org', password: DEMO_PASSWORD })
  await admin.waitForSelector('.ehk-dashboard h2')
  expect(await admin.locator('.ehk-dashboard').textContent()).toContain('Serverns hälsaDatabasOK')
  expect(await violations(admin, '.ehk-dashboard')).toEqual([])
  await admin.close()
})

it('shows the editor each answer of an application with its area’s guiding questions beside it', async () => {
  const application = (await payload.findByID({ collection: 'applications', id: data.applications[1]!, depth: 1, overrideAccess: true })) as {
    answers: Array<{ criterion: { guidingQuestions: Array<{ question: string }> } }>
  }
  const page = await signIn(data.editor)
  await page.goto(`${app.url}/admin/collections/applications/${data.applications[1]}`)
  await page.waitForSelector('.ehk-guiding li')
  const shown = await page.locator('.ehk-guiding').evaluateAll((blocks) => blocks.map((b) => [...b.querySelectorAll('li')].map((li) => li.textContent)))
  expect(shown).toEqual(application.answers.map((a) => a.criterion.guidingQuestions.map((q) => q.question)))
  expect(await violations(page, '.ehk-guiding')).toEqual([])
  await page.close()
})

it('gives the editor a board that passes axe, and records the decision through its form by keyboard', async () => {
  const page = await signIn(data.editor)
  await page.goto(`${app.url}/admin/jury/${data.yearId}?round=final`)
  await page.waitForSelector('.ehk-jury table')
  expect(await violations(page)).toEqual([])

  const winner = (await payload.findByID({ collection: 'applications', id: data.finalists[0]!, overrideAccess: true, depth: 0 })) as { municipalityName: string }
  await tabTo(page, 'select')
  // A native select: the keyboard opens nothing, it moves through the options.
  const options = await page.locator('select option').allTextContents()
  const index = options.findIndex((o) => o.includes(winner.municipalityName))
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Kommunen har gjort invånarna till medskapare.')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Brukarråd\nTydlig ledning')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const decided = () => payload.findByID({ collection: 'award-years', id: data.yearId, overrideAccess: true, depth: 0 })
  await expect.poll(async () => (await decided()).status, { timeout: 10_000 }).toBe('decided')
  const year = await decided()
  expect([year.status, year.winner, (year.successFactors as Array<{ text: string }>).map((f) => f.text)]).toEqual(['decided', data.finalists[0], ['Brukarråd', 'Tydlig ledning']])
  expect(await violations(page)).toEqual([])

  await page.goto(`${app.url}/admin/jury/utskrift/${data.finalists[0]}`)
  await page.waitForSelector('.ehk-print h1')
  expect(await page.locator('.ehk-print h1').textContent()).toBe(`${winner.municipalityName}: Sveriges eHälsokommun ${YEAR}`)
  expect(await violations(page)).toEqual([])
  await page.close()
})

it('lets an editor preview a draft year’s widgets through the year’s preview button; the page passes axe and the link works for no one without its token', async () => {
  const draft = await payload.create({
    collection: 'award-years',
    data: { year: 2032, title: 'Sveriges eHälsokommun 2032', status: 'draft', timeline: [{ startsOn: '2031-10-31T23:00:00.000Z', description: 'Ansökan öppnar' }] } as never,
    overrideAccess: true,
  })
  const page = await signIn({ email: 'editor@example.org', password: DEMO_PASSWORD })
  await page.goto(`${app.url}/admin/collections/award-years/${draft.id}`)
  const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Förhandsgranska' }).click()])
  await preview.waitForLoadState()
  // The token left the address bar at once; the widgets show the draft.
  expect(preview.url()).toBe(`${app.url}/forhandsvisning?ar=2032`)
  await expect.poll(() => preview.locator('ehk-timeline li').first().textContent(), { timeout: 10_000 }).toContain('Ansökan öppnar')
  await expect.poll(() => preview.locator('ehk-countdown').evaluate((el: any) => el.state)).toBe('ready')
  expect(await violations(preview, 'body')).toEqual([])
  // The same page in a browser without the token (anyone else) shows nothing of the draft.
  const stranger = await browser.newPage()
  await stranger.goto(`${app.url}/forhandsvisning?ar=2032`)
  await expect.poll(() => stranger.locator('#notice').textContent()).toMatch(/saknar år eller nyckel/)
  expect(await (await fetch(`${app.url}/api/ehk/v1/years/2032`)).json()).toMatchObject({ status: 404 })
  await stranger.close()
  await preview.close()
  await page.close()
})
