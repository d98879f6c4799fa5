// The plugin dropped into a host project: renamed slugs, an existing users collection kept.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eHalsokommun } from '../../src/index.js'
import { startCustomPayload } from '../helpers/payload.js'

let payload: Payload
let destroy: () => Promise<void>

beforeAll(async () => {
  ;({ payload, destroy } = await startCustomPayload((url) => ({
    serverURL: 'https://host.example',
    db: sqliteAdapter({ client: { url } }),
    admin: { user: 'admins' },
    editor: lexicalEditor(),
    collections: [
      { slug: 'admins', auth: true, fields: [{ name: 'displayName', type: 'text' }] },
      { slug: 'pages', fields: [{ name: 'title', type: 'text' }] },
    ],
    plugins: [eHalsokommun({ slugs: { users: 'admins', applications: 'ansokningar' }, defaultCharacterLimit: 8000 })],
  })))
})
afterAll(() => destroy?.())

it('keeps the host collections and extends its auth collection with roles', () => {
  const slugs = payload.config.collections.map((c) => c.slug)
  expect(slugs).toEqual(expect.arrayContaining(['admins', 'pages', 'ansokningar', 'award-years', 'criteria', 'jurors', 'partners', 'reviews', 'media']))
  expect(slugs).not.toContain('users')
  const admins = payload.config.collections.find((c) => c.slug === 'admins')!
  expect(admins.fields.map((f) => ('name' in f ? f.name : undefined))).toEqual(expect.arrayContaining(['displayName', 'role']))
})

it('uses the renamed slugs in relationships and the default character limit', async () => {
  const applications = payload.config.collections.find((c) => c.slug === 'award-years')!.flattenedFields.find((f) => f.name === 'winner') as any
  expect(applications.relationTo).toBe('ansokningar')
  const year = await payload.create({ collection: 'award-years', data: { year: 2027, title: 'År' } as never, overrideAccess: true })
  expect(year.characterLimit).toBe(8000)
})

it('makes the first account of the host an administrator', async () => {
  const first = await payload.create({ collection: 'admins' as never, data: { email: 'first@example.org', password: 'correct-horse-battery' } as never, overrideAccess: true })
  const second = await payload.create({ collection: 'admins' as never, data: { email: 'second@example.org', password: 'correct-horse-battery' } as never, overrideAccess: true })
  expect([(first as any).role, (second as any).role]).toEqual(['admin', 'juror'])
})

it('guards the host’s logins and passwords as its own', async () => {
  await expect(payload.create({ collection: 'admins' as never, data: { email: 'third@example.org', password: 'password1234' } as never, overrideAccess: true })).rejects.toMatchObject({
    data: { errors: [{ path: 'password', message: expect.stringMatching(/too easy to guess/) }] },
  })
})

it('refuses a host collection that would clash with one of its own, and a config without serverURL', async () => {
  const plugin = eHalsokommun()
  expect(() => plugin({ serverURL: 'https://x.example', collections: [{ slug: 'criteria', fields: [] }] } as never)).toThrow(/slug "criteria" already exists/)
  expect(() => plugin({ collections: [] } as never)).toThrow(/set serverURL in the Payload config/)
})
