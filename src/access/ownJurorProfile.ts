import type { Access } from 'payload'
import { isStaffRole, roleOf } from './roles.js'

/** Staff edit every juror profile; a juror edits their own (photo, bio, title). */
export const ownJurorProfile: Access = ({ req }) => {
  const role = roleOf(req)
  if (isStaffRole(role)) return true
  return role === 'juror' && req.user ? { user: { equals: req.user.id } } : false
}
