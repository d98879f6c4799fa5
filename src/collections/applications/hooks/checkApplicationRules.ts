import { randomUUID } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { checkAnswers, checkApplication, checkApplicationWindow, checkMunicipality, referenceNumber, yearRules } from '../../../domain/application.js'
import { normalizeText } from '../../../domain/characters.js'
import { CONSENT } from '../../../domain/consent.js'
import { normalizeEmail } from '../../../domain/contact.js'
import { type ApplicationStatus, checkApplicationTransition, type YearState } from '../../../domain/lifecycle.js'
import { findMunicipality, isMunicipalityCode } from '../../../domain/municipalities.js'
import { violation, type Violation } from '../../../domain/text.js'
import { HISTORICAL_IMPORT, PUBLIC_SUBMISSION, requestNow, SYSTEM_CHANGE } from '../../../lib/context.js'
import { idOf } from '../../../lib/relations.js'
import { throwIfViolations } from '../../../lib/violations.js'

type Year = YearState & { id: number | string; year: number; characterLimit: number; criteria?: unknown[] }
type Answer = { criterion?: unknown; text?: unknown }

export const freePlace = () => `free:${randomUUID()}`

/**
 * Every rule of an application, whoever writes it: the year is open (on create), the municipality is
 * one of the 290, one answer per criterion of the year within the character limit, a valid contact
 * (until it is erased), consent, and only allowed status changes (a withdrawal by staff with a reason).
 * Derives the municipality's name, the reference number, the normalised text and the status a new
 * application starts in: unconfirmed when posted by the public, counted when entered by staff.
 */
export const checkApplicationRules =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const merged = { ...originalDoc, ...data }
    const slug = ctx.slugs.applications
    const now = requestNow(req, ctx.now)
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
    const historical = Boolean(req.context[HISTORICAL_IMPORT])
    const answers: Answer[] = Array.isArray(merged.answers) ? merged.answers : []
    const rules = yearRules(year)
    const problems: Violation[] = []

    if (operation === 'create' && !historical) {
      const closed = checkApplicationWindow(year, now)
      if (closed) problems.push(closed)
    }
    const from = originalDoc?.status as ApplicationStatus | undefined
    const to = (data.status ?? from) as ApplicationStatus
    if (operation === 'update' && from && from !== to && !req.context[SYSTEM_CHANGE]) {
      const refused = checkApplicationTransition(from, to, year.status)
      if (refused) problems.push(refused)
      if (to === 'finalist' && merged.competing) {
        problems.push(
          violation(
            'application.competing-finalist',
            'status',
            'En konkurrerande ansökan kan inte bli finalist. Bestäm först vilken av kommunens ansökningar som gäller.',
            "A competing application cannot become a finalist. First decide which of the municipality's applications stands.",
          ),
        )
      }
      if (to === 'withdrawn' && !normalizeText(String(merged.withdrawalReason ?? '')).trim()) {
        problems.push(violation('application.withdrawal-reason', 'withdrawalReason', 'Ange varför ansökan återkallas.', 'Say why the application is withdrawn.'))
      }
    }
    const checked = { ...merged, answers: answers.map((a) => ({ ...a, criterion: a.criterion == null ? a.criterion : idOf(a.criterion) })), consentVersion: undefined }
    problems.push(
      ...(merged.personalDataErasedAt
        ? // The contact is gone for good; the rest of the application still keeps its rules.
          [...checkMunicipality(merged.municipality, isMunicipalityCode), ...checkAnswers(checked.answers, rules)]
        : checkApplication(checked, rules, isMunicipalityCode)),
    )
    throwIfViolations(req, slug, problems)

    const municipality = findMunicipality(merged.municipality)!
    data.municipalityName = municipality.name
    data.county = municipality.county
    data.answers = answers.map((a) => ({ ...a, text: normalizeText(String(a.text)) }))
    if (merged.contact && !merged.personalDataErasedAt) {
      // Stored as checked: normalised like the answers, the e-mail address in lower case, empty optional fields as null.
      const contact = Object.fromEntries(Object.entries(merged.contact as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? normalizeText(v).trim() || null : (v ?? null)]))
      data.contact = { ...contact, ...(typeof contact.email === 'string' && { email: normalizeEmail(contact.email) }) }
    }
    if (operation === 'create') {
      data.reference = referenceNumber(year.year, municipality.code)
      data.submittedAt ??= now.toISOString()
      data.place = freePlace()
      data.consentVersion = (req.context[PUBLIC_SUBMISSION] as { consentVersion?: string } | undefined)?.consentVersion ?? CONSENT.version
      data.consentedAt = data.submittedAt
      if (!historical) data.status = req.context[PUBLIC_SUBMISSION] ? 'unconfirmed' : 'submitted'
      if (data.status !== 'unconfirmed') data.confirmedAt ??= data.submittedAt
    }
    if (operation === 'update' && from !== to) {
      if (to === 'withdrawn') data.withdrawnAt = now.toISOString()
      else if (from === 'withdrawn') data.withdrawnAt = null
    }
    return data
  }
