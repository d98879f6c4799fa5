import { createHash, randomBytes } from 'node:crypto'
import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import type { EhkContext } from '../defaults.js'
import { type ApplicationInput, checkApplication, checkApplicationWindow, referenceNumber } from '../domain/application.js'
import { findMunicipality, isMunicipalityCode } from '../domain/municipalities.js'
import type { Lang, Violation } from '../domain/text.js'
import { formatStockholm } from '../domain/time.js'
import { isDuplicateApplication } from '../lib/errors.js'
import { idOf } from '../lib/relations.js'
import { langOf, json, problem } from './http.js'
import { publicEndpoint, type PublicApiState, spend } from './publicApi.js'
import type { YearDoc } from './publicViews.js'

/** Large enough for 12 000 characters of four-byte emoji and a contact; anything larger is refused unread. */
export const MAX_BODY_BYTES = 256 * 1024
/** A field real people never see or fill in; bots that fill every input do. */
export const HONEYPOT_FIELD = 'homepage'

const MESSAGES = {
  tooLarge: { sv: 'Ansökan är för stor.', en: 'The application is too large.' },
  badJson: { sv: 'Förfrågan kunde inte läsas (ogiltig JSON).', en: 'The request could not be read (invalid JSON).' },
  invalid: { sv: 'Ansökan innehåller fel. Rätta fälten och skicka igen.', en: 'The application has errors. Correct the fields and send it again.' },
  duplicate: {
    sv: 'Kommunen har redan skickat in en ansökan för det här året. Använd länken i bekräftelsemejlet för att ändra den.',
    en: 'The municipality has already applied for this year. Use the link in the confirmation e-mail to change the application.',
  },
  noOpenYear: { sv: 'Det går inte att ansöka just nu.', en: 'Applications are not open right now.' },
  badKey: { sv: 'Ogiltig Idempotency-Key (8–128 tecken: bokstäver, siffror, - och _).', en: 'Invalid Idempotency-Key (8–128 characters: letters, digits, - and _).' },
  noToken: { sv: 'Länken är ogiltig eller har gått ut.', en: 'The link is invalid or has expired.' },
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

type Body = Record<string, unknown>
type ApplicationDoc = {
  id: number | string
  reference: string
  municipality: string
  municipalityName: string
  submittedAt: string
  awardYear: number | string | YearDoc
  contact?: { name?: string; role?: string; email?: string; phone?: string }
  answers?: Array<{ criterion: number | string | { id: number | string }; text: string }>
}

/** Reads a JSON object body with a size limit: a Response to send back, or the body. */
async function readBody(req: PayloadRequest, lang: Lang, headers: Headers): Promise<Response | Body> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return problem(413, MESSAGES.tooLarge[lang], headers)
  const text = req.text ? await req.text() : ''
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return problem(413, MESSAGES.tooLarge[lang], headers)
  try {
    const body = JSON.parse(text) as unknown
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Body
  } catch {
    // answered below
  }
  return problem(400, MESSAGES.badJson[lang], headers)
}

const yearRules = (year: YearDoc) => ({ characterLimit: year.characterLimit, criteria: (year.criteria ?? []).map(idOf).filter((id) => id !== undefined) })

function fieldErrors(violations: Violation[], lang: Lang): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const v of violations) errors[v.path] ??= v.message[lang]
  return errors
}

/** Only the fields an applicant writes; everything else in the body is ignored. */
function applicantFields(body: Body): ApplicationInput & { contact: NonNullable<ApplicationInput['contact']> } {
  const contact = (body.contact && typeof body.contact === 'object' ? body.contact : {}) as Body
  return {
    municipality: body.municipality,
    contact: { name: contact.name, role: contact.role || undefined, email: contact.email, phone: contact.phone || undefined },
    answers: Array.isArray(body.answers) ? body.answers.map((a) => ({ criterion: (a as Body)?.criterion, text: (a as Body)?.text })) : null,
    consent: body.consent,
  }
}

/** What a bot that filled the honeypot gets: a receipt like any other, for nothing stored. */
function decoyReceipt(body: Body, year: YearDoc, now: Date) {
  const municipality = findMunicipality(body.municipality) ?? findMunicipality('0180')!
  const decoy = { reference: referenceNumber(year.year, municipality.code), municipality: municipality.code, municipalityName: municipality.name, submittedAt: now.toISOString() }
  return receipt(decoy as ApplicationDoc, year)
}

function receipt(application: ApplicationDoc, year: YearDoc) {
  return {
    reference: application.reference,
    year: year.year,
    municipality: { code: application.municipality, name: application.municipalityName },
    submittedAt: application.submittedAt,
    editableUntil: year.deadline ?? null,
  }
}

export function submissionEndpoints(ctx: EhkContext, state: PublicApiState, options: { editUrl: (token: string, req: PayloadRequest) => string }): Endpoint[] {
  const { slugs } = ctx

  async function openYear(payload: Payload, number: unknown): Promise<YearDoc | undefined> {
    const where: Where = Number.isInteger(number) ? { year: { equals: number } } : { status: { equals: 'open' } }
    const { docs } = await payload.find({ collection: slugs.awardYears, where, depth: 0, limit: 1, sort: '-year', overrideAccess: true })
    return docs[0] as unknown as YearDoc | undefined
  }

  async function byIdempotencyKey(payload: Payload, keyHash: string): Promise<ApplicationDoc | undefined> {
    const { docs } = await payload.find({ collection: slugs.applications, where: { idempotencyKey: { equals: keyHash } }, depth: 0, limit: 1, overrideAccess: true, showHiddenFields: true })
    return docs[0] as unknown as ApplicationDoc | undefined
  }

  async function sendConfirmations(req: PayloadRequest, application: ApplicationDoc, year: YearDoc, token: string) {
    const link = options.editUrl(token, req)
    const deadline = year.deadline ? formatStockholm(year.deadline, 'sv') : ''
    const summary = (application.answers ?? []).map((a) => `${a.text.slice(0, 200)}${a.text.length > 200 ? '…' : ''}`).join('\n\n')
    const applicant = [
      `Tack för er ansökan till ${year.title}!`,
      '',
      `Referensnummer: ${application.reference}`,
      `Kommun: ${application.municipalityName}`,
      `Inskickad: ${formatStockholm(application.submittedAt, 'sv')}`,
      '',
      `Ni kan ändra ansökan fram till ${deadline} via den här länken (dela den inte):`,
      link,
      '',
      'Sammanfattning:',
      summary,
      '',
      '—',
      `Thank you for applying to ${year.title}. Reference ${application.reference}. You can change the application until the deadline through the link above.`,
    ].join('\n')
    const sends = [req.payload.sendEmail({ to: application.contact?.email, subject: `Ansökan mottagen: ${application.reference}`, text: applicant })]
    if (year.contact?.email) {
      sends.push(
        req.payload.sendEmail({
          to: year.contact.email,
          subject: `Ny ansökan till ${year.title}: ${application.municipalityName}`,
          text: `${application.municipalityName} har skickat in en ansökan (${application.reference}). Den finns i administrationen.`,
        }),
      )
    }
    // A mail failure must not lose or fail the submission: it is stored, and the log says what failed.
    for (const result of await Promise.allSettled(sends)) {
      if (result.status === 'rejected') req.payload.logger.error({ err: result.reason, msg: `Could not send confirmation for ${application.reference}` })
    }
  }

  const submit = publicEndpoint(state, 'post', '/applications', async (req, headers, cors) => {
    const lang = langOf(req)
    const body = await readBody(req, lang, headers)
    if (body instanceof Response) return body
    const key = req.headers.get('idempotency-key')
    if (key !== null && !/^[\w-]{8,128}$/.test(key)) return problem(400, MESSAGES.badKey[lang], headers)
    const year = await openYear(req.payload, body.year)
    if (!year) return problem(403, MESSAGES.noOpenYear[lang], headers)

    const keyHash = key ? sha256(`${cors.allow ?? ''}|${key}`) : undefined
    if (keyHash) {
      const earlier = await byIdempotencyKey(req.payload, keyHash)
      if (earlier) return json(receipt(earlier, year), 201, headers)
    }
    const closed = checkApplicationWindow(year, ctx.now())
    if (closed) return problem(403, closed.message[lang], headers)
    if (typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') return json(decoyReceipt(body, year, ctx.now()), 201, headers)

    const fields = applicantFields(body)
    const violations = checkApplication(fields, yearRules(year), isMunicipalityCode)
    if (violations.length > 0) return problem(422, MESSAGES.invalid[lang], headers, fieldErrors(violations, lang))
    const limited = await spend(req, state, 'submit', headers)
    if (limited) return limited

    const token = randomBytes(32).toString('base64url')
    let application: ApplicationDoc
    try {
      application = (await req.payload.create({
        collection: slugs.applications,
        data: { ...fields, awardYear: year.id, partner: cors.partner, editTokenHash: sha256(token), idempotencyKey: keyHash } as never,
        overrideAccess: true,
        req: { i18n: req.i18n, headers: req.headers } as never,
      })) as unknown as ApplicationDoc
    } catch (error) {
      // A retry with the same key that raced the first attempt lost on a unique index: the first receipt.
      const earlier = keyHash && (await byIdempotencyKey(req.payload, keyHash))
      if (earlier) return json(receipt(earlier, year), 201, headers)
      if (isDuplicateApplication(error)) return problem(409, MESSAGES.duplicate[lang], headers, { municipality: MESSAGES.duplicate[lang] })
      const errors = (error as { data?: { errors?: Array<{ path: string; message: string }> } })?.data?.errors
      if (Array.isArray(errors)) return problem(422, MESSAGES.invalid[lang], headers, Object.fromEntries(errors.map((e) => [e.path, e.message])))
      throw error
    }
    await sendConfirmations(req, application, year, token)
    return json(receipt(application, year), 201, headers)
  })

  /** The application the edit token opens, while it may still be edited; otherwise the answer to send. */
  async function byToken(req: PayloadRequest, lang: Lang, headers: Headers): Promise<Response | { application: ApplicationDoc; year: YearDoc }> {
    const token = req.headers.get('x-ehk-edit-token')
    const { docs } =
      token && token.length >= 20 && token.length <= 100
        ? await req.payload.find({ collection: slugs.applications, where: { editTokenHash: { equals: sha256(token) } }, depth: 1, limit: 1, overrideAccess: true, showHiddenFields: true })
        : { docs: [] }
    const application = docs[0] as unknown as ApplicationDoc | undefined
    if (!application || typeof application.awardYear !== 'object') return problem(404, MESSAGES.noToken[lang], headers)
    const closed = checkApplicationWindow(application.awardYear, ctx.now())
    if (closed) return problem(403, closed.message[lang], headers)
    return { application, year: application.awardYear }
  }

  const editable = (application: ApplicationDoc, year: YearDoc) => ({
    ...receipt(application, year),
    contact: application.contact,
    answers: (application.answers ?? []).map((a) => ({ criterion: typeof a.criterion === 'object' ? a.criterion.id : a.criterion, text: a.text })),
  })

  const read = publicEndpoint(state, 'get', '/applications/mine', async (req, headers) => {
    const found = await byToken(req, langOf(req), headers)
    if (found instanceof Response) return found
    headers.set('Cache-Control', 'private, no-store')
    return json(editable(found.application, found.year), 200, headers)
  })

  const update = publicEndpoint(state, 'patch', '/applications/mine', async (req, headers) => {
    const lang = langOf(req)
    const found = await byToken(req, lang, headers)
    if (found instanceof Response) return found
    const body = await readBody(req, lang, headers)
    if (body instanceof Response) return body
    const current = editable(found.application, found.year)
    const fields = applicantFields({ municipality: found.application.municipality, consent: true, contact: body.contact ?? current.contact, answers: body.answers ?? current.answers })
    const violations = checkApplication(fields, yearRules(found.year), isMunicipalityCode)
    if (violations.length > 0) return problem(422, MESSAGES.invalid[lang], headers, fieldErrors(violations, lang))
    const limited = await spend(req, state, 'submit', headers)
    if (limited) return limited
    const updated = (await req.payload.update({
      collection: slugs.applications,
      id: found.application.id,
      data: { contact: fields.contact, answers: fields.answers } as never,
      overrideAccess: true,
      depth: 0,
    })) as unknown as ApplicationDoc
    return json(editable(updated, found.year), 200, headers)
  })

  return [submit, read, update]
}
