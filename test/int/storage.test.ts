// Media in S3-compatible storage, as several app servers need them: the app's own storage choice
// (src/config/storage.ts) against a real S3-compatible server started here (s3rver, in process).
// An upload lands in the bucket and not on the local disk, is served through Payload with the
// media collection's headers, and is gone from the bucket when deleted.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { chooseStorage, describeStorage } from '../../src/config/storage.js'
import { sys } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'
import { serve, type TestServer } from '../helpers/server.js'

const BUCKET = 'ehk-media'
let s3: S3rver
let s3dir: string
let t: TestPayload
let payload: Payload
let server: TestServer

/** The objects in the bucket, as s3rver keeps them on its disk. */
const objects = () =>
  existsSync(path.join(s3dir, BUCKET))
    ? readdirSync(path.join(s3dir, BUCKET))
        .filter((name) => name.endsWith('._S3rver_object'))
        .map((name) => name.replace(/\._S3rver_object$/, ''))
    : []

beforeAll(async () => {
  s3dir = mkdtempSync(path.join(tmpdir(), 'ehk-s3-'))
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET, configs: [] }] })
  const { port } = (await s3.run()) as { port: number }
  const env = { S3_BUCKET: BUCKET, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_REGION: 'eu-north-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }
  expect(describeStorage(env)).toBe('S3 (ehk-media)')
  t = await startPayload({ plugins: chooseStorage(env) })
  payload = t.payload
  server = await serve(t.config)
}, 120_000)

afterAll(async () => {
  await server?.close()
  await t?.destroy()
  await s3?.close()
  rmSync(s3dir, { recursive: true, force: true })
})

it('keeps no storage plugin without S3_BUCKET: media stay on the local disk', () => {
  expect(chooseStorage({})).toEqual([])
  expect(describeStorage({})).toBe('lokal disk / local disk (media/)')
})

it('stores an upload and its thumbnail in the bucket, not on the local disk, and serves it through Payload with the media headers', async () => {
  const name = `logo-${Date.now()}.png`
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#1f5f8b' } })
    .png()
    .toBuffer()
  const doc = await payload.create({ collection: 'media', data: { alt: 'Logotyp' }, file: { data: png, mimetype: 'image/png', name, size: png.length }, ...sys })
  expect(objects().sort()).toEqual([name, name.replace('.png', '-320x320.png')].sort())
  expect(existsSync(path.join('media', name))).toBe(false)

  const served = await fetch(`${server.url}/api/media/file/${name}`)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  expect(served.headers.get('content-security-policy')).toMatch(/^sandbox;/)

  await payload.delete({ collection: 'media', id: doc.id, ...sys })
  expect(objects()).toEqual([])
  expect((await fetch(`${server.url}/api/media/file/${name}`)).status).toBe(404)
})
