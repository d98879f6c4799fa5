// The winners' texts in Swedish; the English ones are in texts.en.ts.
import { translations } from '../shared/i18n.js'

const sv = {
  winners: 'Vinnare',
  noWinners: 'Inga vinnare har utsetts ännu.',
  successFactors: 'Framgångsfaktorer',
  finalists: (title: string) => `Finalister i ${title}`,
}

export type WinnersTexts = typeof sv

export const winnersTexts = translations<WinnersTexts>(sv, () => import('./texts.en.js'))
