import type { Access, FieldAccess } from 'payload'
import { roleOf } from './roles.js'

/** Only administrators: users, roles, partner origins, the juror ↔ user link. */
export const isAdmin: Access = ({ req }) => roleOf(req) === 'admin'

export const isAdminField: FieldAccess = ({ req }) => roleOf(req) === 'admin'
