import type { DateField, FieldHook } from 'payload'
import { TIME_ZONE } from '../domain/time.js'

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
