import type { Access, FieldAccess } from 'payload'
import { isStaffRole, roleOf } from './roles.js'

/** Administrators and editors: the organiser's staff, who run the award. */
export const isStaff: Access = ({ req }) => isStaffRole(roleOf(req))

export const isStaffField: FieldAccess = ({ req }) => isStaffRole(roleOf(req))
