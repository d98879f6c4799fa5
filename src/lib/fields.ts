import type { CollectionSlug, DateField, DefaultValue, EmailFieldValidation, FieldHook, JoinField, RichTextFieldValidation, TextFieldSingleValidation } from 'payload'
import { isStaffRole, roleOf } from '../access/roles.js'
import { richText } from 'payload/shared'
import { emailViolation, phoneViolation } from '../domain/application.js'
import { isEmail, isPhone } from '../domain/contact.js'
import { unsafeLinks } from '../domain/richText.js'
import { TIME_ZONE } from '../domain/time.js'
import { requestLang } from './violations.js'

/**
 * Stores every instant as a full ISO string (…T21:59:59.000Z): SQLite compares dates as text, so
 * "…59Z" and "…59.000Z" must never both occur.
 */
export const toIsoInstant: FieldHook = ({ value }) => {
  if (value === null || value === undefined || value === '') return value
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

type Options = Omit<DateField, 'type' | 'name'> & { dayOnly?: boolean }

/**
 * A server-owned field's value until it is set: null, so that the field is there on every database
 * (MongoDB would otherwise leave the key out, where SQLite reads a null column). Payload's type leaves
 * null out of DefaultValue, but its default-value code takes any value but undefined.
 */
export const NULL_UNTIL_SET = null as unknown as DefaultValue

/** A date field shown in Stockholm time, stored in UTC in one text form. */
export function instantField(name: string, { dayOnly, admin, hooks, ...rest }: Options): DateField {
  return {
    name,
    type: 'date',
    timezone: { defaultTimezone: TIME_ZONE, supportedTimezones: [{ label: 'Stockholm', value: TIME_ZONE }] },
    admin: {
      ...admin,
      date: dayOnly ? { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } : { pickerAppearance: 'dayAndTime', displayFormat: 'd MMMM yyyy HH:mm' },
    },
    hooks: { ...hooks, beforeChange: [toIsoInstant, ...(hooks?.beforeChange ?? [])] },
    ...rest,
  }
}

/**
 * Payload's check of an e-mail field, with the product's one e-mail rule (src/domain/contact.ts)
 * instead of Payload's own, so that an address is accepted or refused alike everywhere.
 */
export const validateEmail: EmailFieldValidation = (value, { req, required }) => {
  if (value === undefined || value === null || value === '') return required ? req.t('validation:required') : true
  return isEmail(String(value).trim()) || emailViolation('email').message[requestLang(req)]
}

/**
 * Payload's own check of a rich-text field, plus: links only to web, e-mail and phone addresses (or
 * relative ones). A javascript:, data: or vbscript: link is refused when saved, because Payload's
 * API serves the stored document to whoever renders it.
 */
export const validateSafeRichText: RichTextFieldValidation = async (value, options) => {
  const unsafe = unsafeLinks(value)
  if (unsafe.length > 0) {
    const lang = requestLang(options.req)
    return lang === 'en'
      ? `Links may only lead to http(s), mailto or tel addresses: remove ${unsafe.map((u) => `“${u.slice(0, 60)}”`).join(', ')}.`
      : `Länkar får bara leda till http(s)-, mailto- eller tel-adresser: ta bort ${unsafe.map((u) => `”${u.slice(0, 60)}”`).join(', ')}.`
  }
  return richText(value, options)
}

/** A phone field checked by the product's one phone rule (src/domain/contact.ts). */
export const validatePhone: TextFieldSingleValidation = (value, { req }) => value === undefined || value === null || value === '' || isPhone(value) || phoneViolation('phone').message[requestLang(req)]

/**
 * The document's history (who did what and when), shown on it in the admin: read-only, staff only,
 * newest first. A join: nothing is stored on the document itself.
 */
export function historyField(historySlug: CollectionSlug): JoinField {
  return {
    name: 'history',
    type: 'join',
    collection: historySlug,
    on: 'document',
    defaultSort: '-at',
    defaultLimit: 20,
    label: { sv: 'Historik', en: 'History' },
    access: { read: ({ req }) => isStaffRole(roleOf(req)) },
    admin: { allowCreate: false, defaultColumns: ['at', 'action', 'summary', 'actorLabel', 'reason'] },
  }
}
