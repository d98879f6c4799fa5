// Starts the widget tests' API server (apiServer.ts) in a process of its own with `payload run`:
// importing Payload's rich-text editor into Vitest's main process can stall it on Node 20 (see
// NOTES in the README), and a separate process is closer to a real deployment anyway.
import { spawn } from 'node:child_process'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject) {
  const child = spawn('node_modules/.bin/payload', ['run', 'test/browser/apiServer.ts'], {
    // The production condition avoids the stall of Lexical's top-level await on Node 20 (NOTES.md).
    env: { ...process.env, EHK_TEST_LOG_LEVEL: 'error', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=production` },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      const ready = /EHK_API_READY (\S+)/.exec(output)
      if (ready) resolve(ready[1]!)
    })
    child.on('exit', (code) => reject(new Error(`The widget tests' API server exited (${code}) before it was ready:\n${output}`)))
  })
  project.provide('api', url)
  return () =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve())
      child.kill('SIGTERM')
    })
}

declare module 'vitest' {
  export interface ProvidedContext {
    api: string
  }
}
