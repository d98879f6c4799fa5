// Builds the widgets (public/widgets/): ehk.js, the one script tag (the loader), and a copy of it
// named by its content hash; the runtime and the widgets' chunks, all named by their content; and
// the custom elements manifest. Prints what a page transfers for each widget
// (gzip, every file it loads) and fails when a page or all the widgets together exceed the budget.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { loadedWith } from './chunks.mjs'

/** Script a page may load, gzip bytes: a page with only the countdown (the lightest), and one with every widget. */
const BUDGET = { countdown: 9_100, all: 20_500 }
const dir = 'public/widgets'

const result = await build({ configFile: 'widgets/vite.config.ts', logLevel: 'warn' })
const chunks = new Map(
  (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk')
    .map((c) => [c.fileName, c]),
)
const entry = [...chunks.values()].find((c) => c.isEntry)
const gzip = (file) => gzipSync(readFileSync(`${dir}/${file}`), { level: 9 }).length

const bytes = (files) => [...files].reduce((sum, file) => sum + gzip(file), 0)

const hash = createHash('sha256')
  .update(readFileSync(`${dir}/ehk.js`))
  .digest('hex')
  .slice(0, 10)
copyFileSync(`${dir}/ehk.js`, `${dir}/ehk.${hash}.js`)
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { stdio: 'inherit' })

const pages = entry.dynamicImports.map((widget) => {
  const files = loadedWith(chunks, entry.fileName, loadedWith(chunks, widget))
  return { widget: chunks.get(widget).name, files, bytes: bytes(files) }
})
const all = bytes(loadedWith(chunks, entry.fileName, new Set(entry.dynamicImports.flatMap((w) => [...loadedWith(chunks, w)]))))
const kb = (n) => `${n} B (${(n / 1000).toFixed(1)} kB)`
console.log(`Widgets in ${dir}: ehk.js (and ehk.${hash}.js) + ${chunks.size - 1} files. Script a page loads, gzip:`)
for (const page of pages) console.log(`  only <ehk-${page.widget}>: ${kb(page.bytes)} in ${page.files.size} files${page.widget === 'countdown' ? ` (budget ${kb(BUDGET.countdown)})` : ''}`)
console.log(`  all widgets: ${kb(all)} (budget ${kb(BUDGET.all)})`)
const countdown = pages.find((p) => p.widget === 'countdown')
const over = [
  ...(countdown.bytes > BUDGET.countdown ? [`a page with only <ehk-countdown> is ${countdown.bytes - BUDGET.countdown} B over ${BUDGET.countdown} B`] : []),
  ...(all > BUDGET.all ? [`all widgets are ${all - BUDGET.all} B over ${BUDGET.all} B`] : []),
]
if (over.length > 0) {
  console.error(`The widgets are over their budget: ${over.join('; ')}.`)
  process.exit(1)
}
