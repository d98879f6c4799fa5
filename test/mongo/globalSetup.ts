// The MongoDB stand-in for the int-mongo project (test/helpers/mongo.ts), one per test run. Each test
// file uses a database of its own on it and drops it afterwards (test/helpers/payload.ts).
import type { TestProject } from 'vitest/node'
import { startMongoStandIn } from '../helpers/mongo.js'

export default async function setup(project: TestProject) {
  const standIn = await startMongoStandIn()
  project.provide('mongoUrl', standIn.url)
  return standIn.stop
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUrl: string
  }
}
