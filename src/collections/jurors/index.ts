import type { CollectionConfig } from 'payload'
import { isAdmin, isAdminField } from '../../access/isAdmin.js'
import { isStaff, isStaffField } from '../../access/isStaff.js'
import { ownJurorProfile } from '../../access/ownJurorProfile.js'
import { publishedJurors } from '../../access/publishedJurors.js'
import type { EhkContext } from '../../defaults.js'
import { historyField } from '../../lib/fields.js'
import { MUNICIPALITIES } from '../../domain/municipalities.js'
import { staffOrOwnProfile } from '../../access/staffOrOwnProfile.js'
import { recordTies } from './hooks/recordTies.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'

/** The people on a year's jury, public once the year is published; linked to a login by an administrator. */
export function jurors(ctx: EhkContext): CollectionConfig {
  const { slugs } = ctx
  return {
    slug: slugs.jurors,
    labels: { singular: { sv: 'Jurymedlem', en: 'Juror' }, plural: { sv: 'Jurymedlemmar', en: 'Jurors' } },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'title', 'organisation', 'years'], group: { sv: 'Juryarbete', en: 'Jury work' } },
    access: { read: publishedJurors(ctx), create: isStaff, update: ownJurorProfile, delete: isAdmin },
    hooks: { afterChange: [recordTies(ctx)] },
    fields: describe(
      [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: { sv: 'Namn', en: 'Name' } },
            { name: 'title', type: 'text', label: { sv: 'Titel', en: 'Title' }, admin: { placeholder: 'Programansvarig eHälsa' } },
          ],
        },
        { name: 'organisation', type: 'relationship', relationTo: slugs.partners, label: { sv: 'Organisation', en: 'Organisation' } },
        { name: 'photo', type: 'upload', relationTo: slugs.media, label: { sv: 'Foto', en: 'Photo' } },
        { name: 'bio', type: 'textarea', maxLength: 1000, label: { sv: 'Kort presentation', en: 'Short bio' } },
        {
          name: 'years',
          type: 'relationship',
          relationTo: slugs.awardYears,
          hasMany: true,
          label: { sv: 'Jury för år', en: 'Jury for years' },
          access: { create: isStaffField, update: isStaffField },
        },
        {
          name: 'ties',
          type: 'array',
          label: { sv: 'Kopplingar till kommuner', en: 'Ties to municipalities' },
          labels: { singular: { sv: 'Koppling', en: 'Tie' }, plural: { sv: 'Kopplingar', en: 'Ties' } },
          admin: {
            description: {
              sv: 'Kommuner jurymedlemmen är knuten till (arbetsgivare, hemkommun, styrelseuppdrag). Deras ansökningar behandlas som jäv: dolda för jurymedlemmen och utanför sammanställningarna.',
              en: 'Municipalities the juror is tied to (employer, home, board seats). Their applications are treated as a conflict: hidden from the juror and left out of the aggregates.',
            },
          },
          // Staff keep the list: a juror cannot lift a conflict by removing a tie.
          access: { read: staffOrOwnProfile, create: isStaffField, update: isStaffField },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'municipality', type: 'select', required: true, label: { sv: 'Kommun', en: 'Municipality' }, options: MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name })) },
                {
                  name: 'kind',
                  type: 'select',
                  required: true,
                  defaultValue: 'employer',
                  label: { sv: 'Koppling', en: 'Tie' },
                  options: [
                    { value: 'employer', label: { sv: 'Arbetsgivare', en: 'Employer' } },
                    { value: 'home', label: { sv: 'Hemkommun', en: 'Home municipality' } },
                    { value: 'board', label: { sv: 'Styrelseuppdrag', en: 'Board seat' } },
                    { value: 'other', label: { sv: 'Annat', en: 'Other' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          name: 'user',
          type: 'relationship',
          relationTo: slugs.users,
          unique: true,
          label: { sv: 'Inloggning', en: 'Login' },
          filterOptions: { role: { equals: 'juror' } },
          admin: { position: 'sidebar', description: { sv: 'Kontot som jurymedlemmen loggar in med.', en: 'The account the juror logs in with.' } },
          access: { read: isStaffField, create: isAdminField, update: isAdminField },
        },
        historyField(slugs.history),
      ],
      DESCRIPTIONS,
    ),
  }
}
