import type { FieldAccess } from 'payload'

/** Server-owned fields: only hooks (running with overrideAccess) write them. */
export const nobody: FieldAccess = () => false
