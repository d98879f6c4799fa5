// Pushes the plugin's test schema (startPayload's) into a fresh database and writes it, whole and
// consistent, to the SQLite file named on the command line: the template of
// test/helpers/sqliteTemplate.ts.
import { startPayload } from './payload.js'

const target = process.argv[2]
if (!target) throw new Error('usage: payload run test/helpers/makeSqliteTemplate.ts <file>')
const t = await startPayload()
await (t.payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute(`VACUUM INTO '${target.replaceAll("'", "''")}'`)
await t.destroy()
process.exit(0)
