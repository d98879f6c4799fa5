import { html, nothing } from 'lit'
import { currentTimelineEntry } from '../../src/domain/lifecycle.js'
import { formatStockholmDate } from '../../src/domain/time.js'
import { type Year, yearPath } from '../shared/api.js'
import { define } from '../shared/define.js'
import { EhkElement } from '../shared/element.js'
import type { Lang } from '../shared/i18n.js'
import { base } from '../shared/styles.js'
import { status } from '../shared/templates.js'
import { timelineTexts } from './texts.js'
import { styles } from './timeline.styles.js'

const day = (at: string, lang: Lang) => html`<time datetime=${at}>${formatStockholmDate(at, lang)}</time>`

/**
 * The timeline ("Hålltider") of the current (or `year`) award year: what happens when, in order.
 * The entry under way or next, by the server's clock, is marked as the current step.
 *
 * @csspart list - the list of entries
 * @csspart entry - one entry (also `current` for the one under way or next)
 * @csspart dates - an entry's first and last day
 * @csspart description - what happens
 * @csspart status - the loading, empty and error messages
 * @csspart button - the retry button
 * @cssprop --ehk-color-accent - the current entry's colour (default #0b5c8a)
 * @cssprop --ehk-color-border - the line and the dots (default #6b6b6b)
 * @cssprop --ehk-timeline-min-height - space reserved before the data arrives (default 8em)
 *
 * @tagname ehk-timeline
 */
export class EhkTimeline extends EhkElement {
  static override styles = [base, styles]
  static override properties = { data: { state: true }, now: { state: true } }

  /** @internal */
  declare data?: Year
  /** @internal */
  declare now: Date

  protected override async load() {
    const { data, serverTime } = await this.withTexts(timelineTexts, this.read<Year>(yearPath(this.year)))
    this.now = serverTime ?? new Date()
    this.data = data
  }

  override render() {
    if (this.state !== 'ready' || !this.data) return status(this)
    const t = timelineTexts.get(this.language)
    const { timeline, title } = this.data
    if (timeline.length === 0) return html`<p part="status">${t.empty}</p>`
    const current = currentTimelineEntry(timeline, this.now)
    return html`<ol part="list" aria-label=${t.timeline(title)}>
      ${timeline.map(
        (entry, i) =>
          html`<li part=${i === current ? 'entry current' : 'entry'} class=${current === -1 || i < current ? 'past' : ''} aria-current=${i === current ? 'step' : nothing}>
            <span part="dates" class="dates">${day(entry.startsOn, this.language)}${entry.endsOn ? html` ${t.until} ${day(entry.endsOn, this.language)}` : ''}</span>
            <span part="description">${entry.description}</span>
          </li>`,
      )}
    </ol>`
  }
}

define('ehk-timeline', EhkTimeline)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-timeline': EhkTimeline
  }
}
