// Operator settings of the public API: rate limits and trusted proxies from the environment, and the
// shared (MongoDB) rate-limit store when the app runs on MongoDB.
import mongoose from 'mongoose'
import { RateLimiterMemory, RateLimiterMongo } from 'rate-limiter-flexible'
import { describe, expect, it } from 'vitest'
import { clientAddress, limiterFor } from '../../src/api/rateLimit.js'
import { ReadCache } from '../../src/api/readCache.js'
import { apiOptionsFromEnv } from '../../src/config/api.js'

describe('API settings from the environment', () => {
  it('reads RATE_LIMIT_READ, RATE_LIMIT_SUBMIT and TRUSTED_PROXY_HOPS', () => {
    expect(apiOptionsFromEnv({ RATE_LIMIT_READ: '1000/60', RATE_LIMIT_SUBMIT: ' 20 / 3600 ', TRUSTED_PROXY_HOPS: '1' })).toEqual({
      rateLimits: { read: { points: 1000, duration: 60 }, submit: { points: 20, duration: 3600 } },
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

  it('count the address the nearest trusted proxy saw, never the client’s own claims', () => {
    expect(clientAddress('198.51.100.7', 0)).toBe('198.51.100.7')
    expect(clientAddress('1.2.3.4, 198.51.100.7', 0)).toBe('198.51.100.7')
    expect(clientAddress('1.2.3.4, 198.51.100.7, 10.0.0.1', 1)).toBe('198.51.100.7')
    expect(clientAddress(null, 0)).toBe('unknown')
  })
})

describe('the read cache', () => {
  it('computes a key once per second, again after clear(), and never keeps a failure', async () => {
    const cache = new ReadCache(1000)
    let computed = 0
    const compute = async () => ++computed
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1])
    cache.clear()
    expect(await cache.get('a', compute)).toBe(2)
    await expect(cache.get('b', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.get('b', compute)).toBe(3)
  })

  it('lets an entry expire after its time', async () => {
    const cache = new ReadCache(20)
    let computed = 0
    await cache.get('a', async () => ++computed)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(await cache.get('a', async () => ++computed)).toBe(2)
  })
})
