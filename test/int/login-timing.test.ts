// A refused login takes the same time whatever the reason, on the real clock and the real floor
// (the plugin's default of one second): an unknown e-mail, a locked account (even with the right
// password) and a wrong password answer alike in status, words and time. Every other test runs
// with the floor at zero (test/helpers/payload.ts).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { LOGIN_REFUSAL_FLOOR_MS } from '../../src/defaults.js'
import { createUser, sys } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'
import { serve, type TestServer } from '../helpers/server.js'

let t: TestPayload
let server: TestServer

beforeAll(async () => {
  t = await startPayload({ now: '2027-02-01T12:00:00Z', loginRefusalFloorMs: LOGIN_REFUSAL_FLOOR_MS, api: { proxyHops: 1 } })
  server = await serve(t.config)
})
afterAll(async () => {
  await server?.close()
  await t?.destroy()
})

let nextClient = 0
async function login(email: string, password: string) {
  const started = performance.now()
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.0.${++nextClient}` },
    body: JSON.stringify({ email, password }),
  })
  return { status: response.status, text: await response.text(), ms: performance.now() - started }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

it('answers an unknown e-mail, a locked account and a wrong password alike: same status, same words, at least the floor, about the same time', async () => {
  await createUser(t.payload, 'juror', 'locked@example.org')
  await createUser(t.payload, 'juror', 'known@example.org')
  for (let i = 0; i < 5; i++) await login('locked@example.org', 'wrong-password-123')
  expect((await t.payload.find({ collection: 'users', where: { email: { equals: 'locked@example.org' } }, ...sys, showHiddenFields: true })).docs[0]!.lockUntil).toBeTruthy()

  const samples: Record<'unknown' | 'locked' | 'wrong', { status: number; text: string; ms: number }[]> = { unknown: [], locked: [], wrong: [] }
  // The three kinds at once in each round (different accounts, so nothing they share), three rounds.
  for (let i = 0; i < 3; i++) {
    const [unknown, locked, wrong] = await Promise.all([
      login(`nobody${i}@example.org`, 'wrong-password-123'),
      login('locked@example.org', 'correct-horse-battery'), // even the right password
      login('known@example.org', 'wrong-password-123'),
    ])
    samples.unknown.push(unknown)
    samples.locked.push(locked)
    samples.wrong.push(wrong)
  }
  const answers = new Set(
    Object.values(samples)
      .flat()
      .map((s) => `${s.status} ${s.text}`),
  )
  expect([...answers]).toEqual(['401 {"errors":[{"message":"E-postadressen eller lösenordet som angivits är felaktigt."}]}'])
  // Each refusal waits for the floor, so that what the database does after the password check shows in no answer.
  for (const sample of Object.values(samples).flat()) expect(sample.ms).toBeGreaterThanOrEqual(LOGIN_REFUSAL_FLOOR_MS)
  const wrong = median(samples.wrong.map((s) => s.ms))
  for (const kind of ['unknown', 'locked'] as const) {
    const ratio = median(samples[kind].map((s) => s.ms)) / wrong
    expect(ratio, `${kind} takes ${ratio.toFixed(2)} × a wrong password (${wrong.toFixed(0)} ms)`).toBeGreaterThan(0.6)
    expect(ratio, `${kind} takes ${ratio.toFixed(2)} × a wrong password`).toBeLessThan(1.6)
  }
})
