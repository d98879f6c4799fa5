// Turns src/domain/municipalities.csv (the official list, CC0) into src/domain/municipalities.data.ts,
// so that server and widgets import the list without reading files at run time.
// Run: node scripts/generate-municipalities.mjs (a test checks that the two never drift apart).
import { readFileSync, writeFileSync } from 'node:fs'

export function parseMunicipalitiesCsv(csv) {
  const [header, ...rows] = csv.trim().split(/\r?\n/)
  const columns = header.split(',')
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell]))
    return {
      code: cells.municipality_code,
      name: cells.municipality_name,
      shortName: cells.municipality_name_short,
      county: cells.county_name,
    }
  })
}

export function renderMunicipalitiesModule(list) {
  const lines = list.map((m) => `  [${[m.code, m.name, m.shortName, m.county].map((s) => JSON.stringify(s)).join(', ')}],`)
  return `// Generated from src/domain/municipalities.csv by scripts/generate-municipalities.mjs. Do not edit.
// Columns: code, name, short name, county.
export const MUNICIPALITY_ROWS = [
${lines.join('\n')}
] as const
`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = parseMunicipalitiesCsv(readFileSync(new URL('../src/domain/municipalities.csv', import.meta.url), 'utf8'))
  writeFileSync(new URL('../src/domain/municipalities.data.ts', import.meta.url), renderMunicipalitiesModule(list))
  console.log(`Wrote ${list.length} municipalities.`)
}
