import type { Descriptions } from '../../admin/describe.js'

/** Help texts under the history entry's fields in the admin (read-only: the history is written by the system). */
export const DESCRIPTIONS: Descriptions = {
  at: { sv: 'När det hände.', en: 'When it happened.' },
  action: { sv: 'Vad som hände.', en: 'What happened.' },
  summary: { sv: 'Kort beskrivning av ändringen.', en: 'A short description of the change.' },
  document: { sv: 'Dokumentet som ändrades.', en: 'The document changed.' },
  actor: { sv: 'Användaren som gjorde ändringen, om någon.', en: 'The user who made the change, if any.' },
  actorLabel: {
    sv: 'Vem som gjorde ändringen när det inte var en användare: systemet, en sökande via sin länk.',
    en: 'Who made the change when it was not a user: the system, an applicant through their link.',
  },
  reason: { sv: 'Skälet som angavs, t.ex. för att öppna en inlämnad bedömning igen.', en: 'The reason given, e.g. for reopening a submitted review.' },
  details: { sv: 'Ändrade fält, före och efter.', en: 'Changed fields, before and after.' },
}
