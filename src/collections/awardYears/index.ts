import type { CollectionConfig } from 'payload'
import { embargoedField } from '../../access/embargoedField.js'
import { isAdmin } from '../../access/isAdmin.js'
import { isStaff, isStaffField } from '../../access/isStaff.js'
import { readableYears } from '../../access/readableYears.js'
import type { EhkContext } from '../../defaults.js'
import { YEAR_STATUSES, YEAR_STATUS_LABELS } from '../../domain/lifecycle.js'
import { instantField, validateEmail, validatePhone, validateSafeRichText, historyField } from '../../lib/fields.js'
import { DEFAULT_FINALIST_COUNT, DEFAULT_REMINDER_DAYS, DEFAULT_RETENTION_MONTHS } from '../../domain/lifecycle.js'
import { checkYearLifecycle } from './hooks/checkYearLifecycle.js'
import { followYearChange } from './hooks/followYearChange.js'
import { yearEndpoints } from '../../jury/endpoints.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'
import { previewLink } from './preview.js'

export function awardYears(ctx: EhkContext): CollectionConfig {
  const { slugs } = ctx
  return {
    slug: slugs.awardYears,
    labels: { singular: { sv: 'Utmärkelseår', en: 'Award year' }, plural: { sv: 'Utmärkelseår', en: 'Award years' } },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['year', 'title', 'status', 'deadline'],
      group: { sv: 'Utmärkelsen', en: 'Award' },
      preview: previewLink(ctx),
      description: {
        sv: 'Ett år av Sveriges eHälsokommun: datum, kriterier, jury, vinnare. Status ändras ett steg i taget.',
        en: 'One year of the award: dates, criteria, jury, winner. The status moves one step at a time.',
      },
    },
    defaultSort: '-year',
    access: { read: readableYears(ctx), create: isStaff, update: isStaff, delete: isAdmin },
    hooks: { beforeChange: [checkYearLifecycle(ctx)], afterChange: [followYearChange(ctx)] },
    endpoints: yearEndpoints(ctx),
    fields: describe(
      [
        {
          type: 'row',
          fields: [
            { name: 'year', type: 'number', required: true, unique: true, index: true, min: 2000, max: 2100, label: { sv: 'År', en: 'Year' } },
            {
              name: 'status',
              type: 'select',
              required: true,
              defaultValue: 'draft',
              index: true,
              label: { sv: 'Status', en: 'Status' },
              options: YEAR_STATUSES.map((value) => ({ value, label: YEAR_STATUS_LABELS[value] })),
              access: { create: isStaffField, update: isStaffField },
            },
          ],
        },
        { name: 'title', type: 'text', required: true, label: { sv: 'Titel', en: 'Title' }, admin: { placeholder: 'Sveriges eHälsokommun 2027' } },
        {
          type: 'tabs',
          tabs: [
            {
              label: { sv: 'Datum', en: 'Dates' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    instantField('opensAt', { label: { sv: 'Öppnar', en: 'Opens' } }),
                    instantField('deadline', {
                      label: { sv: 'Sista ansökningstid', en: 'Deadline' },
                      admin: { description: { sv: 'Ansökningar tas emot till (men inte med) denna tidpunkt.', en: 'Applications are accepted until (not including) this instant.' } },
                    }),
                  ],
                },
                {
                  type: 'row',
                  fields: [
                    instantField('finalistsAt', { label: { sv: 'Finalister utses', en: 'Finalists selected' } }),
                    instantField('ceremonyAt', { label: { sv: 'Prisutdelning', en: 'Award ceremony' } }),
                    instantField('announcementAt', {
                      label: { sv: 'Tillkännagivande', en: 'Announcement' },
                      admin: { description: { sv: 'Vinnaren är hemlig fram till denna tidpunkt.', en: 'The winner stays secret until this instant.' } },
                    }),
                  ],
                },
                {
                  name: 'timeline',
                  type: 'array',
                  label: { sv: 'Hålltider', en: 'Timeline' },
                  labels: { singular: { sv: 'Hålltid', en: 'Timeline entry' }, plural: { sv: 'Hålltider', en: 'Timeline' } },
                  fields: [
                    {
                      type: 'row',
                      fields: [
                        instantField('startsOn', { dayOnly: true, required: true, label: { sv: 'Från', en: 'From' } }),
                        instantField('endsOn', { dayOnly: true, label: { sv: 'Till', en: 'To' } }),
                      ],
                    },
                    { name: 'description', type: 'text', required: true, label: { sv: 'Vad händer', en: 'What happens' } },
                  ],
                },
              ],
            },
            {
              label: { sv: 'Ansökan', en: 'Application' },
              fields: [
                {
                  name: 'characterLimit',
                  type: 'number',
                  required: true,
                  defaultValue: ctx.defaultCharacterLimit,
                  min: 100,
                  max: 100_000,
                  label: { sv: 'Teckengräns (totalt)', en: 'Character limit (total)' },
                },
                {
                  name: 'criteria',
                  type: 'relationship',
                  relationTo: slugs.criteria,
                  hasMany: true,
                  label: { sv: 'Områden (i ordning)', en: 'Areas (in order)' },
                  admin: { description: { sv: 'Krävs för att öppna året.', en: 'Required to open the year.' } },
                },
                {
                  name: 'retentionMonths',
                  type: 'number',
                  required: true,
                  defaultValue: DEFAULT_RETENTION_MONTHS,
                  min: 1,
                  max: 120,
                  label: { sv: 'Lagringstid för personuppgifter (månader)', en: 'Retention of personal data (months)' },
                  admin: {
                    description: {
                      sv: 'Så många månader efter tillkännagivandet (eller sista ansökningsdag, om inget tillkännagivande görs) raderas de sökandes kontaktuppgifter automatiskt.',
                      en: "This many months after the announcement (or the deadline, if none is made) the applicants' contact details are erased automatically.",
                    },
                  },
                },
                { name: 'assessmentFocus', type: 'richText', validate: validateSafeRichText, label: { sv: 'Inriktning för bedömningen', en: 'Assessment focus' } },
              ],
            },
            {
              label: { sv: 'Juryarbete', en: 'Jury work' },
              description: {
                sv: 'Gallringen pågår från sista ansökningsdag till datumet då finalister utses; finalomgången från att finalisterna är utsedda till juryns beslut.',
                en: 'Screening runs from the deadline to the finalists date; the final round from the selection of the finalists to the jury decision.',
              },
              fields: [
                { name: 'rounds', type: 'ui', admin: { components: { Field: '/admin/RoundStates#RoundStates' } } },
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'finalistCount',
                      type: 'number',
                      required: true,
                      defaultValue: DEFAULT_FINALIST_COUNT,
                      min: 1,
                      max: 20,
                      label: { sv: 'Antal finalister', en: 'Number of finalists' },
                      admin: { description: { sv: 'Exakt så många utses (alla, om färre har ansökt).', en: 'Exactly this many are selected (all, if fewer applied).' } },
                    },
                    instantField('juryDecisionAt', {
                      label: { sv: 'Juryns beslut', en: 'Jury decision' },
                      admin: { description: { sv: 'Finalomgången stänger då; före tillkännagivandet.', en: 'The final round closes then; before the announcement.' } },
                    }),
                    {
                      name: 'reminderDays',
                      type: 'number',
                      required: true,
                      defaultValue: DEFAULT_REMINDER_DAYS,
                      min: 0,
                      max: 30,
                      label: { sv: 'Påminnelse (dagar före stängning)', en: 'Reminder (days before closing)' },
                      admin: { description: { sv: '0 = ingen påminnelse.', en: '0 = no reminder.' } },
                    },
                  ],
                },
                {
                  name: 'publishFinalists',
                  type: 'checkbox',
                  label: { sv: 'Publicera finalisterna', en: 'Publish the finalists' },
                  admin: {
                    description: {
                      sv: 'Visas då (bara kommunernas namn) i det publika API:t och vinnarwidgeten från datumet då finalister utses.',
                      en: 'Then shown (municipality names only) in the public API and the winners widget from the finalists date.',
                    },
                  },
                },
                {
                  type: 'row',
                  fields: [
                    instantField('screeningReopenedUntil', {
                      label: { sv: 'Gallringen öppen igen till', en: 'Screening reopened until' },
                      admin: { description: { sv: 'Öppnar gallringen igen för jurymedlemmarna.', en: 'Reopens the screening round for the jurors.' } },
                    }),
                    instantField('finalReopenedUntil', {
                      label: { sv: 'Finalomgången öppen igen till', en: 'Final round reopened until' },
                      admin: { description: { sv: 'Förlänger finalomgången.', en: 'Extends the final round.' } },
                    }),
                  ],
                },
              ],
            },
            {
              label: { sv: 'Jury och partner', en: 'Jury and partners' },
              fields: [
                {
                  name: 'jury',
                  type: 'join',
                  collection: slugs.jurors,
                  on: 'years',
                  label: { sv: 'Jury', en: 'Jury' },
                  admin: { description: { sv: 'Välj år under Jurymedlemmar.', en: 'Choose years on each juror.' } },
                },
                { name: 'partners', type: 'relationship', relationTo: slugs.partners, hasMany: true, label: { sv: 'Partner', en: 'Partners' } },
                {
                  name: 'contact',
                  type: 'group',
                  label: { sv: 'Kontakt för frågor', en: 'Contact for questions' },
                  fields: [
                    {
                      type: 'row',
                      fields: [
                        { name: 'title', type: 'text', label: { sv: 'Roll', en: 'Role' }, admin: { placeholder: 'Affärsansvarig, Vitalis' } },
                        { name: 'email', type: 'email', validate: validateEmail, label: { sv: 'E-post', en: 'E-mail' } },
                        { name: 'phone', type: 'text', validate: validatePhone, label: { sv: 'Telefon', en: 'Phone' } },
                      ],
                    },
                  ],
                },
              ],
            },
            {
              label: { sv: 'Vinnare', en: 'Winner' },
              fields: [
                {
                  name: 'winner',
                  type: 'relationship',
                  relationTo: slugs.applications,
                  label: { sv: 'Vinnare', en: 'Winner' },
                  access: { read: embargoedField(ctx), create: isStaffField, update: isStaffField },
                  filterOptions: ({ id }) => ({ awardYear: { equals: id }, status: { in: ['finalist', 'winner'] } }),
                  admin: { description: { sv: 'En av årets finalister. Hemlig till tillkännagivandet.', en: "One of the year's finalists. Secret until the announcement." } },
                },
                {
                  name: 'juryMotivation',
                  type: 'richText',
                  validate: validateSafeRichText,
                  label: { sv: 'Juryns motivering', en: "Jury's motivation" },
                  access: { read: embargoedField(ctx), create: isStaffField, update: isStaffField },
                },
                {
                  name: 'successFactors',
                  type: 'array',
                  label: { sv: 'Framgångsfaktorer', en: 'Success factors' },
                  labels: { singular: { sv: 'Framgångsfaktor', en: 'Success factor' }, plural: { sv: 'Framgångsfaktorer', en: 'Success factors' } },
                  access: { read: embargoedField(ctx), create: isStaffField, update: isStaffField },
                  fields: [{ name: 'text', type: 'textarea', required: true, label: { sv: 'Text', en: 'Text' } }],
                },
              ],
            },
          ],
        },
        historyField(slugs.history),
      ],
      DESCRIPTIONS,
    ),
  }
}
