import { APIError } from 'payload'
import type { Violation } from '../domain/text.js'

/** 409: the municipality already applied for this year. Public, so its message reaches the applicant. */
export class DuplicateApplicationError extends APIError<{ errors: Array<{ path: string; message: string }> }> {
  constructor(message: string) {
    super(message, 409, { errors: [{ path: 'municipality', message }] }, true)
  }
}

export const duplicateApplication: Violation = {
  rule: 'application.duplicate',
  path: 'municipality',
  message: {
    sv: 'Kommunen har redan skickat in en ansökan för det här året. Använd länken i bekräftelsemejlet för att ändra den.',
    en: 'The municipality has already applied for this year. Use the link in the confirmation e-mail to change the application.',
  },
}

/**
 * Whether an error is the database's refusal of a second application for the same municipality and
 * year: our own 409, or the unique index's error when two creates raced past the check.
 */
export function isDuplicateApplication(error: unknown): boolean {
  if (error instanceof DuplicateApplicationError) return true
  const errors = (error as { data?: { errors?: Array<{ path?: string; message?: string }> } })?.data?.errors
  return (error as { name?: string })?.name === 'ValidationError' && Array.isArray(errors) && errors.some((e) => /award_?year|municipality/i.test(e.path ?? ''))
}
