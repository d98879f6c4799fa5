// Operator settings: the deployment mode and what it requires, rate limits and trusted proxies from
// the environment, who the client is, the shared (MongoDB) rate-limit store, the read cache.
import type { Payload } from 'payload'
import mongoose from 'mongoose'
import { RateLimiterMemory, RateLimiterMongo } from 'rate-limiter-flexible'
import { describe, expect, it } from 'vitest'
import { readCapped, tooComplexJson } from '../../src/api/body.js'
import { bucket, clientAddress } from '../../src/api/clientAddress.js'
import { limiterFor } from '../../src/api/rateLimit.js'
import { SharedChanges } from '../../src/api/publicApi.js'
import { ReadCache } from '../../src/api/readCache.js'
import { apiOptionsFromEnv } from '../../src/config/api.js'
import { contentSecurityPolicy } from '../../src/config/headers.js'
import { readDeployment, SOCKET_ADDRESS_HEADER } from '../../src/config/deployment.js'

describe('the deployment, from one explicit signal', () => {
  it('runs the local quick start by default: this machine only, demo content, no secrets needed', () => {
    expect(readDeployment({})).toEqual({
      mode: 'local',
      host: '127.0.0.1',
      port: 3000,
      serverURL: 'http://localhost:3000',
      secureCookies: false,
      seedDemo: true,
      problems: [],
      warnings: [],
    })
    expect(readDeployment({ PORT: '4000', EHK_SEED: 'false' })).toMatchObject({ serverURL: 'http://localhost:4000', seedDemo: false })
  })

  it('refuses to start a deployment (EHK_ENV=production) without PAYLOAD_SECRET and SERVER_URL, one line each', () => {
    const { problems, mode } = readDeployment({ EHK_ENV: 'production' })
    expect(mode).toBe('production')
    expect(problems).toEqual([
      'PAYLOAD_SECRET saknas: sätt minst 32 slumpmässiga tecken / is missing: set at least 32 random characters.',
      'SERVER_URL saknas: den publika adressen, t.ex. https://cms.example.org / is missing: the public address, e.g. https://cms.example.org.',
    ])
    expect(readDeployment({ EHK_ENV: 'production', PAYLOAD_SECRET: 'kort', SERVER_URL: 'https://cms.example.org/admin' }).problems).toEqual([
      'SERVER_URL måste vara en adress som https://cms.example.org (utan sökväg) / must be an origin such as https://cms.example.org, not "https://cms.example.org/admin".',
      'PAYLOAD_SECRET är för kort: minst 32 tecken / is too short: at least 32 characters.',
    ])
    expect(readDeployment({ EHK_ENV: 'prod' }).problems[0]).toMatch(/^EHK_ENV måste vara "production" eller "local"/)
  })

  it('runs a deployment on every interface, with Secure cookies, and never seeds demo accounts unless told to', () => {
    const env = { EHK_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(32), SERVER_URL: 'https://CMS.example.org/', SMTP_HOST: 'smtp.example.org' }
    expect(readDeployment(env)).toEqual({ mode: 'production', host: '0.0.0.0', port: 3000, serverURL: 'https://cms.example.org', secureCookies: true, seedDemo: false, problems: [], warnings: [] })
    expect(readDeployment({ ...env, EHK_SEED: 'true' }).seedDemo).toBe(true)
    expect(readDeployment({ ...env, SMTP_HOST: undefined, SERVER_URL: 'http://cms.example.org' }).warnings).toHaveLength(2)
  })
})

describe('the Content-Security-Policy', () => {
  it('allows scripts only from the app (and the admin’s by nonce), no plugins, no framing', () => {
    const policy = contentSecurityPolicy()
    expect(policy).toContain("script-src 'self';")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("base-uri 'self'")
    expect(policy).not.toContain('unsafe-eval')
    expect(contentSecurityPolicy({ nonce: 'abc' })).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';")
  })
})

describe('API settings from the environment', () => {
  it('reads RATE_LIMIT_READ, RATE_LIMIT_SUBMIT, RATE_LIMIT_LOGIN, RATE_LIMIT_LOGIN_ACCOUNT and TRUSTED_PROXY_HOPS', () => {
    expect(apiOptionsFromEnv({ RATE_LIMIT_READ: '1000/60', RATE_LIMIT_SUBMIT: ' 20 / 3600 ', RATE_LIMIT_LOGIN: '50/900', RATE_LIMIT_LOGIN_ACCOUNT: '5/600', TRUSTED_PROXY_HOPS: '1' })).toEqual({
      rateLimits: { read: { points: 1000, duration: 60 }, submit: { points: 20, duration: 3600 }, authAddress: { points: 50, duration: 900 }, authAccount: { points: 5, duration: 600 } },
      proxyHops: 1,
    })
    expect(apiOptionsFromEnv({})).toEqual({ rateLimits: {} })
  })

  it('refuses settings it cannot read, naming the variable', () => {
    expect(() => apiOptionsFromEnv({ RATE_LIMIT_READ: '1000' })).toThrow(/RATE_LIMIT_READ must look like "300\/60"/)
    expect(() => apiOptionsFromEnv({ RATE_LIMIT_SUBMIT: '0/60' })).toThrow(/RATE_LIMIT_SUBMIT/)
    expect(() => apiOptionsFromEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/)
  })
})

describe('rate limits', () => {
  it('are kept in MongoDB, shared by all app servers, when the app runs on MongoDB', () => {
    // An unconnected connection: the store is chosen without a server.
    const connection = mongoose.createConnection()
    const limiter = limiterFor({ name: 'mongoose', connection }, 'ehk-read', { points: 5, duration: 60 })
    expect(limiter).toBeInstanceOf(RateLimiterMongo)
    expect(limiter.keyPrefix).toBe('ehk-read')
    expect(limiterFor({ name: 'sqlite' }, 'ehk-read', { points: 5, duration: 60 })).toBeInstanceOf(RateLimiterMemory)
  })
})

describe('the client’s address, for rate limits', () => {
  const headers = (socket: string | null, forwarded?: string) => new Headers({ ...(socket !== null && { [SOCKET_ADDRESS_HEADER]: socket }), ...(forwarded && { 'x-forwarded-for': forwarded }) })

  it('is the socket’s without a proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress(headers('203.0.113.7', '198.51.100.1'), 0)).toBe('203.0.113.7')
    expect(clientAddress(headers('::ffff:203.0.113.7'), 0)).toBe('203.0.113.7')
    expect(clientAddress(headers(null, '198.51.100.1'), 0)).toBeUndefined()
  })

  it('is the Nth address from the right behind N proxies that append', () => {
    expect(clientAddress(headers('10.0.0.1', 'forged, 203.0.113.7'), 1)).toBe('203.0.113.7')
    expect(clientAddress(headers('10.0.0.2', 'forged, 203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7')
    expect(clientAddress(headers('10.0.0.1', '203.0.113.7:51234'), 1)).toBe('203.0.113.7')
    expect(clientAddress(headers('10.0.0.1'), 1)).toBe('10.0.0.1')
  })

  it('counts IPv6 clients by their /64', () => {
    expect(bucket('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(bucket('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64')
    expect(bucket('[2001:db8:1:2::1]:443')).toBe('2001:db8:1:2::/64')
    expect(bucket('2001:db8:1:3::1')).not.toBe(bucket('2001:db8:1:2::1'))
    expect(bucket('not an address')).toBe('other:not an address')
  })
})

describe('reading a body', () => {
  it('stops reading at the cap, with no Content-Length to go by', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(100_000))
        if (pulled === 50) controller.close()
      },
    })
    expect(await readCapped(stream, 1_000_000)).toBeUndefined()
    expect(pulled).toBeLessThanOrEqual(12)
    expect((await readCapped(new Blob(['{"a":1}']).stream(), 1000))?.toString()).toBe('{"a":1}')
  })

  it('tells a body nested too deeply or holding too many values before it is parsed, whatever its strings hold', () => {
    const complex = (text: string) => tooComplexJson(Buffer.from(text), 3, 4)
    expect(complex('{"a":[{"b":1}]}')).toBe(false)
    expect(complex('{"a":[{"b":[1]}]}')).toBe(true)
    expect(complex('[[[[]]]]')).toBe(true)
    expect(complex('{"a":1,"b":2,"c":3}')).toBe(true) // five values: three colons, two commas
    // Brackets, commas and colons inside strings (escaped quotes too) are text, not structure.
    expect(complex(JSON.stringify({ a: '[[[[{{{{,,,,::::"\\' }))).toBe(false)
    expect(complex(JSON.stringify({ a: 'x\\', b: '[[[[' }))).toBe(false)
  })
})

describe('the read cache', () => {
  it('computes a key once per second, again after clear(), and never keeps a failure', async () => {
    const cache = new ReadCache()
    let computed = 0
    const compute = async () => ++computed
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1])
    cache.clear()
    expect(await cache.get('a', compute)).toBe(2)
    await expect(cache.get('b', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.get('b', compute)).toBe(3)
  })

  it('serves a view from memory, computes it again in the background after a second, and before serving it after ten', async () => {
    let now = new Date('2027-05-17T07:59:50.000Z')
    const cache = new ReadCache(() => now, 1000, 10_000)
    let computed = 0
    const compute = async () => ++computed
    await cache.get('a', compute)
    now = new Date('2027-05-17T07:59:50.999Z')
    expect(await cache.get('a', compute)).toBe(1)
    expect(computed).toBe(1)
    // A second old: still served at once, while the next one is prepared (once, however many ask).
    now = new Date('2027-05-17T07:59:51.000Z')
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(computed).toBe(2)
    expect(await cache.get('a', compute)).toBe(2)
    // Ten seconds after it was made (an app server nobody asked for a while): made again first.
    now = new Date('2027-05-17T08:00:01.000Z')
    expect(await cache.get('a', compute)).toBe(3)
  })

  it('keeps a change’s drop when a background refresh that started before it ends after it', async () => {
    let now = new Date('2027-05-17T07:59:50.000Z')
    const cache = new ReadCache(() => now, 1000, 10_000)
    let release!: (value: string) => void
    let calls = 0
    const compute = () => (++calls === 1 ? Promise.resolve('before') : new Promise<string>((resolve) => (release = resolve)))
    await cache.get('a', compute)
    now = new Date('2027-05-17T07:59:52.000Z')
    expect(await cache.get('a', compute)).toBe('before')
    cache.clear()
    expect(await cache.get('a', async () => 'after the change')).toBe('after the change')
    release('computed before the change')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.get('a', async () => 'again')).toBe('after the change')
  })

  it('with a change signal: drops its views when another server’s change moves it, reads it at most once a second, and makes a view again every five seconds regardless', async () => {
    let now = new Date('2027-05-17T07:59:50.000Z')
    const at = (ms: number) => (now = new Date(Date.parse('2027-05-17T07:59:50.000Z') + ms))
    let changedElsewhere = false
    let reads = 0
    const signal = { moved: async () => (reads++, changedElsewhere) }
    const cache = new ReadCache(() => now, 1000, 10_000, { signal, refreshMs: 5000 })
    let computed = 0
    const compute = async () => ++computed
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.get('a', compute)).toBe(1)
    at(1500)
    expect(await cache.get('a', compute)).toBe(1)
    await settle()
    at(1900)
    expect(await cache.get('a', compute)).toBe(1)
    await settle()
    // Read once in that second, unchanged: nothing made again.
    expect([reads, computed]).toEqual([1, 1])
    // Another app server changed something.
    changedElsewhere = true
    at(2600)
    expect(await cache.get('a', compute)).toBe(1)
    await settle()
    changedElsewhere = false
    expect(await cache.get('a', compute)).toBe(2)
    // Nothing changes; under traffic the view is still made again once it is five seconds old.
    at(7000)
    expect(await cache.get('a', compute)).toBe(2)
    await settle()
    expect(computed).toBe(2)
    at(7700)
    expect(await cache.get('a', compute)).toBe(2)
    await settle()
    expect(computed).toBe(3)
    expect(reads).toBe(3)
  })

  it('tells a server of another’s change to the shared stamp, and not of its own', async () => {
    const store = new Map<string, unknown>()
    const kv = { get: async (key: string) => store.get(key) ?? null, set: async (key: string, value: unknown) => void store.set(key, value) }
    const [here, there] = [new SharedChanges(), new SharedChanges()]
    here.payload = there.payload = { kv } as unknown as Payload
    expect([await here.moved(), await there.moved()]).toEqual([false, false])
    await here.bump()
    expect([await here.moved(), await there.moved()]).toEqual([false, true])
    expect(await there.moved()).toBe(false)
    // Bumps asked for while one is written make one more, not one each.
    let writes = 0
    kv.set = async (key, value) => void (writes++, store.set(key, value))
    await Promise.all([there.bump(), there.bump(), there.bump()])
    expect(writes).toBe(2)
    expect([await here.moved(), await there.moved()]).toEqual([true, false])
  })

  it('never keeps a view past the instant it stops being true', async () => {
    let now = new Date('2027-05-17T07:59:59.500Z')
    const cache = new ReadCache(() => now, 1000)
    const instant = new Date('2027-05-17T08:00:00.000Z')
    let computed = 0
    const view = async () => ({ n: ++computed })
    expect(await cache.get('w', view, () => instant)).toEqual({ n: 1 })
    now = new Date('2027-05-17T07:59:59.999Z')
    expect(await cache.get('w', view, () => instant)).toEqual({ n: 1 })
    now = instant
    expect(await cache.get('w', view, () => instant)).toEqual({ n: 2 })
  })
})
