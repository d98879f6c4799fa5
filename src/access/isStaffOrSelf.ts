import type { Access } from 'payload'
import { isStaffRole, roleOf } from './roles.js'

/** Staff see every account; anyone else logged in sees only their own. */
export const isStaffOrSelf: Access = ({ req }) => {
  if (isStaffRole(roleOf(req))) return true
  return req.user ? { id: { equals: req.user.id } } : false
}
