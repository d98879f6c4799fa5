// What the countdown and the form say about a year's application window (English in window.en.ts).
import { html, type TemplateResult } from 'lit'
import { applicationWindow } from '../../src/domain/lifecycle.js'
import { formatStockholm, timeLeft } from '../../src/domain/time.js'
import type { Year } from './api.js'
import { type Lang, plural, translations } from './i18n.js'

const sv = {
  opensAt: 'Ansökan öppnar',
  deadline: 'Sista ansökningsdag',
  closed: 'Ansökan är stängd.',
  left: (d: number, h: number, m: number) => `${plural(d, 'dag', 'dagar')}, ${plural(h, 'timme', 'timmar')} och ${plural(m, 'minut', 'minuter')} kvar`,
}

export type WindowTexts = typeof sv

export const windowTexts = translations<WindowTexts>(sv, () => import('./window.en.js'))

/** A date and time in Swedish (or English) Stockholm time, machine-readable in `datetime`. */
export const timeElement = (at: string, lang: Lang) => html`<time part="time" datetime=${at}>${formatStockholm(at, lang)}</time>`

/** What a year's application window says at `now`: not yet open, open with time left, or closed. */
export function windowText(year: Year, now: Date, lang: Lang): TemplateResult {
  const t = windowTexts.get(lang)
  const window = applicationWindow(year, now)
  const left = timeLeft(year.deadline ?? now, now)
  return html`<p part=${window === 'open' ? 'remaining' : 'state'} class=${window}>
      ${window === 'open' ? t.left(left.days, left.hours, left.minutes) : window === 'closed' ? t.closed : html`${t.opensAt} ${timeElement(year.opensAt ?? '', lang)}.`}
    </p>
    <p>${t.deadline}: ${year.deadline ? timeElement(year.deadline, lang) : ''}</p>`
}
