// The jury's texts in English, loaded only by a page that asks for English.
import type { JuryTexts } from './texts.js'

export const en: JuryTexts = {
  jury: 'Jury',
  partners: 'Organisers and partners',
  roles: { organiser: 'Organiser', partner: 'Partner' },
  empty: 'The jury has not been presented yet.',
}
