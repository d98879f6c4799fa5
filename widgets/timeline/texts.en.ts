// The timeline's texts in English, loaded only by a page that asks for English.
import type { TimelineTexts } from './texts.js'

export const en: TimelineTexts = {
  timeline: (title: string) => `Timeline of ${title}`,
  empty: 'No timeline has been published yet.',
  until: 'to',
}
