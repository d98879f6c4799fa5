// How a person is reached: one definition of a valid e-mail address and phone number, used by the
// public API, the widgets and Payload's own e-mail fields alike.

/**
 * An address every mail server delivers to: ASCII letters, digits and the usual punctuation before
 * the "@" (no leading, trailing or double dots), a domain of dotted labels ending in a name of two
 * or more letters (or an IDN in its xn-- form). Deliberately stricter than RFC 5322: "å@kommun.se"
 * or a quoted local part would not reach everyone.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/

export const EMAIL_MAX_LENGTH = 254

export function isEmail(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > EMAIL_MAX_LENGTH) return false
  const at = value.lastIndexOf('@')
  return at > 0 && at <= 64 && EMAIL.test(value)
}

/** The form addresses are compared and stored in. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase()

/** Digits, spaces and + - ( ) only, with 6–20 of them in all: "031-123 45 67", "+46 (0)31 123 45 67". */
const PHONE = /^\+?[0-9 ()-]{6,20}$/

export function isPhone(value: unknown): value is string {
  return typeof value === 'string' && PHONE.test(value) && /[0-9].*[0-9].*[0-9].*[0-9].*[0-9]/.test(value)
}
