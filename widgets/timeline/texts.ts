// The timeline's texts in Swedish; the English ones are in texts.en.ts.
import { translations } from '../shared/i18n.js'

const sv = {
  timeline: (title: string) => `Hålltider för ${title}`,
  empty: 'Inga hålltider är publicerade ännu.',
  until: 'till',
}

export type TimelineTexts = typeof sv

export const timelineTexts = translations<TimelineTexts>(sv, () => import('./texts.en.js'))
