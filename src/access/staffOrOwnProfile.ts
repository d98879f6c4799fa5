import type { FieldAccess } from 'payload'
import { idOf } from '../lib/relations.js'
import { isStaffRole, roleOf } from './roles.js'

/** A juror profile's private parts: staff, and the juror whose profile it is. */
export const staffOrOwnProfile: FieldAccess = ({ req, doc }) => isStaffRole(roleOf(req)) || (!!req.user && !!doc && String(idOf((doc as { user?: unknown }).user)) === String(req.user.id))
