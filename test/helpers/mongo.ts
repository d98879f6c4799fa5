// The MongoDB stand-in: CongoDB (a MongoDB wire-protocol server written in TypeScript, from
// @push.rocks/smartmongo, installed from npm; no download) on 127.0.0.1. What it does not prove
// (it ignores unique indexes) is in the README's section on MongoDB.
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

/** Starts a stand-in server: its address (`mongodb://127.0.0.1:port`) and how to stop it. */
export async function startMongoStandIn(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { CongoServer } = await import('@push.rocks/smartmongo/dist_ts/congodb/index.js')
  const port = await freePort()
  const server = new CongoServer({ port, host: '127.0.0.1' })
  await server.start()
  return { url: `mongodb://127.0.0.1:${port}`, stop: () => server.stop() }
}

/**
 * The address of a database on the stand-in. It says it speaks MongoDB 7 (wire version 21), so the
 * driver would watch it with streaming heartbeats (replies flagged moreToCome), which it does not
 * implement: now and then the driver saw "Server ended moreToCome unexpectedly", cleared its
 * connection pool and failed the operations in flight. Polling heartbeats are what it supports
 * (and what the driver uses on every server older than 4.4).
 */
export const standInDatabase = (server: string, name: string) => `${server}/${name}?serverMonitoringMode=poll`
