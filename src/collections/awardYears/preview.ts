import type { GeneratePreviewURL } from 'payload'
import { isStaffRole, roleOf } from '../../access/roles.js'
import { previewToken } from '../../api/preview.js'
import type { EhkContext } from '../../defaults.js'

/**
 * The year's "Förhandsgranska" button in the admin: the CMS's preview page with the year's widgets,
 * through a signed link that works for an hour (src/api/preview.ts). Only staff get one; the token
 * travels in the address's fragment, which browsers never send to a server.
 */
export const previewLink =
  (ctx: EhkContext): GeneratePreviewURL =>
  (doc, { req }) =>
    isStaffRole(roleOf(req)) && typeof doc.year === 'number' ? `${req.payload.config.serverURL}/forhandsvisning?ar=${doc.year}#${previewToken(req.payload.secret, doc.year, ctx.now())}` : null
