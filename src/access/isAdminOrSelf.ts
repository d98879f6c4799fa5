import type { Access } from 'payload'
import { roleOf } from './roles.js'

/** Administrators change every account; others only their own (name, password), never their role. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (roleOf(req) === 'admin') return true
  return req.user ? { id: { equals: req.user.id } } : false
}
