import { ValidationError, type PayloadRequest } from 'payload'
import { type Lang, pickLang, type Violation } from '../domain/text.js'

/** The language of the person behind a request: their admin language, else their Accept-Language. */
export function requestLang(req: Partial<PayloadRequest>): Lang {
  return pickLang(req.i18n?.language ?? req.headers?.get('accept-language'))
}

/** Refuses the whole operation with every broken rule at its field, in the reader's language. */
export function throwIfViolations(req: PayloadRequest, collection: string, violations: Violation[]): void {
  if (violations.length === 0) return
  const lang = requestLang(req)
  throw new ValidationError({ collection, errors: violations.map((v) => ({ path: v.path, message: v.message[lang] })), req }, req.t)
}
