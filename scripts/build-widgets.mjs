// Builds the widget bundle (public/widgets/ehk.js), a copy named by its content hash for long-lived
// caching, and the custom elements manifest; prints the gzip size and fails above the budget.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync, readdirSync, unlinkSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const BUDGET_BYTES = 12 * 1024
const dir = 'public/widgets'

await build({ configFile: 'widgets/vite.config.ts', logLevel: 'warn' })
const bundle = readFileSync(`${dir}/ehk.js`)
const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 10)
for (const file of readdirSync(dir)) if (/^ehk\.[0-9a-f]{10}\.js$/.test(file)) unlinkSync(`${dir}/${file}`)
copyFileSync(`${dir}/ehk.js`, `${dir}/ehk.${hash}.js`)
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { stdio: 'inherit' })

const gzip = gzipSync(bundle, { level: 9 }).length
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`
console.log(`Widgets: ${dir}/ehk.js (and ehk.${hash}.js) ${kib(bundle.length)}, gzip ${gzip} B = ${kib(gzip)} (budget ${kib(BUDGET_BYTES)})`)
if (gzip > BUDGET_BYTES) {
  console.error(`The widget bundle is ${gzip - BUDGET_BYTES} B over its budget of ${BUDGET_BYTES} B gzip.`)
  process.exit(1)
}
