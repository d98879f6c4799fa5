// No request within the limits can stall the app for everyone else: the app as `npm start` runs it
// (node server.mjs on the production build) gets hostile application bodies at the body cap (very
// long values in every field, long runs of combining marks, emoji sequences, text that normalises
// to less, deeply nested and very wide JSON) while another client reads the current year every
// 50 ms. Every hostile request is refused (4xx) within a second, and no read waits more than 200 ms.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { maxApplicationBytes } from '../../src/domain/application.js'
import { type App, requireFreshBuild, startApp } from './app.js'

let app: App
beforeAll(async () => {
  requireFreshBuild()
  app = await startApp(3944)
}, 300_000)
afterAll(() => app?.stop())

/** Reads the current year every 50 ms until stopped: each read's time. */
function reader() {
  const times: number[] = []
  let running = true
  const done = (async () => {
    while (running) {
      const started = performance.now()
      const response = await fetch(`${app.url}/api/ehk/v1/years/current`)
      await response.arrayBuffer()
      times.push(performance.now() - started)
      expect(response.status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  return {
    stop: async () => {
      running = false
      await done
      return times
    },
  }
}

it('refuses hostile bodies at the cap within a second each, while reads stay quick', async () => {
  const year = await (await fetch(`${app.url}/api/ehk/v1/years/current`)).json()
  const criteria: Array<{ id: number | string }> = year.criteria
  const cap = maxApplicationBytes(year.characterLimit, criteria.length)
  /** A text of `unit` repeated to about `bytes` bytes of JSON. */
  const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(JSON.stringify(unit)))))
  const application = (contact: Record<string, string>, texts: string[]) => ({
    municipality: '0180',
    contact: { name: 'Namn', email: 'namn@kommun.example', ...contact },
    answers: criteria.map((c, i) => ({ criterion: c.id, text: texts[i % texts.length] })),
    consent: true,
  })
  const share = (cap - 4096) / (criteria.length + 4)
  const bodies: Record<string, string> = {
    'a contact name at the cap': JSON.stringify(application({ name: fill('x', cap - 4096) }, ['Svar'])),
    'every field long': JSON.stringify(application({ name: fill('å', share), role: fill('r', share), email: fill('e', share), phone: fill('1', share) }, [fill('ä', share)])),
    'runs of combining marks': JSON.stringify(application({}, [fill(`a${'\u0301'.repeat(40)}`, share)])),
    'one letter under every combining mark': JSON.stringify(application({ name: `N${fill('\u0301', cap / 2 - 4096)}` }, ['Svar'])),
    'emoji sequences': JSON.stringify(application({}, [fill('👨‍👩‍👧‍👦', share)])),
    'skin tones and flags': JSON.stringify(application({ role: fill('👍🏽🇸🇪', share) }, [fill('🏴󠁧󠁢󠁳󠁣󠁴󠁿', share)])),
    'text that normalises to less': JSON.stringify(application({ name: fill('a\u030a', share) }, [fill('a\u030a\r\n', share)])),
    'control characters': JSON.stringify(application({ name: `N${fill('\u0000', share)}` }, [fill('\u0007x', share)])),
    'deeply nested JSON': `${'['.repeat(cap / 2 - 16)}${']'.repeat(cap / 2 - 16)}`,
    'very wide JSON': JSON.stringify(Object.fromEntries(Array.from({ length: Math.floor(cap / 16) }, (_, i) => [`k${i}`, i]))),
    'one byte over the cap': JSON.stringify(application({ name: 'x'.repeat(cap) }, ['Svar'])),
  }
  // The first request that Next.js routes to the API after the start loads that code (about 400 ms
  // here, once per process): made before measuring, since the hostile bodies are what is measured.
  await fetch(`${app.url}/api/ehk/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: '{}' })
  const read = reader()
  const refused: Array<[string, number, number]> = []
  for (const [name, body] of Object.entries(bodies)) {
    expect(Buffer.byteLength(body), name).toBeLessThanOrEqual(name === 'one byte over the cap' ? Infinity : cap)
    const started = performance.now()
    const response = await fetch(`${app.url}/api/ehk/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body })
    await response.arrayBuffer()
    refused.push([name, response.status, Math.round(performance.now() - started)])
  }
  // Each again, two at once.
  const started = performance.now()
  const together: number[] = []
  for (const body of Object.values(bodies)) {
    const send = () => fetch(`${app.url}/api/ehk/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body }).then((r) => r.status)
    together.push(...(await Promise.all([send(), send()])))
  }
  const togetherMs = performance.now() - started
  const times = await read.stop()

  for (const [name, status, ms] of refused) {
    expect(status, name).toBeGreaterThanOrEqual(400)
    expect(status, name).toBeLessThan(500)
    expect(ms, `${name}: ${ms} ms`).toBeLessThan(1000)
  }
  for (const status of together) expect([400, 413, 422]).toContain(status)
  expect(times.length).toBeGreaterThan(5)
  const slowest = Math.max(...times)
  expect(
    slowest,
    `the slowest of ${times.length} reads took ${slowest.toFixed(0)} ms (${refused.map(([n, s, ms]) => `${n}: ${s} in ${ms} ms`).join('; ')}; two at a time ${togetherMs.toFixed(0)} ms in all)`,
  ).toBeLessThan(200)
})

it('answers a write to a page or a widget file with 405 and what it allows, before reading its body', async () => {
  for (const path of ['/ansokan', '/demo', '/forhandsvisning', '/widgets/ehk.js', '/widgets/custom-elements.json', '/widgets/nothing.js']) {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${app.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{"a":1}' })
      expect([path, method, response.status, response.headers.get('allow')]).toEqual([path, method, 405, 'GET, HEAD'])
    }
  }
  expect((await fetch(`${app.url}/ansokan`)).status).toBe(200)
})
