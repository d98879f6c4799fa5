import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import type { EhkContext } from '../defaults.js'
import {
  type ApplicationInput,
  checkApplication,
  checkApplicationWindow,
  checkMunicipality,
  checkSupplementaryAnswer,
  CONTACT_TEXT_LIMIT,
  emailViolation,
  maxApplicationBytes,
  referenceNumber,
  yearRules,
} from '../domain/application.js'
import { maxJsonBytes, normalizeText, tooLarge } from '../domain/characters.js'
import { isEmail, normalizeEmail } from '../domain/contact.js'
import { applicationWindow, COUNTED_APPLICATION_STATUSES, countedApplications, isCounted, publishedYears } from '../domain/lifecycle.js'
import { findMunicipality, isMunicipalityCode } from '../domain/municipalities.js'
import { type Lang, type Violation, violation } from '../domain/text.js'
import { PUBLIC_SUBMISSION, REQUEST_INSTANT, requestNow, SYSTEM_CHANGE } from '../lib/context.js'
import { newToken, sha256 } from '../lib/hash.js'
import { ACTOR_LABEL, ACTORS } from '../lib/history.js'
import { idOf } from '../lib/relations.js'
import { mailConfirmationLink, mailEditLink, mailOrganiserNotice, mailWithdrawn } from '../mail/notices.js'
import { declaredTooLarge, readCapped, tooComplexJson } from './body.js'
import { json, langOf, problem } from './http.js'
import { publicEndpoint, type PublicApiState, spend } from './publicApi.js'
import { type ApplicationDoc, asDoc, asDocs, asFields, type YearDoc } from '../types.js'

/** A field real people never see or fill in; bots that fill every input do. */
export const HONEYPOT_FIELD = 'homepage'
/** How long a confirmation link works (never past the deadline). */
export const CONFIRM_WITHIN_MS = 48 * 60 * 60 * 1000
/** At most one private link per application is mailed in this time, however often one is asked for. */
export const LINK_COOLDOWN_MS = 10 * 60 * 1000
/** Bodies of the small requests (confirm, withdraw, resend a link). */
const SMALL_BODY_BYTES = 8 * 1024
/**
 * The most deeply nested and the largest JSON any of these endpoints takes: an application is
 * three levels deep and holds a few dozen values (one answer per criterion).
 */
const MAX_JSON_DEPTH = 8
const MAX_JSON_VALUES = 2_000
/** More messages than this help nobody: the rest are left out. */
const MAX_FIELD_ERRORS = 50

const MESSAGES = {
  tooLarge: { sv: 'Förfrågan är för stor.', en: 'The request is too large.' },
  badJson: { sv: 'Förfrågan kunde inte läsas (ogiltig JSON).', en: 'The request could not be read (invalid JSON).' },
  tooComplex: { sv: 'Förfrågan är för djupt nästlad eller har för många värden.', en: 'The request is nested too deeply or holds too many values.' },
  invalid: { sv: 'Ansökan innehåller fel. Rätta fälten och skicka igen.', en: 'The application has errors. Correct the fields and send it again.' },
  noOpenYear: { sv: 'Det går inte att ansöka just nu.', en: 'Applications are not open right now.' },
  unknownYear: { sv: 'Året finns inte eller tar inte emot ansökningar.', en: 'The year does not exist or does not take applications.' },
  badKey: { sv: 'Ogiltig Idempotency-Key (8–128 tecken: bokstäver, siffror, - och _).', en: 'Invalid Idempotency-Key (8–128 characters: letters, digits, - and _).' },
  keyReused: {
    sv: 'Idempotency-Key har redan använts för en annan ansökan. Använd en ny nyckel för varje ny ansökan.',
    en: 'The Idempotency-Key was already used for another application. Use a new key for each new application.',
  },
  received: {
    sv: 'Ansökan är mottagen men räknas först när kontaktpersonen har bekräftat den via länken i mejlet vi skickade.',
    en: 'The application is received but counts only once the contact person has confirmed it through the link in the e-mail we sent.',
  },
  mailed: {
    sv: 'Om adressen hör till en ansökan från kommunen har vi skickat en länk dit. Titta i inkorgen (och skräpposten).',
    en: 'If the address belongs to an application from the municipality, we have sent a link to it. Check the inbox (and the spam folder).',
  },
  noToken: { sv: 'Länken är ogiltig eller har gått ut.', en: 'The link is invalid or has expired.' },
  confirmExpired: { sv: 'Länken har gått ut. Skicka ansökan igen, så får ni en ny länk.', en: 'The link has expired. Send the application again to get a new link.' },
  alreadyConfirmed: {
    sv: 'Ansökan är redan bekräftad. Länken för att ändra den har skickats med e-post.',
    en: 'The application is already confirmed. The link for changing it has been sent by e-mail.',
  },
  confirmed: { sv: 'Tack! Ansökan är bekräftad och räknas nu.', en: 'Thank you! The application is confirmed and now counts.' },
  confirmedCompeting: {
    sv: 'Ansökan är bekräftad. Arrangören kommer att kontakta er innan den bedöms.',
    en: 'The application is confirmed. The organiser will contact you before it is assessed.',
  },
  withdrawn: { sv: 'Ansökan är återkallad och kan inte ändras.', en: 'The application is withdrawn and cannot be changed.' },
  withdrawnNow: { sv: 'Ansökan är återkallad.', en: 'The application is withdrawn.' },
  noQuestions: { sv: 'Juryn har inga frågor att besvara i den här ansökan.', en: 'The jury has no questions to answer for this application.' },
  answersList: { sv: 'Skicka svaren som en lista: ett svar per fråga, med frågans id.', en: "Send the answers as a list: one answer per question, with the question's id." },
  answerLate: { sv: 'Tiden för att svara har gått ut. Svaret sparades inte.', en: 'The time for answering has passed. The answer was not saved.' },
}

type Body = Record<string, unknown>

/** Reads a JSON object body of at most `maxBytes`: the body, or the answer to send. */
async function readBody(req: PayloadRequest, lang: Lang, headers: Headers, maxBytes: number): Promise<Response | Body> {
  const tooLarge = () => problem(413, MESSAGES.tooLarge[lang], headers)
  if (declaredTooLarge(req.headers, maxBytes)) return tooLarge()
  const raw = await readCapped(req.body, maxBytes)
  if (!raw) return tooLarge()
  if (tooComplexJson(raw, MAX_JSON_DEPTH, MAX_JSON_VALUES)) return problem(400, MESSAGES.tooComplex[lang], headers)
  try {
    const body = JSON.parse(raw.toString('utf8')) as unknown
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Body
  } catch {
    // answered below
  }
  return problem(400, MESSAGES.badJson[lang], headers)
}

/** One message per field (the first), at most MAX_FIELD_ERRORS of them. */
function fieldErrors(violations: Violation[], lang: Lang): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const v of violations) {
    if (Object.keys(errors).length >= MAX_FIELD_ERRORS) break
    errors[v.path] ??= v.message[lang]
  }
  return errors
}

/** A short text as it is stored; one too large to be one (see tooLarge) is left for the rules to refuse, unread. */
const text = (value: unknown) => (typeof value === 'string' && !tooLarge([value], CONTACT_TEXT_LIMIT) ? normalizeText(value).trim() : value)

/** Only the fields an applicant writes, normalised as they will be stored; everything else in the body is ignored. */
function applicantFields(body: Body): ApplicationInput & { contact: NonNullable<ApplicationInput['contact']> } {
  const contact = (body.contact && typeof body.contact === 'object' ? body.contact : {}) as Body
  return {
    municipality: body.municipality,
    contact: {
      name: text(contact.name),
      role: text(contact.role) || null,
      email: typeof contact.email === 'string' ? normalizeEmail(contact.email) : contact.email,
      phone: text(contact.phone) || null,
    },
    answers: Array.isArray(body.answers) ? body.answers.map((a) => ({ criterion: (a as Body)?.criterion, text: (a as Body)?.text })) : (body.answers as null),
    consent: body.consent,
    consentVersion: body.consentVersion ?? null,
  }
}

/** What the application's content is, for telling a retry from a different application under the same key. */
const fingerprint = (year: number, fields: ApplicationInput) => {
  const answers = Array.isArray(fields.answers) ? fields.answers.map((a) => [a?.criterion, typeof a?.text === 'string' ? normalizeText(a.text) : a?.text]) : fields.answers
  return sha256(JSON.stringify([year, fields.municipality, fields.contact, answers, fields.consent, fields.consentVersion]))
}

/**
 * The receipt: what the applicant may know, always from the stored application and its own year;
 * while unconfirmed, with the plain words that it does not count yet.
 */
function receipt(application: Pick<ApplicationDoc, 'reference' | 'municipality' | 'municipalityName' | 'submittedAt' | 'status' | 'confirmExpiresAt'>, year: YearDoc, lang: Lang) {
  const unconfirmed = application.status === 'unconfirmed'
  return {
    reference: application.reference,
    year: year.year,
    municipality: { code: application.municipality, name: application.municipalityName },
    status: application.status,
    submittedAt: application.submittedAt,
    confirmBy: unconfirmed ? (application.confirmExpiresAt ?? null) : null,
    editableUntil: year.deadline ?? null,
    ...(unconfirmed && { message: MESSAGES.received[lang] }),
  }
}

/** The application as its private link shows it: the receipt, whether it can still be changed, its contact, answers and the jury's questions. */
const editable = (application: ApplicationDoc, year: YearDoc, lang: Lang, now: Date) => ({
  ...receipt(application, year, lang),
  editable: isCounted(application.status) && applicationWindow(year, now) === 'open',
  contact: application.contact ?? null,
  answers: (application.answers ?? []).map((a) => ({ criterion: idOf(a.criterion), text: a.text })),
  // The jury's questions to a finalist, each open for answers until its date.
  questions: (application.supplementaryQuestions ?? []).map((q) => ({
    id: q.id,
    question: q.question,
    answerBy: q.answerBy,
    answerLimit: q.answerLimit,
    answer: q.answer ?? null,
    answeredAt: q.answeredAt ?? null,
    open: application.status === 'finalist' && now < new Date(q.answerBy),
  })),
})

/** What the applicant's side of the API answers, as the form widget reads it (it imports these types). */
export type PublicReceipt = ReturnType<typeof receipt>
export type PublicApplication = ReturnType<typeof editable>

export function submissionEndpoints(ctx: EhkContext, state: PublicApiState): Endpoint[] {
  const { slugs } = ctx
  const sys = { overrideAccess: true, depth: 0 } as const

  const findYearById = async (payload: Payload, id: unknown) => asDoc<YearDoc>(await payload.findByID({ collection: slugs.awardYears, id: idOf(id), ...sys }))

  async function openYears(payload: Payload): Promise<YearDoc[]> {
    const { docs: found } = await payload.find({ collection: slugs.awardYears, where: { status: { equals: 'open' } }, sort: '-year', pagination: false, ...sys })
    return asDocs<YearDoc>(found)
  }

  /** The year a submission is for: the open one, or the published year it names. Drafts asDoc<years>(are) that do not exist. */
  async function targetYear(payload: Payload, open: YearDoc[], named: unknown): Promise<YearDoc | 'none-open' | 'unknown'> {
    if (named === undefined || named === null) return open[0] ?? 'none-open'
    if (typeof named !== 'number' || !Number.isInteger(named)) return 'unknown'
    const { docs: found } = await payload.find({ collection: slugs.awardYears, where: { and: [publishedYears, { year: { equals: named } }] }, limit: 1, ...sys })
    return asDoc<YearDoc | undefined>(found[0]) ?? 'unknown'
  }

  async function findOne(payload: Payload, where: Where): Promise<ApplicationDoc | undefined> {
    const { docs: found } = await payload.find({ collection: slugs.applications, where, limit: 1, ...sys, showHiddenFields: true })
    return asDoc<ApplicationDoc | undefined>(found[0])
  }

  /** The one instant everything a request decides is decided at (see requestNow). */
  const nowOf = (req: PayloadRequest) => requestNow(req, ctx.now)

  /** A system change of an application made on the applicant's behalf (through one of their links). */
  // `req` is a request of our own making for this change (the caller's language, no user), not the
  // whole PayloadRequest that Payload's type asks for: Payload completes it.
  const asApplicant = (req: PayloadRequest) => ({
    ...sys,
    showHiddenFields: true,
    req: { i18n: req.i18n, headers: req.headers, context: { [SYSTEM_CHANGE]: true, [ACTOR_LABEL]: ACTORS.applicant, [REQUEST_INSTANT]: nowOf(req) } } as never,
  })

  const coolingDown = (application: ApplicationDoc, now: Date) => !!application.linkSentAt && now.getTime() - new Date(application.linkSentAt).getTime() < LINK_COOLDOWN_MS

  /** Mails the application's contact a new link (the old one stops working), unless one was mailed a moment ago. */
  async function remail(req: PayloadRequest, application: ApplicationDoc) {
    const now = nowOf(req)
    if (coolingDown(application, now)) return
    const token = newToken()
    const unconfirmed = application.status === 'unconfirmed'
    const updated = asDoc<ApplicationDoc & { confirmExpiresAt: string }>(
      await req.payload.update({
        collection: slugs.applications,
        id: application.id,
        data: asFields({ [unconfirmed ? 'confirmTokenHash' : 'editTokenHash']: sha256(token), linkSentAt: now.toISOString() }),
        ...asApplicant(req),
      }),
    )
    if (unconfirmed) await mailConfirmationLink(req, ctx, updated, token)
    else await mailEditLink(req, ctx, updated, token, 'resent')
  }

  const submit = publicEndpoint(state, 'post', '/applications', async (req, headers, cors) => {
    const lang = langOf(req)
    const key = req.headers.get('idempotency-key')
    if (key !== null && !/^[\w-]{8,128}$/.test(key)) return problem(400, MESSAGES.badKey[lang], headers)
    const open = await openYears(req.payload)
    // Large enough for any text the form accepts for any open year (see maxApplicationBytes).
    const cap = Math.max(SMALL_BODY_BYTES, ...open.map((y) => maxApplicationBytes(y.characterLimit, (y.criteria ?? []).length)))
    const body = await readBody(req, lang, headers, cap)
    if (body instanceof Response) return body

    const year = await targetYear(req.payload, open, body.year)
    if (year === 'none-open') return problem(403, MESSAGES.noOpenYear[lang], headers)
    if (year === 'unknown') return problem(422, MESSAGES.invalid[lang], headers, { year: MESSAGES.unknownYear[lang] })
    // One instant for the whole request: the door, the hooks, the link's expiry.
    const now = nowOf(req)
    const closed = checkApplicationWindow(year, now)
    if (closed) return problem(403, closed.message[lang], headers)

    const fields = applicantFields(body)
    // Only a valid body is worth its fingerprint (a stored application always was valid).
    const violations = checkApplication(fields, yearRules(year), isMunicipalityCode)
    const requestHash = violations.length > 0 ? '' : fingerprint(year.year, fields)
    const keyHash = key ? sha256(`${cors.allow ?? ''}|${key}`) : undefined
    const replay = async () => {
      const earlier = keyHash ? await findOne(req.payload, { idempotencyKey: { equals: keyHash } }) : undefined
      if (!earlier) return undefined
      if (earlier.requestHash !== requestHash) return problem(422, MESSAGES.keyReused[lang], headers, { 'Idempotency-Key': MESSAGES.keyReused[lang] })
      return json(receipt(earlier, await findYearById(req.payload, earlier.awardYear), lang), 201, headers)
    }
    // A retry with the same key waits for the attempt before it (see KeyedLock).
    return state.submitting.run(keyHash, async () => {
      const earlier = await replay()
      if (earlier) return earlier

      if (typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') {
        // A receipt like any other, for nothing stored or sent.
        const municipality = findMunicipality(fields.municipality) ?? findMunicipality('0180')!
        const decoy = {
          reference: referenceNumber(year.year, municipality.code),
          municipality: municipality.code,
          municipalityName: municipality.name,
          status: 'unconfirmed' as const,
          submittedAt: now.toISOString(),
          confirmExpiresAt: new Date(now.getTime() + CONFIRM_WITHIN_MS).toISOString(),
        }
        return json(receipt(decoy, year, lang), 201, headers)
      }
      if (violations.length > 0) return problem(422, MESSAGES.invalid[lang], headers, fieldErrors(violations, lang))
      const limited = await spend(req, state, 'submit', headers)
      if (limited) return limited

      // The same person again (same municipality, year and address): their own link, no second application.
      const mine = await findOne(req.payload, {
        and: [
          { awardYear: { equals: year.id } },
          { municipality: { equals: fields.municipality } },
          { 'contact.email': { equals: fields.contact.email } },
          { status: { in: ['unconfirmed', ...COUNTED_APPLICATION_STATUSES] } },
        ],
      })
      if (mine && (mine.status !== 'unconfirmed' || new Date(mine.confirmExpiresAt!) > now)) {
        await remail(req, mine)
        return json({ status: 202, message: MESSAGES.mailed[lang] }, 202, headers)
      }
      if (mine) await req.payload.delete({ collection: slugs.applications, id: mine.id, ...sys })

      const token = newToken()
      const expires = new Date(Math.min(now.getTime() + CONFIRM_WITHIN_MS, new Date(year.deadline!).getTime()))
      let application: ApplicationDoc
      try {
        application = asDoc<ApplicationDoc>(
          await req.payload.create({
            collection: slugs.applications,
            data: asFields({
              ...fields,
              awardYear: year.id,
              partner: cors.partner,
              confirmTokenHash: sha256(token),
              confirmExpiresAt: expires.toISOString(),
              linkSentAt: now.toISOString(),
              idempotencyKey: keyHash,
              requestHash,
            }),
            ...sys,
            // A request of our own making (see asApplicant): the hooks read the consent version from its context.
            req: { i18n: req.i18n, headers: req.headers, context: { [PUBLIC_SUBMISSION]: { consentVersion: fields.consentVersion }, [REQUEST_INSTANT]: now } } as never,
          }),
        )
      } catch (error) {
        // A retry with the same key that raced the first attempt lost on the unique index: the first receipt.
        const raced = await replay()
        if (raced) return raced
        const errors = (error as { data?: { errors?: Array<{ path: string; message: string }> } })?.data?.errors
        if (Array.isArray(errors)) return problem(422, MESSAGES.invalid[lang], headers, Object.fromEntries(errors.slice(0, MAX_FIELD_ERRORS).map((e) => [e.path, e.message])))
        throw error
      }
      await mailConfirmationLink(req, ctx, { ...application, confirmExpiresAt: expires.toISOString() }, token)
      return json(receipt(application, year, lang), 201, headers)
    })
  })

  /** The application a private token opens, by the stored hash of the token. */
  const byTokenHash =
    (field: 'confirmTokenHash' | 'editTokenHash', token: unknown) =>
    async (payload: Payload): Promise<ApplicationDoc | undefined> =>
      typeof token === 'string' && /^[\w-]{20,100}$/.test(token) ? findOne(payload, { [field]: { equals: sha256(token) } }) : undefined

  const confirm = publicEndpoint(state, 'post', '/applications/confirm', async (req, headers) => {
    const lang = langOf(req)
    const body = await readBody(req, lang, headers, SMALL_BODY_BYTES)
    if (body instanceof Response) return body
    const application = await byTokenHash('confirmTokenHash', body.token)(req.payload)
    if (!application) return problem(404, MESSAGES.noToken[lang], headers)
    if (application.status !== 'unconfirmed') return problem(410, application.status === 'withdrawn' ? MESSAGES.withdrawn[lang] : MESSAGES.alreadyConfirmed[lang], headers)
    const now = nowOf(req)
    if (new Date(application.confirmExpiresAt!) <= now) return problem(410, MESSAGES.confirmExpired[lang], headers)
    const year = await findYearById(req.payload, application.awardYear)
    const closed = checkApplicationWindow(year, now)
    if (closed) return problem(403, closed.message[lang], headers)
    const limited = await spend(req, state, 'submit', headers)
    if (limited) return limited

    const editToken = newToken()
    await req.payload.update({
      collection: slugs.applications,
      id: application.id,
      data: asFields({ status: 'submitted', confirmedAt: now.toISOString(), editTokenHash: sha256(editToken), linkSentAt: now.toISOString() }),
      ...asApplicant(req),
    })
    // Read again: confirming may have made it one of two competing applications.
    const confirmed = asDoc<ApplicationDoc & { competing?: boolean }>(await req.payload.findByID({ collection: slugs.applications, id: application.id, ...sys }))
    await mailEditLink(req, ctx, confirmed, editToken, confirmed.competing ? 'competing' : 'confirmed')
    await mailOrganiserNotice(req, ctx, confirmed)
    return json({ ...receipt(confirmed, year, lang), editToken, message: (confirmed.competing ? MESSAGES.confirmedCompeting : MESSAGES.confirmed)[lang] }, 200, headers)
  })

  const resendLink = publicEndpoint(state, 'post', '/applications/resend-link', async (req, headers) => {
    const lang = langOf(req)
    const body = await readBody(req, lang, headers, SMALL_BODY_BYTES)
    if (body instanceof Response) return body
    const email = typeof body.email === 'string' ? normalizeEmail(body.email) : body.email
    const problems = [...checkMunicipality(body.municipality, isMunicipalityCode), ...(isEmail(email) ? [] : [emailViolation('email')])]
    if (problems.length > 0) return problem(422, MESSAGES.invalid[lang], headers, fieldErrors(problems, lang))
    const limited = await spend(req, state, 'submit', headers)
    if (limited) return limited
    // The application of the open year, or a finalist's (which may have the jury's questions to answer).
    const [year] = await openYears(req.payload)
    const application = await findOne(req.payload, {
      and: [
        { municipality: { equals: body.municipality } },
        { 'contact.email': { equals: email } },
        countedApplications,
        { or: [...(year ? [{ awardYear: { equals: year.id } }] : []), { status: { equals: 'finalist' } }] },
      ],
    })
    if (application) await remail(req, application)
    // The same answer whether or not anything was sent, so that it tells nobody who has applied.
    return json({ status: 202, message: MESSAGES.mailed[lang] }, 202, headers)
  })

  /** The application an edit token opens, with its year; otherwise the answer to send. */
  async function byEditToken(req: PayloadRequest, lang: Lang, headers: Headers): Promise<Response | { application: ApplicationDoc; year: YearDoc }> {
    const application = await byTokenHash('editTokenHash', req.headers.get('x-ehk-edit-token'))(req.payload)
    if (!application) return problem(404, MESSAGES.noToken[lang], headers)
    return { application, year: await findYearById(req.payload, application.awardYear) }
  }

  /**
   * The application an edit token opens, its year and the request's body, when the applicant may
   * still change or withdraw it (counted, and before the deadline); otherwise the answer to send.
   */
  async function changeByEditToken(req: PayloadRequest, lang: Lang, headers: Headers, maxBytes: (year: YearDoc) => number) {
    const found = await byEditToken(req, lang, headers)
    if (found instanceof Response) return found
    if (!isCounted(found.application.status)) return problem(409, MESSAGES.withdrawn[lang], headers)
    const closed = checkApplicationWindow(found.year, nowOf(req))
    if (closed) return problem(403, closed.message[lang], headers)
    const body = await readBody(req, lang, headers, maxBytes(found.year))
    return body instanceof Response ? body : { ...found, body }
  }

  const read = publicEndpoint(state, 'get', '/applications/mine', async (req, headers) => {
    const found = await byEditToken(req, langOf(req), headers)
    if (found instanceof Response) return found
    headers.set('Cache-Control', 'private, no-store')
    return json(editable(found.application, found.year, langOf(req), nowOf(req)), 200, headers)
  })

  const update = publicEndpoint(state, 'patch', '/applications/mine', async (req, headers) => {
    const lang = langOf(req)
    const found = await changeByEditToken(req, lang, headers, (year) => maxApplicationBytes(year.characterLimit, (year.criteria ?? []).length))
    if (found instanceof Response) return found
    const { body } = found
    const current = editable(found.application, found.year, lang, nowOf(req))
    const fields = applicantFields({ municipality: found.application.municipality, consent: true, contact: body.contact ?? current.contact, answers: body.answers ?? current.answers })
    const violations = checkApplication({ ...fields, consentVersion: undefined }, yearRules(found.year), isMunicipalityCode)
    if (violations.length > 0) return problem(422, MESSAGES.invalid[lang], headers, fieldErrors(violations, lang))
    const limited = await spend(req, state, 'submit', headers)
    if (limited) return limited
    const updated = asDoc<ApplicationDoc>(
      await req.payload.update({
        collection: slugs.applications,
        id: found.application.id,
        data: asFields({ contact: fields.contact, answers: fields.answers }),
        ...asApplicant(req),
      }),
    )
    return json(editable(updated, found.year, lang, nowOf(req)), 200, headers)
  })

  const withdraw = publicEndpoint(state, 'post', '/applications/mine/withdraw', async (req, headers) => {
    const lang = langOf(req)
    const found = await changeByEditToken(req, lang, headers, () => SMALL_BODY_BYTES)
    if (found instanceof Response) return found
    const { body } = found
    const said = typeof body.reason === 'string' ? normalizeText(body.reason).trim().slice(0, 1000) : ''
    const withdrawn = asDoc<ApplicationDoc>(
      await req.payload.update({
        collection: slugs.applications,
        id: found.application.id,
        data: asFields({ status: 'withdrawn', withdrawalReason: `Återkallad av den sökande via länken / withdrawn by the applicant${said ? `: ${said}` : ''}` }),
        ...asApplicant(req),
      }),
    )
    await mailWithdrawn(req, ctx, withdrawn)
    return json({ ...editable(withdrawn, found.year, lang, nowOf(req)), message: MESSAGES.withdrawnNow[lang] }, 200, headers)
  })

  /** Answers to the jury's supplementary questions: all of them valid and in time, or none stored. */
  const answer = publicEndpoint(state, 'patch', '/applications/mine/answers', async (req, headers) => {
    const lang = langOf(req)
    const found = await byEditToken(req, lang, headers)
    if (found instanceof Response) return found
    const { application } = found
    const questions = application.supplementaryQuestions ?? []
    if (application.status !== 'finalist' || questions.length === 0) return problem(409, MESSAGES.noQuestions[lang], headers)
    const body = await readBody(req, lang, headers, SMALL_BODY_BYTES + questions.reduce((sum, q) => sum + maxJsonBytes(q.answerLimit), 0))
    if (body instanceof Response) return body
    const given = Array.isArray(body.answers) ? (body.answers as Body[]).slice(0, questions.length + 1) : null
    if (!given || given.length === 0 || given.length > questions.length) return problem(422, MESSAGES.invalid[lang], headers, { answers: MESSAGES.answersList[lang] })
    const now = nowOf(req)
    const late: Violation[] = []
    const invalid: Violation[] = []
    const texts = new Map<string, string>()
    given.forEach((entry, i) => {
      const question = questions.find((q) => q.id === entry?.id)
      if (!question || texts.has(String(entry.id))) {
        invalid.push(violation('question.unknown', `answers.${i}.id`, 'Frågan finns inte (eller besvaras två gånger).', 'No such question (or it is answered twice).'))
        return
      }
      const problems = checkSupplementaryAnswer(question, entry.text, now, `answers.${i}.text`)
      ;(problems.some((p) => p.rule === 'question.closed') ? late : invalid).push(...problems)
      texts.set(question.id, typeof entry.text === 'string' ? normalizeText(entry.text).trim() : '')
    })
    if (late.length > 0) return problem(403, MESSAGES.answerLate[lang], headers, fieldErrors(late, lang))
    if (invalid.length > 0) return problem(422, MESSAGES.invalid[lang], headers, fieldErrors(invalid, lang))
    const limited = await spend(req, state, 'submit', headers)
    if (limited) return limited
    const updated = asDoc<ApplicationDoc>(
      await req.payload.update({
        collection: slugs.applications,
        id: application.id,
        data: asFields({
          supplementaryQuestions: questions.map((q) => (texts.has(q.id) ? { ...q, answer: texts.get(q.id), answeredAt: now.toISOString() } : q)),
        }),
        ...asApplicant(req),
      }),
    )
    return json(editable(updated, found.year, lang, nowOf(req)), 200, headers)
  })

  return [submit, confirm, resendLink, read, update, withdraw, answer]
}
