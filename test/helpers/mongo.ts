// The MongoDB stand-in: CongoDB (a MongoDB wire-protocol server written in TypeScript, from
// @push.rocks/smartmongo, installed from npm; no download) on 127.0.0.1. What it does not prove
// (it ignores unique indexes) is in the README's section on MongoDB.
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js'
import { createServer } from 'node:net'

/** A free port on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** Starts a stand-in server: its address (`mongodb://127.0.0.1:port`, add a database name) and how to stop it. */
export async function startMongoStandIn(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort()
  const server = new CongoServer({ port, host: '127.0.0.1' })
  await server.start()
  return { url: `mongodb://127.0.0.1:${port}`, stop: () => server.stop() }
}
