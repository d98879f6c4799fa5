/** A message a person reads, in Swedish first and English second. */
export type Message = {
  sv: string
  en: string
}

export type Lang = keyof Message

/** A broken rule: which field (dot path, as Payload names it) and what to tell the person. */
export interface Violation {
  rule: string
  path: string
  message: Message
}

export function violation(rule: string, path: string, sv: string, en: string): Violation {
  return { rule, path, message: { sv, en } }
}

/** Picks the reader's language from an Accept-Language value or a language code; Swedish unless English is asked for first. */
export function pickLang(value: string | null | undefined): Lang {
  const first = (value ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'sv'
}
