import type { CollectionConfig } from 'payload'
import { anyone } from '../../access/anyone.js'
import { isAdmin } from '../../access/isAdmin.js'
import { isStaff } from '../../access/isStaff.js'
import type { EhkContext } from '../../defaults.js'
import { validateSafeRichText } from '../../lib/fields.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'

/** The areas an application describes (Ledning, Infrastruktur, Kompetens, Användning), reused across years. */
export function criteria(ctx: EhkContext): CollectionConfig {
  return {
    slug: ctx.slugs.criteria,
    labels: { singular: { sv: 'Område', en: 'Criterion' }, plural: { sv: 'Områden', en: 'Criteria' } },
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'order'], group: { sv: 'Utmärkelsen', en: 'Award' } },
    defaultSort: 'order',
    access: { read: anyone, create: isStaff, update: isStaff, delete: isAdmin },
    fields: describe(
      [
        {
          type: 'row',
          fields: [
            { name: 'title', type: 'text', required: true, unique: true, label: { sv: 'Rubrik', en: 'Title' } },
            { name: 'order', type: 'number', required: true, defaultValue: 0, label: { sv: 'Ordning', en: 'Order' } },
          ],
        },
        { name: 'description', type: 'richText', validate: validateSafeRichText, label: { sv: 'Beskrivning', en: 'Description' } },
        {
          name: 'guidingQuestions',
          type: 'array',
          label: { sv: 'Vägledande frågor', en: 'Guiding questions' },
          labels: { singular: { sv: 'Fråga', en: 'Question' }, plural: { sv: 'Frågor', en: 'Questions' } },
          fields: [{ name: 'question', type: 'text', required: true, label: { sv: 'Fråga', en: 'Question' } }],
        },
      ],
      DESCRIPTIONS,
    ),
  }
}
