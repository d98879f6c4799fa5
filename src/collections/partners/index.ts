import type { CollectionConfig } from 'payload'
import { anyone } from '../../access/anyone.js'
import { isAdmin, isAdminField } from '../../access/isAdmin.js'
import { isStaff, isStaffField } from '../../access/isStaff.js'
import type { EhkContext } from '../../defaults.js'
import { normalizeOrigin } from '../../lib/origins.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'

/** The organiser and partner organisations; their origins may embed the widgets and post applications. */
export function partners(ctx: EhkContext): CollectionConfig {
  return {
    slug: ctx.slugs.partners,
    labels: { singular: { sv: 'Partner', en: 'Partner' }, plural: { sv: 'Partner', en: 'Partners' } },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'shortName', 'role', 'website'], group: { sv: 'Utmärkelsen', en: 'Award' } },
    access: { read: anyone, create: isStaff, update: isStaff, delete: isAdmin },
    fields: describe(
      [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, unique: true, label: { sv: 'Namn', en: 'Name' } },
            { name: 'shortName', type: 'text', label: { sv: 'Kortnamn', en: 'Short name' } },
            {
              name: 'role',
              type: 'select',
              required: true,
              defaultValue: 'partner',
              label: { sv: 'Roll', en: 'Role' },
              options: [
                { value: 'organiser', label: { sv: 'Arrangör', en: 'Organiser' } },
                { value: 'partner', label: { sv: 'Samarbetspartner', en: 'Partner' } },
              ],
            },
          ],
        },
        {
          name: 'website',
          type: 'text',
          label: { sv: 'Webbplats', en: 'Website' },
          validate: (value: unknown) => !value || /^https:\/\/[^\s/]+/.test(String(value)) || 'Ange en adress som börjar med https:// / Enter an address starting with https://',
        },
        { name: 'logo', type: 'upload', relationTo: ctx.slugs.media, label: { sv: 'Logotyp', en: 'Logo' } },
        {
          name: 'allowedOrigins',
          type: 'array',
          label: { sv: 'Tillåtna ursprung för widgetar', en: 'Origins allowed to embed the widgets' },
          labels: { singular: { sv: 'Ursprung', en: 'Origin' }, plural: { sv: 'Ursprung', en: 'Origins' } },
          admin: {
            description: {
              sv: 'Webbplatser som får bädda in ansökningsformuläret, t.ex. https://www.vitalis.nu. Bara administratörer ändrar listan.',
              en: 'Sites that may embed the application form, e.g. https://www.vitalis.nu. Only administrators change this list.',
            },
          },
          access: { read: isStaffField, create: isAdminField, update: isAdminField },
          fields: [
            {
              name: 'origin',
              type: 'text',
              required: true,
              label: { sv: 'Ursprung', en: 'Origin' },
              validate: (value: unknown) =>
                normalizeOrigin(value) !== undefined || 'Ange ett ursprung som https://exempel.se (schema, värd och ev. port, ingen sökväg) / Enter an origin such as https://example.org',
              hooks: { beforeChange: [({ value }) => normalizeOrigin(value) ?? value] },
            },
          ],
        },
      ],
      DESCRIPTIONS,
    ),
  }
}
