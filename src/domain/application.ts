// Everything an application must satisfy, whoever sends it (the public form, the admin, a script).
import { normalizeText, totalCharacters } from './characters.js'
import { applicationWindow, type YearState } from './lifecycle.js'
import { type Violation, violation } from './text.js'

export const DEFAULT_CHARACTER_LIMIT = 12_000

export interface ApplicationInput {
  municipality?: unknown
  contact?: { name?: unknown; role?: unknown; email?: unknown; phone?: unknown } | null
  answers?: ReadonlyArray<{ criterion?: unknown; text?: unknown }> | null
  consent?: unknown
}

export interface YearRules {
  characterLimit: number
  /** Ids of the year's criteria, in order. */
  criteria: ReadonlyArray<string | number>
}

// Deliberately plain: one "@", something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/
const PHONE = /^\+?[\d\s()-]{6,20}$/

const isText = (v: unknown): v is string => typeof v === 'string' && normalizeText(v).trim().length > 0

/**
 * Every rule the application's content breaks, each with the path of the field to show it at.
 * `isMunicipality` is passed in so that the widgets, which load the list from the API, can use the
 * same rules without bundling it (the server passes `isMunicipalityCode`).
 */
export function checkApplication(input: ApplicationInput, year: YearRules, isMunicipality: (code: unknown) => boolean): Violation[] {
  const problems: Violation[] = []
  if (!isMunicipality(input.municipality)) {
    problems.push(violation('application.municipality', 'municipality', 'Välj en kommun i listan.', 'Choose a municipality from the list.'))
  }
  const contact = input.contact ?? {}
  if (!isText(contact.name)) {
    problems.push(violation('application.contact-name', 'contact.name', 'Ange kontaktpersonens namn.', "Enter the contact person's name."))
  } else if (contact.name.length > 200) {
    problems.push(violation('application.contact-name-length', 'contact.name', 'Namnet får vara högst 200 tecken.', 'The name may be at most 200 characters.'))
  }
  if (contact.role !== undefined && contact.role !== null && (typeof contact.role !== 'string' || contact.role.length > 200)) {
    problems.push(violation('application.contact-role', 'contact.role', 'Rollen får vara högst 200 tecken.', 'The role may be at most 200 characters.'))
  }
  if (typeof contact.email !== 'string' || contact.email.length > 254 || !EMAIL.test(contact.email.trim())) {
    problems.push(
      violation('application.contact-email', 'contact.email', 'Ange en giltig e-postadress, till exempel namn@kommun.se.', 'Enter a valid e-mail address, such as name@kommun.se.'),
    )
  }
  if (contact.phone !== undefined && contact.phone !== null && contact.phone !== '' && (typeof contact.phone !== 'string' || !PHONE.test(contact.phone))) {
    problems.push(violation('application.contact-phone', 'contact.phone', 'Ange ett telefonnummer med siffror, till exempel 031-123 45 67.', 'Enter a phone number in digits, such as +46 31 123 45 67.'))
  }
  if (input.consent !== true) {
    problems.push(
      violation('application.consent', 'consent', 'Ni behöver godkänna att uppgifterna behandlas för att kunna skicka ansökan.', 'You need to consent to the processing of the information to apply.'),
    )
  }
  problems.push(...checkAnswers(input.answers, year))
  return problems
}

/** One answer per criterion of the year, none twice and no others, within the total character limit. */
export function checkAnswers(answers: ApplicationInput['answers'], year: YearRules): Violation[] {
  const problems: Violation[] = []
  const list = Array.isArray(answers) ? answers : []
  const expected = new Set(year.criteria.map(String))
  const seen = new Set<string>()
  list.forEach((answer, i) => {
    const id = answer?.criterion === null || answer?.criterion === undefined ? '' : String(answer.criterion)
    if (!expected.has(id)) {
      problems.push(violation('application.answer-criterion', `answers.${i}.criterion`, 'Svaret hör inte till något av årets områden.', "The answer does not belong to any of this year's areas."))
    } else if (seen.has(id)) {
      problems.push(violation('application.answer-twice', `answers.${i}.criterion`, 'Området har redan ett svar.', 'This area already has an answer.'))
    }
    seen.add(id)
    if (!isText(answer?.text)) {
      problems.push(violation('application.answer-text', `answers.${i}.text`, 'Skriv en beskrivning för området.', 'Write a description for this area.'))
    }
  })
  const missing = [...expected].filter((id) => !seen.has(id))
  if (missing.length > 0) {
    problems.push(
      violation('application.answers-missing', 'answers', `Beskriv alla ${expected.size} områden (${missing.length} saknas).`, `Describe all ${expected.size} areas (${missing.length} missing).`),
    )
  }
  const total = totalCharacters(list.map((a) => (typeof a?.text === 'string' ? a.text : '')))
  if (total > year.characterLimit) {
    const limit = year.characterLimit.toLocaleString('sv-SE')
    problems.push(
      violation(
        'application.character-limit',
        'answers',
        `Texten är ${(total - year.characterLimit).toLocaleString('sv-SE')} tecken för lång: högst ${limit} tecken totalt, nu ${total.toLocaleString('sv-SE')}.`,
        `The text is ${(total - year.characterLimit).toLocaleString('en-GB')} characters too long: at most ${year.characterLimit.toLocaleString('en-GB')} in total, now ${total.toLocaleString('en-GB')}.`,
      ),
    )
  }
  return problems
}

/** Applications are accepted and edited only while the year is open, by the server's clock. */
export function checkApplicationWindow(year: Pick<YearState, 'status' | 'opensAt' | 'deadline'>, now: Date): Violation | null {
  const window = applicationWindow(year, now)
  if (window === 'open') return null
  return window === 'not-open'
    ? violation('application.not-open', 'awardYear', 'Ansökan har inte öppnat ännu.', 'Applications are not open yet.')
    : violation('application.closed', 'awardYear', 'Sista ansökningsdag har passerat.', 'The deadline has passed.')
}

/** The receipt's reference: stable and readable on the phone, e.g. EHK-2026-1281. */
export function referenceNumber(year: number, municipalityCode: string): string {
  return `EHK-${year}-${municipalityCode}`
}
