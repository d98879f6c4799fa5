// The admin made for the job: every field editors and jurors see is explained, Swedish first.
import type { Field } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describe as describeFields } from '../../src/admin/describe.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

let t: TestPayload
beforeAll(async () => {
  t = await startPayload()
})
afterAll(() => t?.destroy())

/** Every field a person fills in or reads in the admin, by collection and path, without a Swedish and an English description. */
function undescribed(slug: string, fields: Field[], path = ''): string[] {
  return fields.flatMap((field): string[] => {
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => undescribed(slug, tab.fields, 'name' in tab && tab.name ? `${path}${tab.name}.` : path))
    if (!('name' in field)) return 'fields' in field ? undescribed(slug, field.fields, path) : []
    if (field.type === 'ui' || field.hidden || field.admin?.hidden || field.admin?.disabled || ['id', 'createdAt', 'updatedAt'].includes(field.name)) return []
    const description = field.admin && 'description' in field.admin ? (field.admin.description as Record<string, unknown> | undefined) : undefined
    const own = typeof description?.sv === 'string' && typeof description?.en === 'string' ? [] : [`${slug}: ${path}${field.name}`]
    return [...own, ...('fields' in field ? undescribed(slug, field.fields, `${path}${field.name}.`) : [])]
  })
}

it('explains every field of the award’s collections in Swedish and English', () => {
  const ours = t.payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))
  expect(ours.map((c) => c.slug).sort()).toEqual(['applications', 'award-years', 'criteria', 'history', 'jurors', 'media', 'partners', 'reviews', 'users'])
  expect(ours.flatMap((c) => undescribed(c.slug, c.fields))).toEqual([])
})

it('refuses a description for a field that does not exist, so that a renamed field leaves none behind', () => {
  const fields: Field[] = [{ name: 'contact', type: 'group', fields: [{ name: 'email', type: 'email' }] }]
  expect(() => describeFields(fields, { 'contact.mail': { sv: 'E-post', en: 'E-mail' } })).toThrow(/descriptions for fields that do not exist: contact.mail/)
  const [group] = describeFields(fields, { 'contact.email': { sv: 'E-post', en: 'E-mail' } }) as Array<{ fields: Array<{ admin?: { description?: unknown } }> }>
  expect(group!.fields[0]!.admin?.description).toEqual({ sv: 'E-post', en: 'E-mail' })
})
