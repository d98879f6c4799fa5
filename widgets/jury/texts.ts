// The jury's texts in Swedish; the English ones are in texts.en.ts.
import { translations } from '../shared/i18n.js'

const sv = {
  jury: 'Jury',
  partners: 'Arrangörer och samarbetspartner',
  roles: { organiser: 'Arrangör', partner: 'Samarbetspartner' } as Record<string, string>,
  empty: 'Juryn är inte presenterad ännu.',
}

export type JuryTexts = typeof sv

export const juryTexts = translations<JuryTexts>(sv, () => import('./texts.en.js'))
