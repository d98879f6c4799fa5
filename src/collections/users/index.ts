import type { CollectionConfig, Field } from 'payload'
import { isAdmin, isAdminField } from '../../access/isAdmin.js'
import { isAdminOrSelf } from '../../access/isAdminOrSelf.js'
import { isStaffOrSelf } from '../../access/isStaffOrSelf.js'
import { roleOf } from '../../access/roles.js'
import { evenLoginRefusals, guardAuth } from '../../auth/loginGuard.js'
import { ROLES, type EhkContext } from '../../defaults.js'
import { validateEmail } from '../../lib/fields.js'
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
  admin: { position: 'sidebar', description: { sv: 'Vad personen får göra. Bara administratörer ändrar den.', en: 'What the person may do. Only administrators change it.' } },
}

/** Payload's own e-mail field of the auth collection, checked by the product's one e-mail rule. */
const emailField: Field = {
  name: 'email',
  type: 'email',
  validate: validateEmail,
  admin: { description: { sv: 'Inloggningen, och dit e-post om juryarbetet och lösenordet skickas.', en: 'The login, and where e-mail about the jury work and the password is sent.' } },
}

/**
 * Roles, the first-user rule and the login guard (rate limits, uniform refusals, password rules)
 * for an auth collection: the plugin's own users, or a host project's existing one, whose access
 * rules are left as they are.
 */
export function withRoles(collection: CollectionConfig, ctx: EhkContext): CollectionConfig {
  const named = (name: string) => collection.fields.some((field) => 'name' in field && field.name === name)
  return {
    ...collection,
    fields: [...collection.fields, ...(named('role') ? [] : [roleField]), ...(named('email') ? [] : [emailField])],
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), guardAuth(ctx)],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), firstUserIsAdmin],
      afterError: [...(collection.hooks?.afterError ?? []), evenLoginRefusals(ctx)],
    },
  }
}

/** Logins for the organiser's staff and the jurors; applicants and the public have none. */
export function users(ctx: EhkContext): CollectionConfig {
  return withRoles(
    {
      slug: ctx.slugs.users,
      labels: { singular: { sv: 'Användare', en: 'User' }, plural: { sv: 'Användare', en: 'Users' } },
      auth: {
        tokenExpiration: 8 * 60 * 60,
        maxLoginAttempts: 5,
        lockTime: 10 * 60 * 1000,
        // Strict: the login never rides along on a request that another site starts.
        cookies: { sameSite: 'Strict', secure: ctx.secureCookies },
      },
      admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'], group: { sv: 'Administration', en: 'Administration' } },
      access: {
        // Only people with one of our roles get into the admin panel.
        admin: ({ req }) => roleOf(req) !== undefined,
        read: isStaffOrSelf,
        create: isAdmin,
        update: isAdminOrSelf,
        delete: isAdmin,
        unlock: isAdmin,
      },
      fields: [{ name: 'name', type: 'text', label: { sv: 'Namn', en: 'Name' }, admin: { description: { sv: 'Visas för kollegor i administrationen.', en: 'Shown to colleagues in the admin.' } } }],
    },
    ctx,
  )
}
