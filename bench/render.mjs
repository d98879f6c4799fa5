// Benchmark of the widgets on a partner's page: the demo page served from another origin, opened in
// Debian's Chromium five times, each in a fresh browser context (nothing cached), against the real
// app on the production build. Prints, per widget, how long after the script tag's file has loaded
// the widget first shows its data (median and max of the runs), where that time goes (the widgets'
// code, and when each API answer was asked for and how long it took), and Lighthouse's scores.
// Usage: npm run bench:render   (BENCH_RUNS=5, BENCH_SKIP_BUILD=1)
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'
import { createServer } from 'node:http'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium.mjs'
import { buildIfNeeded, DEMO_PASSWORD, startApp } from './app.mjs'

const runs = Number(process.env.BENCH_RUNS ?? 5)
const port = Number(process.env.BENCH_PORT ?? 3918)
const TAGS = ['ehk-countdown', 'ehk-timeline', 'ehk-criteria', 'ehk-jury', 'ehk-winners', 'ehk-application-form']

buildIfNeeded()
const { base, stop } = await startApp(port)

// The partner's pages, on another origin: the demo page as a partner copies it, and one with only the countdown.
const demo = (await (await fetch(`${base}/demo/`)).text()).replace('src="/widgets/ehk.js"', `src="${base}/widgets/ehk.js"`)
const countdownOnly = `<!doctype html><html lang="sv"><title>Nedräkning</title><script type="module" src="${base}/widgets/ehk.js"></script><h1>Sveriges eHälsokommun</h1><ehk-countdown></ehk-countdown></html>`
const partner = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/nedrakning' ? countdownOnly : demo))
await new Promise((resolve) => partner.listen(0, '127.0.0.2', resolve))
const partnerUrl = `http://127.0.0.2:${partner.address().port}/`
// The organiser allows the partner's origin, as an admin does in the admin UI.
const { token } = await (
  await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password: DEMO_PASSWORD }) })
).json()
const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
const { docs } = await (await fetch(`${base}/api/partners?limit=1&depth=0`, { headers: auth })).json()
await fetch(`${base}/api/partners/${docs[0].id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ allowedOrigins: [{ origin: new URL(partnerUrl).origin }] }) })

/** One visit to `url`: for each widget on the page, when it first showed its data, in ms after ehk.js loaded. */
async function visit(browser, url = partnerUrl) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript((tags) => {
    const seen = (window.__firstRender = {})
    const watch = () => {
      for (const [i, el] of [...document.querySelectorAll(tags.join(','))].entries()) {
        const key = `${el.localName}#${i}`
        if (!(key in seen) && el.state === 'ready' && el.hasUpdated) seen[key] = performance.now()
      }
      requestAnimationFrame(watch)
    }
    requestAnimationFrame(watch)
  }, TAGS)
  await page.goto(url)
  const count = await page.evaluate((tags) => document.querySelectorAll(tags.join(',')).length, TAGS)
  await page.waitForFunction((n) => Object.keys(window.__firstRender).length === n, count, { timeout: 20_000 })
  const result = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource')
    const script = resources.find((e) => e.name.endsWith('/widgets/ehk.js'))
    const after = (e) => e.responseEnd - script.responseEnd
    // Where the time goes: the widgets' code on the page, and each API answer (asked, and answered).
    const code = resources.filter((e) => /\/widgets\/ehk-.*\.js$/.test(new URL(e.name).pathname))
    const api = resources.filter((e) => e.name.includes('/api/ehk/v1/'))
    return {
      renders: Object.entries(window.__firstRender).map(([key, at]) => [key, at - script.responseEnd]),
      steps: [
        ['all widget code loaded', Math.max(...code.map(after))],
        ...api.map((e) => [`${new URL(e.name).pathname.replace('/api/ehk/v1', 'API ')}${new URL(e.name).search} asked`, e.startTime - script.responseEnd]),
        ...api.map((e) => [`${new URL(e.name).pathname.replace('/api/ehk/v1', 'API ')}${new URL(e.name).search} answered in`, e.responseEnd - e.startTime]),
      ],
    }
  })
  await context.close()
  return result
}

const browser = await chromium.launch(chromiumLaunchOptions)
await visit(browser) // The server's first answers after start are not what a visitor meets.
const samples = new Map()
const steps = new Map()
const add = (map, key, ms) => map.set(key, [...(map.get(key) ?? []), ms])
for (let run = 0; run < runs; run++) {
  const visited = await visit(browser)
  for (const [key, ms] of visited.renders) add(samples, key, ms)
  for (const [key, ms] of visited.steps) add(steps, key, ms)
  for (const [key, ms] of (await visit(browser, `${partnerUrl}nedrakning`)).renders) add(samples, `${key} (page with only it)`, ms)
}
await browser.close()

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const rows = [...samples].map(([widget, values]) => ({ widget, 'median ms': Math.round(median(values)), 'max ms': Math.round(Math.max(...values)), runs: values.length }))
console.log(`\nFirst render with data, ms after /widgets/ehk.js loaded (demo page on another origin, ${runs} fresh visits):`)
console.table(rows)
console.log('Where the time goes (ms; "asked" after /widgets/ehk.js loaded, "answered in" from asking to the last byte):')
console.table([...steps].map(([step, values]) => ({ step, 'median ms': Math.round(median(values)), 'max ms': Math.round(Math.max(...values)) })))

// Lighthouse on the demo page as the CMS serves it (/demo), driving Debian's Chromium: desktop, and
// Lighthouse's default, a phone on a simulated slow 4G line.
const chrome = await chromeLauncher.launch({ chromePath: chromiumLaunchOptions.executablePath, chromeFlags: chromiumLaunchOptions.args })
const scores = []
for (const [name, config] of [
  ['desktop', desktopConfig],
  ['mobile (simulated slow 4G)', undefined],
]) {
  const { lhr } = await lighthouse(`${base}/demo`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] }, config)
  scores.push({
    profile: name,
    performance: lhr.categories.performance.score,
    accessibility: lhr.categories.accessibility.score,
    'best practices': lhr.categories['best-practices'].score,
    'cumulative layout shift': lhr.audits['cumulative-layout-shift'].numericValue,
    'largest contentful paint ms': Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    // Lighthouse's phone runs the main thread 4 times slower: its long tasks are what the mobile score loses.
    'total blocking time ms': Math.round(lhr.audits['total-blocking-time'].numericValue),
    failing: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id)
      .join(', '),
  })
}
await chrome.kill()
console.log('\nLighthouse on the demo page (/demo):')
console.table(scores)
partner.close()
stop()
process.exit(0)
