// The MongoDB stand-in for the int-mongo project: CongoDB (a MongoDB wire-protocol server written in
// TypeScript, from @push.rocks/smartmongo, installed from npm; no download) on 127.0.0.1, one per
// test run. Each test file uses a database of its own on it and drops it afterwards
// (test/helpers/payload.ts). What it does not prove (unique indexes) is in the README's testing section.
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js'
import { createServer } from 'node:net'
import type { TestProject } from 'vitest/node'

/** A free port on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

export default async function setup(project: TestProject) {
  const port = await freePort()
  const server = new CongoServer({ port, host: '127.0.0.1' })
  await server.start()
  project.provide('mongoUrl', `mongodb://127.0.0.1:${port}`)
  return async () => {
    await server.stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUrl: string
  }
}
