import type { Field } from 'payload'
import type { Message } from '../domain/text.js'

/** Help texts for a collection's fields, by path ("contact.email", "answers.text"): Swedish first. */
export type Descriptions = Record<string, Message>

/**
 * The fields with their help texts under the field in the admin, from a table kept beside the
 * collection (its descriptions.ts). A description written on the field itself wins. A table entry
 * that names no field is an error when the config is built, so that a renamed field cannot leave
 * its help text behind.
 */
export function describe(fields: Field[], descriptions: Descriptions): Field[] {
  const used = new Set<string>()
  const walk = (list: Field[], path: string): Field[] =>
    list.map((field): Field => {
      if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: walk(tab.fields, 'name' in tab && tab.name ? `${path}${tab.name}.` : path) })) }
      if (!('name' in field)) return 'fields' in field ? ({ ...field, fields: walk(field.fields, path) } as Field) : field
      const key = `${path}${field.name}`
      const description = descriptions[key]
      if (description) used.add(key)
      const described = description && !(field.admin && 'description' in field.admin && field.admin.description) ? ({ ...field, admin: { ...field.admin, description } } as Field) : field
      return 'fields' in described && (described.type === 'group' || described.type === 'array') ? ({ ...described, fields: walk(described.fields, `${key}.`) } as Field) : described
    })
  const result = walk(fields, '')
  const stale = Object.keys(descriptions).filter((key) => !used.has(key))
  if (stale.length > 0) throw new Error(`eHalsokommun: descriptions for fields that do not exist: ${stale.join(', ')}`)
  return result
}
