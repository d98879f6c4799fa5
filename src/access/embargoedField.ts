import type { FieldAccess } from 'payload'
import type { EhkContext } from '../defaults.js'
import { isWinnerPublic, type YearStatus } from '../domain/lifecycle.js'
import { isStaffRole, roleOf } from './roles.js'

/**
 * The winner, the jury's motivation and the success factors: staff always; everyone else only once the
 * year is announced and its announcement time has come. Without a document (a `where` on the field)
 * only staff pass, so the winner cannot be guessed by querying for it.
 */
export const embargoedField =
  (ctx: EhkContext): FieldAccess =>
  ({ req, doc }) => {
    if (isStaffRole(roleOf(req))) return true
    if (!doc) return false
    return isWinnerPublic(doc as { status: YearStatus; announcementAt?: string | null }, ctx.now())
  }
