// The winners' texts, Swedish first.
import type { Texts } from '../shared/i18n.js'

const sv = {
  winners: 'Vinnare',
  noWinners: 'Inga vinnare har utsetts ännu.',
  successFactors: 'Framgångsfaktorer',
}

export const winnersTexts: Texts<typeof sv> = {
  sv,
  en: {
    winners: 'Winners',
    noWinners: 'No winners have been announced yet.',
    successFactors: 'Success factors',
  },
}
