// The criteria's texts in English, loaded only by a page that asks for English.
import type { CriteriaTexts } from './texts.js'

export const en: CriteriaTexts = {
  criteria: (title: string) => `Criteria of ${title}`,
  questions: 'Guiding questions',
  empty: 'The criteria have not been published yet.',
}
