import type { Access, Payload, PayloadRequest } from 'payload'
import { isStaffRole, roleOf } from '../access/roles.js'
import type { EhkContext } from '../defaults.js'

const LOCKS = 'payload-locked-documents'

/** Whether the user behind a request may update this document, by the collection's own update rule. */
async function mayUpdate(req: PayloadRequest, slug: string, id: unknown): Promise<boolean> {
  const collection = req.payload.collections[slug as keyof typeof req.payload.collections]
  if (!collection || (typeof id !== 'string' && typeof id !== 'number')) return false
  const rule = await collection.config.access.update?.({ req, id: id as number })
  if (rule === true) return true
  if (!rule) return false
  const { totalDocs } = await req.payload.count({ collection: slug as 'users', where: { and: [rule, { id: { equals: id } }] }, overrideAccess: true, req })
  return totalDocs > 0
}

/** Staff see and manage every lock; anyone else only their own. */
const ownLocks: Access = ({ req }) => isStaffRole(roleOf(req)) || (req.user ? { 'user.value': { equals: req.user.id } } : false)

/** Anyone else locks only a document they may edit, and only in their own name. */
const lockOwnEditable: Access = async ({ req, data }) => {
  if (isStaffRole(roleOf(req))) return true
  if (!req.user) return false
  // Asked without a document (the admin deciding what to show), a logged-in user passes; the lock itself is checked.
  if (!data) return true
  const { document, user } = data as { document?: { relationTo?: string; value?: unknown }; user?: { value?: unknown } | number | string }
  const owner = typeof user === 'object' && user !== null ? user.value : user
  if (String(owner) !== String(req.user.id) || !document?.relationTo) return false
  return mayUpdate(req, document.relationTo, typeof document.value === 'object' && document.value !== null ? (document.value as { id: unknown }).id : document.value)
}

/**
 * Payload adds its document-lock collection itself, open to every logged-in user: a juror could list
 * which applications staff are editing, and lock or unlock documents they cannot edit. The plugin
 * narrows it once Payload has built it.
 */
export function lockDocumentsAccess(payload: Payload, _ctx: EhkContext): void {
  const locks = payload.collections[LOCKS as keyof typeof payload.collections]?.config
  if (!locks) return
  locks.access = { ...locks.access, read: ownLocks, update: ownLocks, delete: ownLocks, create: lockOwnEditable }
}
