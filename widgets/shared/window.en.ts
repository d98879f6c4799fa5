// The application window's texts in English, loaded only by a page that asks for English.
import { plural } from './i18n.js'
import type { WindowTexts } from './window.js'

export const en: WindowTexts = {
  opensAt: 'Applications open',
  deadline: 'Deadline',
  closed: 'Applications are closed.',
  left: (d: number, h: number, m: number) => `${plural(d, 'day', 'days')}, ${plural(h, 'hour', 'hours')} and ${plural(m, 'minute', 'minutes')} left`,
}
