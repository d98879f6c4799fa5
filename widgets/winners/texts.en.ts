// The winners' texts in English, loaded only by a page that asks for English.
import type { WinnersTexts } from './texts.js'

export const en: WinnersTexts = {
  winners: 'Winners',
  noWinners: 'No winners have been announced yet.',
  successFactors: 'Success factors',
  finalists: (title: string) => `Finalists of ${title}`,
}
