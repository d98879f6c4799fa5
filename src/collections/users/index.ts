import type { CollectionConfig, Field } from 'payload'
import { isAdmin, isAdminField } from '../../access/isAdmin.js'
import { isAdminOrSelf } from '../../access/isAdminOrSelf.js'
import { isStaffOrSelf } from '../../access/isStaffOrSelf.js'
import { roleOf } from '../../access/roles.js'
import { ROLES, type EhkContext } from '../../defaults.js'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin.js'

const ROLE_LABELS = {
  admin: { sv: 'Administratör', en: 'Administrator' },
  editor: { sv: 'Redaktör', en: 'Editor' },
  juror: { sv: 'Jurymedlem', en: 'Juror' },
}

/** The role decides everything a user may do; only administrators set it. */
export const roleField: Field = {
  name: 'role',
  type: 'select',
  required: true,
  defaultValue: 'juror',
  saveToJWT: true,
  label: { sv: 'Roll', en: 'Role' },
  options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
  access: { create: isAdminField, update: isAdminField },
  admin: { position: 'sidebar' },
}

/** Adds roles to a host project's existing auth collection, leaving its own access rules alone. */
export function withRoles(collection: CollectionConfig): CollectionConfig {
  const hasRole = collection.fields.some((field) => 'name' in field && field.name === 'role')
  return {
    ...collection,
    fields: hasRole ? collection.fields : [...collection.fields, roleField],
    hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), firstUserIsAdmin] },
  }
}

/** Logins for the organiser's staff and the jurors; applicants and the public have none. */
export function users(ctx: EhkContext): CollectionConfig {
  return withRoles({
    slug: ctx.slugs.users,
    labels: { singular: { sv: 'Användare', en: 'User' }, plural: { sv: 'Användare', en: 'Users' } },
    auth: { tokenExpiration: 8 * 60 * 60, maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 },
    admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'], group: { sv: 'Administration', en: 'Administration' } },
    access: {
      // Only people with one of our roles get into the admin panel.
      admin: ({ req }) => roleOf(req) !== undefined,
      read: isStaffOrSelf,
      create: isAdmin,
      update: isAdminOrSelf,
      delete: isAdmin,
    },
    fields: [{ name: 'name', type: 'text', label: { sv: 'Namn', en: 'Name' } }],
  })
}
