// Everything an application must satisfy, whoever sends it (the public form, the admin, a script).
import { idOf } from '../lib/relations.js'
import { type Length, maxJsonBytes, measureLength, normalizeText } from './characters.js'
import { CONSENT } from './consent.js'
import { isEmail, isPhone } from './contact.js'
import { applicationWindow, type YearState } from './lifecycle.js'
import { type Violation, violation } from './text.js'

export const DEFAULT_CHARACTER_LIMIT = 12_000
/** The character limit of an answer to a supplementary question, unless staff set another. */
export const DEFAULT_ANSWER_LIMIT = 2_000
/** Longest contact name and role, in characters. */
export const CONTACT_TEXT_LIMIT = 200

export interface ApplicationInput {
  municipality?: unknown
  contact?: { name?: unknown; role?: unknown; email?: unknown; phone?: unknown } | null
  answers?: ReadonlyArray<{ criterion?: unknown; text?: unknown } | null> | null
  consent?: unknown
  /** The version of the consent text the form showed; checked when given (the public API always gives it). */
  consentVersion?: unknown
}

export interface YearRules {
  characterLimit: number
  /** Ids of the year's criteria, in order. */
  criteria: ReadonlyArray<string | number>
}

/** The rules an application of a year is checked by, from the year as stored (criteria as ids or populated). */
export const yearRules = (year: { characterLimit: number; criteria?: readonly unknown[] | null }): YearRules => ({
  characterLimit: year.characterLimit,
  criteria: (year.criteria ?? []).map(idOf).filter((id) => id !== undefined),
})

const isText = (v: unknown): v is string => typeof v === 'string' && normalizeText(v).trim().length > 0
const isBlank = (v: unknown) => v === undefined || v === null || v === ''

const tooLargeText = (path: string) =>
  violation(
    'text.too-large',
    path,
    'Texten tar för stor plats (väldigt långa tecken, till exempel långa emojisekvenser). Korta den.',
    'The text takes too much space (very long characters, such as long emoji sequences). Shorten it.',
  )

const overlong = (path: string) =>
  violation(
    'text.overlong-character',
    path,
    'Texten innehåller ett tecken som är för långt (till exempel en bokstav med väldigt många accenter). Ta bort det.',
    'The text holds a character that is too long (such as a letter with very many accents). Remove it.',
  )

/** A number as a Swedish and an English reader write it (12 000, 12,000). */
const sv = (n: number) => n.toLocaleString('sv-SE')
const en = (n: number) => n.toLocaleString('en-GB')

/** A short optional or required text: within CONTACT_TEXT_LIMIT characters, without overlong characters. */
function checkShortText(value: unknown, path: string, required: Violation | null): Violation | null {
  if (isBlank(value) && !required) return null
  // Its size first: a name sent as 400 000 code units is refused before it is normalised or counted.
  const { problem } = typeof value === 'string' ? measureLength([value], CONTACT_TEXT_LIMIT) : {}
  if (problem === 'too-large') return tooLargeText(path)
  if (problem === 'too-long') return violation('text.length', path, `Högst ${CONTACT_TEXT_LIMIT} tecken.`, `At most ${CONTACT_TEXT_LIMIT} characters.`)
  if (!isText(value)) return required ?? violation('text.type', path, 'Ange en text.', 'Enter a text.')
  if (problem === 'overlong-character') return overlong(path)
  return null
}

/**
 * How far past its limit a text is, in the words of the message: exactly, or (past twice the
 * limit, where counting stops) at least that far.
 */
function overBy({ characters, exact }: Length, limit: number) {
  return exact
    ? { sv: `${sv(characters - limit)} tecken för`, en: `${en(characters - limit)} characters too`, nowSv: `nu ${sv(characters)}`, nowEn: `now ${en(characters)}` }
    : { sv: `över ${sv(limit)} tecken för`, en: `over ${en(limit)} characters too`, nowSv: `nu över ${sv(2 * limit)}`, nowEn: `now over ${en(2 * limit)}` }
}

/**
 * Every rule the application's content breaks, each with the path of the field to show it at.
 * `isMunicipality` is passed in so that the widgets, which load the list from the API, can use the
 * same rules without bundling it (the server passes `isMunicipalityCode`).
 */
export function checkApplication(input: ApplicationInput, year: YearRules, isMunicipality: (code: unknown) => boolean): Violation[] {
  return [...checkMunicipality(input.municipality, isMunicipality), ...checkContact(input.contact), ...checkConsent(input), ...checkAnswers(input.answers, year)]
}

export function checkMunicipality(code: unknown, isMunicipality: (code: unknown) => boolean): Violation[] {
  return isMunicipality(code) ? [] : [violation('application.municipality', 'municipality', 'Välj en kommun i listan.', 'Choose a municipality from the list.')]
}

/** Name and e-mail required, role and phone optional; texts within their limits. */
export function checkContact(contact: ApplicationInput['contact']): Violation[] {
  const problems: Violation[] = []
  const { name, role, email, phone } = contact && typeof contact === 'object' ? contact : ({} as NonNullable<ApplicationInput['contact']>)
  const nameProblem = checkShortText(name, 'contact.name', violation('application.contact-name', 'contact.name', 'Ange kontaktpersonens namn.', "Enter the contact person's name."))
  if (nameProblem) problems.push(nameProblem)
  const roleProblem = checkShortText(role, 'contact.role', null)
  if (roleProblem) problems.push(roleProblem)
  if (!isEmail(typeof email === 'string' ? email.trim() : email)) problems.push(emailViolation('contact.email'))
  if (!isBlank(phone) && !isPhone(phone)) problems.push(phoneViolation('contact.phone'))
  return problems
}

/** Consent given, to the consent text the form showed (when the form says which). */
export function checkConsent(input: Pick<ApplicationInput, 'consent' | 'consentVersion'>): Violation[] {
  if (input.consent !== true) {
    return [
      violation('application.consent', 'consent', 'Ni behöver godkänna att uppgifterna behandlas för att kunna skicka ansökan.', 'You need to consent to the processing of the information to apply.'),
    ]
  }
  if (input.consentVersion !== undefined && input.consentVersion !== CONSENT.version) {
    return [
      violation(
        'application.consent-version',
        'consent',
        'Texten om samtycke har ändrats. Läs den igen och kryssa i rutan på nytt.',
        'The consent text has changed. Read it again and tick the box anew.',
      ),
    ]
  }
  return []
}

/** The message for a phone number that breaks the shared rule (see contact.ts), wherever it is entered. */
export function phoneViolation(path: string): Violation {
  return violation(
    'contact.phone',
    path,
    'Ange telefonnumret med siffror, mellanslag och + - ( ), till exempel 031-123 45 67.',
    'Enter the phone number with digits, spaces and + - ( ), such as +46 31 123 45 67.',
  )
}

/** The message for an e-mail address that breaks the shared rule (see contact.ts), wherever it is entered. */
export function emailViolation(path: string): Violation {
  return violation(
    'contact.email',
    path,
    'Ange en giltig e-postadress med bokstäverna a–z, siffror och . _ - +, till exempel namn@kommun.se.',
    'Enter a valid e-mail address with the letters a–z, digits and . _ - +, such as name@kommun.se.',
  )
}

/** One answer per criterion of the year, none twice and no others, within the total character limit. */
export function checkAnswers(answers: ApplicationInput['answers'], year: YearRules): Violation[] {
  const expected = new Set(year.criteria.map(String))
  if (answers !== undefined && answers !== null && !Array.isArray(answers)) {
    return [violation('application.answers-type', 'answers', 'Svaren ska vara en lista med ett svar per område.', 'The answers must be a list with one answer per area.')]
  }
  const list = answers ?? []
  // Refused before looking at each one: a body of thousands of answers costs no more than one.
  if (list.length > expected.size) {
    return [violation('application.answers-too-many', 'answers', `För många svar: ett per område, alltså högst ${expected.size}.`, `Too many answers: one per area, that is at most ${expected.size}.`)]
  }
  const problems: Violation[] = []
  const seen = new Set<string>()
  const texts = list.map((answer) => (typeof answer?.text === 'string' ? answer.text : ''))
  // Counted once, all answers together, no further than the rules need (see measureLength).
  const length = measureLength(texts, year.characterLimit)
  list.forEach((answer, i) => {
    const id = answer?.criterion === null || answer?.criterion === undefined ? '' : String(answer.criterion)
    if (!expected.has(id)) {
      problems.push(violation('application.answer-criterion', `answers.${i}.criterion`, 'Svaret hör inte till något av årets områden.', "The answer does not belong to any of this year's areas."))
    } else if (seen.has(id)) {
      problems.push(violation('application.answer-twice', `answers.${i}.criterion`, 'Området har redan ett svar.', 'This area already has an answer.'))
    }
    seen.add(id)
    if (length.problem !== 'too-long' && length.problem !== 'too-large' && !isText(answer?.text)) {
      problems.push(violation('application.answer-text', `answers.${i}.text`, 'Skriv en beskrivning för området.', 'Write a description for this area.'))
    } else if (length.overlongAt === i) {
      problems.push(overlong(`answers.${i}.text`))
    }
  })
  const missing = [...expected].filter((id) => !seen.has(id))
  if (missing.length > 0) {
    problems.push(
      violation('application.answers-missing', 'answers', `Beskriv alla ${expected.size} områden (${missing.length} saknas).`, `Describe all ${expected.size} areas (${missing.length} missing).`),
    )
  }
  if (length.problem === 'too-large') problems.push(tooLargeText('answers'))
  if (length.problem === 'too-long') {
    const limit = year.characterLimit
    const over = overBy(length, limit)
    problems.push(
      violation(
        'application.character-limit',
        'answers',
        `Texten är ${over.sv} lång: högst ${sv(limit)} tecken totalt, ${over.nowSv}.`,
        `The text is ${over.en} long: at most ${en(limit)} in total, ${over.nowEn}.`,
      ),
    )
  }
  return problems
}

/**
 * The largest body an application (or its edit) of a year with this character limit can need: every
 * answer and contact text at its limit, each character as long as the counter admits and written in
 * the longest JSON form, plus room for the rest. A text the form accepts always fits.
 */
export function maxApplicationBytes(characterLimit: number, criteria: number): number {
  return maxJsonBytes(characterLimit + 2 * CONTACT_TEXT_LIMIT) + 6 * (254 + 20) + 200 * criteria + 16 * 1024
}

/** Applications are accepted and edited only while the year is open, by the server's clock. */
export function checkApplicationWindow(year: Pick<YearState, 'status' | 'opensAt' | 'deadline'>, now: Date): Violation | null {
  const window = applicationWindow(year, now)
  if (window === 'open') return null
  return window === 'not-open'
    ? violation('application.not-open', 'awardYear', 'Ansökan har inte öppnat ännu.', 'Applications are not open yet.')
    : violation('application.closed', 'awardYear', 'Sista ansökningsdag har passerat.', 'The deadline has passed.')
}

/** Letters for the reference's random part: no I, L, O or U, so that it reads well over the phone. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * The receipt's reference, e.g. EHK-2027-1281-7KQ3: year and municipality for the reader, and four
 * random letters, because a municipality may have more than one application (unconfirmed,
 * competing) and a reference must not tell anyone whether it has.
 */
export function referenceNumber(year: number, municipalityCode: string): string {
  // 32 letters divide 256: every letter is equally likely.
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => REFERENCE_ALPHABET[byte % 32]).join('')
  return `EHK-${year}-${municipalityCode}-${random}`
}

export interface SupplementaryQuestion {
  answerBy: Date | string
  answerLimit: number
}

/**
 * An answer to one of the jury's supplementary questions: a text within the question's character
 * limit (counted like the application), given before its answer-by date by the server's clock.
 */
export function checkSupplementaryAnswer(question: SupplementaryQuestion, text: unknown, now: Date, path = 'answer'): Violation[] {
  if (now >= new Date(question.answerBy)) {
    return [violation('question.closed', path, 'Tiden för att svara på frågan har gått ut.', 'The time for answering the question has passed.')]
  }
  const length = typeof text === 'string' ? measureLength([text], question.answerLimit) : undefined
  if (length?.problem === 'too-large') return [tooLargeText(path)]
  if (length?.problem === 'too-long') {
    const over = overBy(length, question.answerLimit)
    return [violation('question.answer-limit', path, `Svaret är ${over.sv} långt: högst ${sv(question.answerLimit)} tecken.`, `The answer is ${over.en} long: at most ${en(question.answerLimit)}.`)]
  }
  if (!isText(text)) return [violation('question.answer-text', path, 'Skriv ett svar.', 'Write an answer.')]
  if (length?.problem === 'overlong-character') return [overlong(path)]
  return []
}
