import type { CollectionConfig } from 'payload'
import { isStaff } from '../../access/isStaff.js'
import { nobody } from '../../access/nobody.js'
import type { EhkContext } from '../../defaults.js'
import { HISTORY_ACTIONS } from '../../lib/history.js'
import { instantField } from '../../lib/fields.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'

/**
 * Who did what and when: status changes, confirmations, withdrawals, erasures, review submissions
 * and reopenings, conflicts declared and lifted. Append-only: no role, administrators included,
 * may change or delete an entry through any API; only the system's own hooks write them.
 */
export function history(ctx: EhkContext): CollectionConfig {
  const { slugs } = ctx
  return {
    slug: slugs.history,
    labels: { singular: { sv: 'Händelse', en: 'Event' }, plural: { sv: 'Historik', en: 'History' } },
    admin: {
      useAsTitle: 'summary',
      defaultColumns: ['at', 'action', 'summary', 'actorLabel'],
      group: { sv: 'Administration', en: 'Administration' },
      description: { sv: 'Vem gjorde vad och när. Kan inte ändras eller tas bort.', en: 'Who did what and when. Cannot be changed or deleted.' },
      disableCopyToLocale: true,
    },
    defaultSort: '-at',
    disableDuplicate: true,
    lockDocuments: false,
    access: { read: isStaff, create: () => false, update: () => false, delete: () => false, readVersions: () => false },
    fields: describe(
      [
        instantField('at', { required: true, index: true, label: { sv: 'Tidpunkt', en: 'Time' }, access: { update: nobody } }),
        {
          name: 'action',
          type: 'select',
          required: true,
          index: true,
          label: { sv: 'Händelse', en: 'Event' },
          options: Object.entries(HISTORY_ACTIONS).map(([value, label]) => ({ value, label })),
        },
        { name: 'summary', type: 'text', required: true, label: { sv: 'Sammanfattning', en: 'Summary' } },
        {
          name: 'document',
          type: 'relationship',
          relationTo: [slugs.applications, slugs.awardYears, slugs.reviews, slugs.jurors],
          index: true,
          label: { sv: 'Gäller', en: 'Concerns' },
        },
        { name: 'actor', type: 'relationship', relationTo: slugs.users, label: { sv: 'Utförd av', en: 'Done by' } },
        { name: 'actorLabel', type: 'text', label: { sv: 'Utförd av', en: 'Done by' } },
        { name: 'reason', type: 'textarea', label: { sv: 'Skäl', en: 'Reason' } },
        { name: 'details', type: 'json', label: { sv: 'Detaljer', en: 'Details' } },
        // A claim's key (see claimOnce): unique, so that two app servers cannot both make the claim.
        { name: 'once', type: 'text', unique: true, hidden: true },
      ],
      DESCRIPTIONS,
    ),
  }
}
