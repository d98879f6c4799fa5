// Takes the README's screenshot of the demo page (docs/demo.png) from a running app.
// Usage: npm start (in another terminal), then: node scripts/screenshot-demo.mjs [http://localhost:3000]
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from './chromium.mjs'

const cms = process.argv[2] ?? 'http://localhost:3000'
const browser = await chromium.launch(chromiumLaunchOptions)
const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 })
await page.goto(`${cms}/demo`)
await page.waitForFunction(() => [...document.querySelectorAll('ehk-countdown, ehk-winners, ehk-application-form')].every((el) => el.state === 'ready'))
await page.screenshot({ path: 'docs/demo.png', fullPage: true })
await browser.close()
console.log('docs/demo.png')
