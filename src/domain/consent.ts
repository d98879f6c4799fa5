// The consent the applicant gives, as the form shows it and the application records it. A new
// wording needs a new version: the server then refuses a form that showed the old text.

export const CONSENT = {
  version: '2026-11-24',
  sv: 'Vi godkänner att uppgifterna behandlas för utmärkelsen. Kontaktuppgifterna raderas när årets lagringstid har gått ut.',
  en: "We consent to the information being processed for the award. The contact details are erased when the year's retention period ends.",
} as const
