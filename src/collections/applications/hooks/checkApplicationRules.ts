import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { idOf } from '../../../lib/relations.js'
import type { EhkContext } from '../../../defaults.js'
import { checkApplication, checkApplicationWindow, referenceNumber } from '../../../domain/application.js'
import { normalizeText } from '../../../domain/characters.js'
import { type ApplicationStatus, checkApplicationTransition, type YearState } from '../../../domain/lifecycle.js'
import { findMunicipality, isMunicipalityCode } from '../../../domain/municipalities.js'
import { violation, type Violation } from '../../../domain/text.js'
import { HISTORICAL_IMPORT, SYSTEM_CHANGE } from '../../../lib/context.js'
import { DuplicateApplicationError, duplicateApplication } from '../../../lib/errors.js'
import { requestLang, throwIfViolations } from '../../../lib/violations.js'

type Year = YearState & { id: number | string; year: number; characterLimit: number; criteria?: unknown[] }
type Answer = { criterion?: unknown; text?: unknown }

/**
 * Every rule of an application, whoever writes it: the year is open (on create), the municipality is
 * one of the 290, one answer per criterion of the year within the character limit, a valid contact,
 * consent, one application per municipality and year, and only allowed status changes.
 * Derives the municipality's name, the reference number and the normalised text.
 */
export const checkApplicationRules =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const merged = { ...originalDoc, ...data }
    const slug = ctx.slugs.applications
    const year = merged.awardYear
      ? ((await req.payload.findByID({
          collection: ctx.slugs.awardYears,
          id: idOf(merged.awardYear),
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })) as Year | null)
      : null
    if (!year) {
      throwIfViolations(req, slug, [violation('application.year', 'awardYear', 'Välj ett utmärkelseår.', 'Choose an award year.')])
      return data
    }
    const answers: Answer[] = Array.isArray(merged.answers) ? merged.answers : []
    const problems: Violation[] = []
    if (operation === 'create' && !req.context[HISTORICAL_IMPORT]) {
      const closed = checkApplicationWindow(year, ctx.now())
      if (closed) problems.push(closed)
    }
    const from = originalDoc?.status as ApplicationStatus | undefined
    if (operation === 'update' && from && data.status && from !== data.status && !req.context[SYSTEM_CHANGE]) {
      const refused = checkApplicationTransition(from, data.status, year.status)
      if (refused) problems.push(refused)
    }
    problems.push(
      ...checkApplication(
        { ...merged, answers: answers.map((a) => ({ ...a, criterion: a.criterion == null ? a.criterion : idOf(a.criterion) })) },
        { characterLimit: year.characterLimit, criteria: (year.criteria ?? []).map(idOf) },
        isMunicipalityCode,
      ),
    )
    throwIfViolations(req, slug, problems)

    if (operation === 'create' || (data.municipality && data.municipality !== originalDoc?.municipality)) {
      await refuseDuplicate(req, slug, year.id, merged.municipality, originalDoc?.id)
    }
    const municipality = findMunicipality(merged.municipality)!
    data.municipalityName = municipality.name
    data.answers = answers.map((a) => ({ ...a, text: normalizeText(String(a.text)) }))
    if (merged.contact) {
      // Stored as checked: normalised like the answers, the e-mail address in lower case.
      const contact = Object.fromEntries(Object.entries(merged.contact as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? normalizeText(v).trim() : v]))
      data.contact = { ...contact, ...(typeof contact.email === 'string' && { email: contact.email.toLowerCase() }) }
    }
    if (operation === 'create') {
      data.reference = referenceNumber(year.year, municipality.code)
      data.submittedAt ??= ctx.now().toISOString()
    }
    return data
  }

/** A clear 409 before the database's unique index would refuse it (the index still guards concurrent creates). */
async function refuseDuplicate(req: PayloadRequest, slug: string, yearId: number | string, municipality: string, self?: number | string) {
  const existing = await req.payload.count({
    collection: slug as 'applications',
    where: {
      and: [{ awardYear: { equals: yearId } }, { municipality: { equals: municipality } }, ...(self === undefined ? [] : [{ id: { not_equals: self } }])],
    },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs > 0) throw new DuplicateApplicationError(duplicateApplication.message[requestLang(req)])
}
