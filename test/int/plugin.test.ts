// The plugin dropped into a host project: renamed slugs, an existing users collection kept.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eHalsokommun } from '../../src/index.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'
import { startCustomPayload } from '../helpers/payload.js'

let payload: Payload
const seen: string[] = []
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
    plugins: [
      eHalsokommun({
        slugs: { users: 'admins', applications: 'ansokningar' },
        defaultCharacterLimit: 8000,
        // The host's own additions, without forking the plugin.
        overrides: {
          applications: {
            fields: ({ defaultFields }) => [...defaultFields, { name: 'internalNote', type: 'textarea', label: { sv: 'Intern anteckning', en: 'Internal note' } }],
            hooks: { afterChange: [({ doc, operation }) => void seen.push(`${operation} ${doc.municipalityName}`)] },
          },
          criteria: { access: { read: ({ req }) => Boolean(req.user) } },
        },
      }),
    ],
  })))
})
afterAll(() => destroy?.())

it('keeps the host collections and extends its auth collection with roles', () => {
  const slugs = payload.config.collections.map((c) => c.slug)
  expect(slugs).toEqual(expect.arrayContaining(['admins', 'pages', 'ansokningar', 'award-years', 'criteria', 'jurors', 'partners', 'reviews', 'media']))
  expect(slugs).not.toContain('users')
  const admins = payload.config.collections.find((c) => String(c.slug) === 'admins')!
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

it('takes a host’s overrides: a field added to ours, a hook run after ours, an access rule replaced', async () => {
  const applications = payload.config.collections.find((c) => String(c.slug) === 'ansokningar')!
  const names = applications.flattenedFields.map((f) => f.name)
  expect(names).toEqual(expect.arrayContaining(['municipality', 'contact', 'answers', 'status', 'internalNote']))
  const criterion = await payload.create({ collection: 'criteria', data: { title: 'Ledning', order: 1 } as never, overrideAccess: true })
  const year = await payload.create({
    collection: 'award-years',
    data: { year: 2031, title: 'År 2031', status: 'closed', deadline: '2031-04-14T21:59:59Z', criteria: [criterion.id] } as never,
    context: { [HISTORICAL_IMPORT]: true },
    overrideAccess: true,
  })
  const created = await payload.create({
    collection: 'ansokningar' as never,
    data: {
      awardYear: year.id,
      municipality: '1280',
      contact: { name: 'Kim', email: 'kim@malmo.example' },
      answers: [{ criterion: criterion.id, text: 'Svar.' }],
      consent: true,
      internalNote: 'Ring kommunen.',
    } as never,
    context: { [HISTORICAL_IMPORT]: true },
    overrideAccess: true,
  })
  // Our hooks ran first (the municipality's name is ours to derive), then the host's.
  expect(seen).toEqual(['create Malmö kommun'])
  expect((created as { internalNote?: string }).internalNote).toBe('Ring kommunen.')
  await expect(payload.find({ collection: 'criteria', overrideAccess: false })).rejects.toThrow()
})
