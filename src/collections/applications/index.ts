import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin.js'
import { isStaff, isStaffField } from '../../access/isStaff.js'
import { nobody } from '../../access/nobody.js'
import { readableApplications } from '../../access/readableApplications.js'
import type { EhkContext } from '../../defaults.js'
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS } from '../../domain/lifecycle.js'
import { MUNICIPALITIES } from '../../domain/municipalities.js'
import { instantField } from '../../lib/fields.js'
import { checkApplicationRules } from './hooks/checkApplicationRules.js'

/** A municipality's application for one year: one per municipality and year. */
export function applications(ctx: EhkContext): CollectionConfig {
  const { slugs } = ctx
  const serverOwned = { create: nobody, update: nobody }
  return {
    slug: slugs.applications,
    labels: { singular: { sv: 'Ansökan', en: 'Application' }, plural: { sv: 'Ansökningar', en: 'Applications' } },
    admin: {
      useAsTitle: 'municipalityName',
      defaultColumns: ['municipalityName', 'awardYear', 'status', 'reference', 'submittedAt'],
      group: { sv: 'Juryarbete', en: 'Jury work' },
      listSearchableFields: ['municipalityName', 'reference'],
    },
    defaultSort: '-submittedAt',
    access: { read: readableApplications(ctx), create: isStaff, update: isStaff, delete: isAdmin },
    indexes: [{ fields: ['awardYear', 'municipality'], unique: true }],
    hooks: { beforeChange: [checkApplicationRules(ctx)] },
    fields: [
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
        admin: { position: 'sidebar' },
      },
      { name: 'municipalityName', type: 'text', label: { sv: 'Kommunens namn', en: 'Municipality name' }, access: serverOwned, admin: { readOnly: true, position: 'sidebar' } },
      { name: 'reference', type: 'text', unique: true, label: { sv: 'Referensnummer', en: 'Reference number' }, access: serverOwned, admin: { readOnly: true, position: 'sidebar' } },
      instantField('submittedAt', { label: { sv: 'Inskickad', en: 'Submitted' }, access: serverOwned, admin: { readOnly: true, position: 'sidebar' } }),
      {
        name: 'partner',
        type: 'relationship',
        relationTo: slugs.partners,
        label: { sv: 'Inskickad via', en: 'Submitted through' },
        access: { create: isStaffField, update: isStaffField },
        admin: { position: 'sidebar', description: { sv: 'Partnerwebbplatsen där formuläret var inbäddat.', en: 'The partner site the form was embedded on.' } },
      },
      {
        name: 'contact',
        type: 'group',
        label: { sv: 'Kontaktperson', en: 'Contact person' },
        access: { read: isStaffField },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'name', type: 'text', required: true, label: { sv: 'Namn', en: 'Name' } },
              { name: 'role', type: 'text', label: { sv: 'Roll', en: 'Role' } },
            ],
          },
          {
            type: 'row',
            fields: [
              { name: 'email', type: 'email', required: true, label: { sv: 'E-post', en: 'E-mail' } },
              { name: 'phone', type: 'text', label: { sv: 'Telefon', en: 'Phone' } },
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
          { name: 'text', type: 'textarea', required: true, label: { sv: 'Text', en: 'Text' } },
        ],
      },
      {
        name: 'consent',
        type: 'checkbox',
        required: true,
        label: { sv: 'Samtycke till behandling av uppgifterna', en: 'Consent to processing of the information' },
        access: { update: nobody },
      },
      {
        name: 'supplementaryQuestions',
        type: 'array',
        label: { sv: 'Kompletterande frågor', en: 'Supplementary questions' },
        labels: { singular: { sv: 'Fråga', en: 'Question' }, plural: { sv: 'Frågor', en: 'Questions' } },
        access: { create: isStaffField, update: isStaffField },
        fields: [
          { name: 'question', type: 'textarea', required: true, label: { sv: 'Fråga från juryn', en: "The jury's question" } },
          { name: 'answer', type: 'textarea', label: { sv: 'Kommunens svar', en: "The municipality's answer" } },
          instantField('answeredAt', { label: { sv: 'Besvarad', en: 'Answered' } }),
        ],
      },
      // Hashes only: the edit link's token and the client's idempotency key are never stored in clear.
      { name: 'editTokenHash', type: 'text', hidden: true, index: true, access: serverOwned },
      { name: 'idempotencyKey', type: 'text', hidden: true, unique: true, access: serverOwned },
      {
        name: 'scoreSummary',
        type: 'group',
        label: { sv: 'Juryns poäng', en: 'Jury scores' },
        admin: { position: 'sidebar', description: { sv: 'Räknas ut från inskickade bedömningar.', en: 'Computed from submitted reviews.' } },
        access: { read: isStaffField, ...serverOwned },
        fields: [
          { name: 'reviews', type: 'number', label: { sv: 'Bedömningar', en: 'Reviews' }, admin: { readOnly: true } },
          { name: 'average', type: 'number', label: { sv: 'Medelpoäng', en: 'Average score' }, admin: { readOnly: true } },
        ],
      },
    ],
  }
}
