import type { PayloadRequest } from 'payload'
import type { Role } from '../defaults.js'

/** The role of the logged-in user, or undefined for the public and for users of other auth collections. */
export function roleOf(req: PayloadRequest): Role | undefined {
  const role = (req.user as { role?: unknown } | null | undefined)?.role
  return role === 'admin' || role === 'editor' || role === 'juror' ? role : undefined
}

export const isStaffRole = (role: Role | undefined): boolean => role === 'admin' || role === 'editor'
