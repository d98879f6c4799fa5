// The README's screenshots of the admin (docs/dashboard.png, docs/jury-board.png): the real app on
// generated data (12 applications, 5 jurors, mid-way through the final round), the start page and
// the screening board as an editor sees them, in Debian's Chromium. Usage: npm run screenshot   (SCREENSHOT_SKIP_BUILD=1 reuses the build)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { openDatabase, startApp } from '../test/e2e/app.js'
import { generateJuryYear } from '../test/helpers/juryYear.js'
import { chromiumLaunchOptions } from './chromium.mjs'

if (process.env.SCREENSHOT_SKIP_BUILD !== '1' || !existsSync('.next/BUILD_ID')) {
  if (spawnSync('npm', ['run', 'build'], { stdio: 'ignore' }).status !== 0) process.exit(1)
}
const app = await startApp(3945, { EHK_DEMO_PASSWORD: 'screenshot-demo-password-2027' })
process.on('exit', () => void app.stop())
const payload = await openDatabase(app)
// Later than the demo content's years, so that the start page shows it as the current year.
const data = await generateJuryYear(payload, { year: new Date().getFullYear() + 2, now: new Date(), applications: 12, jurors: 5, password: 'screenshot-password-2031', seed: 7 })

const browser = await chromium.launch(chromiumLaunchOptions)
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'sv-SE' })
await page.goto(`${app.url}/admin/login`)
await page.fill('#field-email', data.editor.email)
await page.fill('#field-password', data.editor.password)
await page.click('button[type="submit"]')
await page.waitForURL(/\/admin$/)
await page.waitForSelector('.ehk-dashboard h2')
mkdirSync('docs', { recursive: true })
await page.screenshot({ path: 'docs/dashboard.png', fullPage: false })
console.log('docs/dashboard.png')
await page.goto(`${app.url}/admin/jury/${data.yearId}?round=screening`)
await page.waitForSelector('.ehk-jury table')
await page.screenshot({ path: 'docs/jury-board.png', fullPage: false })
console.log('docs/jury-board.png')
await browser.close()
await payload.destroy()
process.exit(0)
