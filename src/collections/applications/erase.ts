import type { Endpoint, PayloadRequest } from 'payload'
import { isStaffRole, roleOf } from '../../access/roles.js'
import type { EhkContext } from '../../defaults.js'
import { normalizeText } from '../../domain/characters.js'
import { recordHistory } from '../../lib/history.js'
import { parseDocumentId } from '../../lib/ids.js'
import { requestLang } from '../../lib/violations.js'
import { asFields } from '../../types.js'

/**
 * Erases an applicant's personal data for good: the contact person and everything derived from
 * their address (the private links, the request fingerprint). The application itself (municipality,
 * answers, reviews) stays for the award's record. Recorded in the history with its reason.
 */
export async function erasePersonalData(req: PayloadRequest, ctx: EhkContext, id: number | string, reason: string): Promise<string> {
  const at = ctx.now().toISOString()
  const erased = await req.payload.update({
    collection: ctx.slugs.applications,
    id,
    data: asFields({
      contact: { name: null, role: null, email: null, phone: null },
      personalDataErasedAt: at,
      editTokenHash: null,
      confirmTokenHash: null,
      requestHash: null,
      linkSentAt: null,
    }),
    depth: 0,
    overrideAccess: true,
    req,
  })
  await recordHistory(req, ctx.slugs.history, ctx.now(), {
    action: 'personal-data-erased',
    summary: `${(erased as { reference?: string }).reference}: kontaktuppgifterna raderade / contact details erased`,
    document: { relationTo: ctx.slugs.applications, value: id },
    reason,
  })
  return at
}

const MESSAGES = {
  forbidden: { sv: 'Bara personal kan radera personuppgifter.', en: 'Only staff can erase personal data.' },
  reason: { sv: 'Ange skälet, t.ex. ”Begäran från den registrerade 2026-11-24”.', en: 'Give the reason, e.g. “Request from the data subject 2026-11-24”.' },
  notFound: { sv: 'Ansökan finns inte.', en: 'The application does not exist.' },
}

/** POST /api/applications/:id/erase-personal-data with `{ "reason": "…" }`: staff only. */
export function eraseEndpoint(ctx: EhkContext): Endpoint {
  return {
    path: '/:id/erase-personal-data',
    method: 'post',
    handler: async (req) => {
      const lang = requestLang(req)
      if (!isStaffRole(roleOf(req))) return Response.json({ message: MESSAGES.forbidden[lang] }, { status: 403 })
      const body = (await req.json?.().catch(() => null)) as { reason?: unknown } | null
      const reason = typeof body?.reason === 'string' ? normalizeText(body.reason).trim().slice(0, 1000) : ''
      if (!reason) return Response.json({ message: MESSAGES.reason[lang], errors: { reason: MESSAGES.reason[lang] } }, { status: 422 })
      const id = parseDocumentId(req.payload, req.routeParams?.id)
      const found = id === undefined ? null : await req.payload.findByID({ collection: ctx.slugs.applications, id, depth: 0, disableErrors: true, overrideAccess: true, req })
      if (!found) return Response.json({ message: MESSAGES.notFound[lang] }, { status: 404 })
      const at = await erasePersonalData(req, ctx, found.id, reason)
      return Response.json({ erased: true, at })
    },
  }
}
