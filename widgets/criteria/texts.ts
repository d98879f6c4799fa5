// The criteria's texts in Swedish; the English ones are in texts.en.ts.
import { translations } from '../shared/i18n.js'

const sv = {
  criteria: (title: string) => `Kriterier för ${title}`,
  questions: 'Vägledande frågor',
  empty: 'Kriterierna är inte publicerade ännu.',
}

export type CriteriaTexts = typeof sv

export const criteriaTexts = translations<CriteriaTexts>(sv, () => import('./texts.en.js'))
