import type { CollectionConfig, Field } from 'payload'
import { isAdmin } from '../../access/isAdmin.js'
import { isStaff, isStaffField } from '../../access/isStaff.js'
import { nobody } from '../../access/nobody.js'
import { readableApplications } from '../../access/readableApplications.js'
import type { EhkContext } from '../../defaults.js'
import { DEFAULT_ANSWER_LIMIT } from '../../domain/application.js'
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS } from '../../domain/lifecycle.js'
import { COUNTIES, MUNICIPALITIES } from '../../domain/municipalities.js'
import { instantField, NULL_UNTIL_SET, validateEmail, validatePhone, historyField } from '../../lib/fields.js'
import { eraseEndpoint } from './erase.js'
import { checkApplicationRules } from './hooks/checkApplicationRules.js'
import { recordApplicationHistory } from './hooks/recordApplicationHistory.js'
import { checkQuestions, followQuestions } from './hooks/questions.js'
import { settleAfterChange, settleAfterDelete } from './places.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'

/**
 * A municipality's application for one year. It counts once its contact has confirmed it through
 * the link mailed to them; one counted application per municipality and year holds the
 * municipality's place, and any other one is marked as competing until staff decide.
 */
export function applications(ctx: EhkContext): CollectionConfig {
  const { slugs } = ctx
  const serverOwned = { create: nobody, update: nobody }
  const sidebar = (description?: { sv: string; en: string }) => ({ readOnly: true, position: 'sidebar' as const, ...(description && { description }) })
  // Null until set, except where a unique index applies: MongoDB's (sparse) index skips a missing key
  // but not a null, so two applications without an idempotency key would clash there.
  const hidden = (name: string, extra: Partial<Field> = {}): Field =>
    ({ name, type: 'text', hidden: true, access: serverOwned, ...('unique' in extra ? {} : { defaultValue: NULL_UNTIL_SET }), ...extra }) as Field
  return {
    slug: slugs.applications,
    labels: { singular: { sv: 'Ansökan', en: 'Application' }, plural: { sv: 'Ansökningar', en: 'Applications' } },
    admin: {
      useAsTitle: 'municipalityName',
      defaultColumns: ['municipalityName', 'county', 'awardYear', 'status', 'competing', 'partner', 'reference', 'submittedAt'],
      group: { sv: 'Juryarbete', en: 'Jury work' },
      listSearchableFields: ['municipalityName', 'reference'],
    },
    defaultSort: '-submittedAt',
    access: { read: readableApplications(ctx), create: isStaff, update: isStaff, delete: isAdmin },
    indexes: [{ fields: ['awardYear', 'municipality'] }],
    hooks: {
      beforeChange: [checkApplicationRules(ctx), checkQuestions(ctx)],
      afterChange: [settleAfterChange(ctx), recordApplicationHistory(ctx), followQuestions(ctx)],
      afterDelete: [settleAfterDelete(ctx)],
    },
    endpoints: [eraseEndpoint(ctx)],
    fields: describe(
      [
        {
          type: 'row',
          fields: [
            {
              name: 'awardYear',
              type: 'relationship',
              relationTo: slugs.awardYears,
              required: true,
              index: true,
              label: { sv: 'År', en: 'Year' },
              access: { update: nobody },
            },
            {
              name: 'municipality',
              type: 'select',
              required: true,
              label: { sv: 'Kommun', en: 'Municipality' },
              options: MUNICIPALITIES.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
              access: { update: nobody },
            },
          ],
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'submitted',
          index: true,
          label: { sv: 'Status', en: 'Status' },
          options: APPLICATION_STATUSES.map((value) => ({ value, label: APPLICATION_STATUS_LABELS[value] })),
          access: { create: nobody, update: isStaffField },
          admin: {
            position: 'sidebar',
            description: {
              sv: '”Ej bekräftad” tills kontaktpersonen har öppnat länken i mejlet; bara då räknas ansökan.',
              en: '“Unconfirmed” until the contact has opened the link in the e-mail; only then does the application count.',
            },
          },
        },
        {
          name: 'withdrawalReason',
          type: 'textarea',
          label: { sv: 'Skäl till återkallelse', en: 'Reason for withdrawal' },
          access: { create: nobody, update: isStaffField, read: isStaffField },
          admin: {
            position: 'sidebar',
            condition: (data) => data?.status === 'withdrawn',
            description: { sv: 'Krävs när personal återkallar en ansökan, t.ex. en av två konkurrerande.', en: 'Required when staff withdraw an application, e.g. one of two competing ones.' },
          },
        },
        {
          name: 'competing',
          type: 'checkbox',
          defaultValue: false,
          index: true,
          label: { sv: 'Konkurrerande ansökan', en: 'Competing application' },
          // Readable by whoever reads the application (a juror never reads a competing one), so that the rounds' queries name it.
          access: serverOwned,
          admin: {
            ...sidebar({
              sv: 'Kommunen har mer än en bekräftad ansökan i år. Bestäm vilken som gäller och återkalla den andra med ett skäl.',
              en: 'The municipality has more than one confirmed application this year. Decide which stands and withdraw the other with a reason.',
            }),
          },
        },
        { name: 'municipalityName', type: 'text', label: { sv: 'Kommunens namn', en: 'Municipality name' }, access: serverOwned, admin: sidebar() },
        {
          name: 'county',
          type: 'select',
          index: true,
          label: { sv: 'Län', en: 'County' },
          options: COUNTIES.map((county) => ({ value: county, label: county })),
          access: serverOwned,
          admin: sidebar({ sv: 'Kommunens län, för att filtrera listan.', en: "The municipality's county, to filter the list by." }),
        },
        { name: 'reference', type: 'text', unique: true, label: { sv: 'Referensnummer', en: 'Reference number' }, access: serverOwned, admin: sidebar() },
        instantField('submittedAt', { label: { sv: 'Inskickad', en: 'Submitted' }, access: serverOwned, admin: sidebar() }),
        instantField('confirmedAt', { label: { sv: 'Bekräftad', en: 'Confirmed' }, access: serverOwned, admin: sidebar(), defaultValue: NULL_UNTIL_SET }),
        instantField('confirmExpiresAt', {
          label: { sv: 'Bekräftas senast', en: 'Confirm by' },
          access: { ...serverOwned, read: isStaffField },
          admin: {
            ...sidebar({ sv: 'Obekräftade ansökningar raderas därefter automatiskt.', en: 'Unconfirmed applications are deleted automatically after this.' }),
            condition: (data) => data?.status === 'unconfirmed',
          },
        }),
        instantField('shortlistedAt', {
          label: { sv: 'Finalist sedan', en: 'Finalist since' },
          access: serverOwned,
          admin: { ...sidebar({ sv: 'När juryn valde ansökan till finalist.', en: 'When the jury selected the application as a finalist.' }), condition: (data) => Boolean(data?.shortlistedAt) },
        }),
        instantField('withdrawnAt', {
          label: { sv: 'Återkallad', en: 'Withdrawn' },
          access: { ...serverOwned, read: isStaffField },
          admin: { ...sidebar(), condition: (data) => data?.status === 'withdrawn' },
        }),
        {
          name: 'partner',
          type: 'relationship',
          relationTo: slugs.partners,
          label: { sv: 'Inskickad via', en: 'Submitted through' },
          access: { create: isStaffField, update: isStaffField },
          admin: { position: 'sidebar', description: { sv: 'Partnerwebbplatsen där formuläret var inbäddat.', en: 'The partner site the form was embedded on.' } },
        },
        instantField('personalDataErasedAt', {
          label: { sv: 'Personuppgifter raderade', en: 'Personal data erased' },
          access: { ...serverOwned, read: isStaffField },
          admin: { ...sidebar(), condition: (data) => Boolean(data?.personalDataErasedAt) },
        }),
        {
          name: 'contact',
          type: 'group',
          label: { sv: 'Kontaktperson', en: 'Contact person' },
          access: { read: isStaffField },
          admin: {
            description: {
              sv: 'Raderas när årets lagringstid har gått ut, eller på begäran (POST /api/applications/{id}/erase-personal-data).',
              en: "Erased when the year's retention period ends, or on request (POST /api/applications/{id}/erase-personal-data).",
            },
          },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'name', type: 'text', label: { sv: 'Namn', en: 'Name' } },
                { name: 'role', type: 'text', label: { sv: 'Roll', en: 'Role' } },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'email', type: 'email', validate: validateEmail, label: { sv: 'E-post', en: 'E-mail' } },
                { name: 'phone', type: 'text', validate: validatePhone, label: { sv: 'Telefon', en: 'Phone' } },
              ],
            },
          ],
        },
        {
          name: 'answers',
          type: 'array',
          label: { sv: 'Beskrivning per område', en: 'Description per area' },
          labels: { singular: { sv: 'Svar', en: 'Answer' }, plural: { sv: 'Svar', en: 'Answers' } },
          fields: [
            { name: 'criterion', type: 'relationship', relationTo: slugs.criteria, required: true, label: { sv: 'Område', en: 'Area' } },
            // The area's guiding questions, shown beside the answer (nothing stored).
            { name: 'guidingQuestions', type: 'ui', admin: { components: { Field: '/admin/GuidingQuestions#GuidingQuestions' } } },
            { name: 'text', type: 'textarea', required: true, label: { sv: 'Text', en: 'Text' } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'consent',
              type: 'checkbox',
              required: true,
              label: { sv: 'Samtycke till behandling av uppgifterna', en: 'Consent to processing of the information' },
              access: { update: nobody },
            },
            { name: 'consentVersion', type: 'text', label: { sv: 'Samtyckestextens version', en: 'Version of the consent text' }, access: serverOwned, admin: { readOnly: true } },
            instantField('consentedAt', { label: { sv: 'Samtycke lämnat', en: 'Consent given' }, access: serverOwned, admin: { readOnly: true } }),
          ],
        },
        {
          name: 'supplementaryQuestions',
          type: 'array',
          label: { sv: 'Kompletterande frågor', en: 'Supplementary questions' },
          labels: { singular: { sv: 'Fråga', en: 'Question' }, plural: { sv: 'Frågor', en: 'Questions' } },
          access: { create: isStaffField, update: isStaffField },
          admin: {
            description: {
              sv: 'Juryns frågor till en finalist. När du sparar en ny fråga får kommunens kontaktperson ett mejl med sin privata länk och svarar där till och med svarsdatumet.',
              en: "The jury's questions to a finalist. When a new question is saved, the municipality's contact gets an e-mail with their private link and answers there until the answer-by date.",
            },
          },
          fields: [
            { name: 'question', type: 'textarea', required: true, label: { sv: 'Fråga från juryn', en: "The jury's question" } },
            {
              type: 'row',
              fields: [
                instantField('answerBy', { required: true, label: { sv: 'Svar senast', en: 'Answer by' } }),
                {
                  name: 'answerLimit',
                  type: 'number',
                  required: true,
                  defaultValue: DEFAULT_ANSWER_LIMIT,
                  min: 100,
                  max: 20_000,
                  label: { sv: 'Teckengräns för svaret', en: 'Character limit of the answer' },
                },
                instantField('askedAt', { label: { sv: 'Ställd', en: 'Asked' }, access: serverOwned, admin: { readOnly: true } }),
              ],
            },
            // Written only by the municipality, through its private link.
            { name: 'answer', type: 'textarea', label: { sv: 'Kommunens svar', en: "The municipality's answer" }, access: serverOwned, admin: { readOnly: true } },
            instantField('answeredAt', { label: { sv: 'Besvarad', en: 'Answered' }, access: serverOwned, admin: { readOnly: true } }),
          ],
        },
        // Hashes only: the private links' tokens and the client's idempotency key are never stored in clear.
        hidden('editTokenHash', { index: true }),
        hidden('confirmTokenHash', { index: true }),
        hidden('idempotencyKey', { unique: true }),
        hidden('requestHash'),
        instantField('linkSentAt', { hidden: true, access: serverOwned }),
        // "<year id>:<municipality>" on the one counted application that holds the municipality's place
        // this year, "free:<uuid>" on every other: the unique index makes two holders impossible.
        hidden('place', { unique: true, index: true }),
        {
          name: 'scoreSummary',
          type: 'group',
          label: { sv: 'Juryns poäng', en: 'Jury scores' },
          admin: { position: 'sidebar', description: { sv: 'Räknas ut från inskickade bedömningar.', en: 'Computed from submitted reviews.' } },
          access: { read: isStaffField, ...serverOwned },
          fields: [
            { name: 'reviews', type: 'number', label: { sv: 'Bedömningar', en: 'Reviews' }, admin: { readOnly: true }, defaultValue: NULL_UNTIL_SET },
            { name: 'average', type: 'number', label: { sv: 'Medelpoäng', en: 'Average score' }, admin: { readOnly: true }, defaultValue: NULL_UNTIL_SET },
          ],
        },
        historyField(slugs.history),
      ],
      DESCRIPTIONS,
    ),
  }
}
