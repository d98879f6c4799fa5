import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account (Payload's "create first user" screen) becomes an administrator. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const existing = await req.payload.count({ collection: collection.slug as 'users', overrideAccess: true, req })
  if (existing.totalDocs === 0) data.role = 'admin'
  return data
}
