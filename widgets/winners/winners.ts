import { html } from 'lit'
import type { PublicBlock } from '../../src/domain/richText.js'
import { request } from '../shared/api.js'
import { define } from '../shared/define.js'
import { EhkElement } from '../shared/element.js'
import { base } from '../shared/styles.js'
import { richText } from '../shared/richText.js'
import { status } from '../shared/templates.js'
import { winnersTexts } from './texts.js'
import { styles } from './winners.styles.js'

interface Winner {
  year: number
  title: string
  municipality: { code: string; name: string }
  motivation: PublicBlock[]
  successFactors: string[]
}

/**
 * The announced winners, newest first: year, municipality, the jury's motivation and the success
 * factors. `limit` caps the number, `year` shows one year, `heading-level` fits the headings into
 * the page's outline (default 2).
 *
 * @csspart list - the list of winners
 * @csspart winner - one winner
 * @csspart title - the municipality and year
 * @csspart motivation - the jury's motivation
 * @csspart factors - the success factors
 * @csspart status - the loading, empty and error messages
 * @csspart button - the retry button
 * @cssprop --ehk-color-accent - title and link colour (default #0b5c8a)
 * @cssprop --ehk-color-border - card border (default #6b6b6b)
 * @cssprop --ehk-color-surface - card background (default transparent)
 * @cssprop --ehk-winners-min-height - space reserved before the data arrives (default 12em)
 *
 * @tagname ehk-winners
 */
export class EhkWinners extends EhkElement {
  static override styles = [base, styles]
  static override properties = { limit: { type: Number }, headingLevel: { type: Number, attribute: 'heading-level' }, winners: { state: true } }

  declare limit?: number
  declare headingLevel: number
  /** @internal */
  declare winners: Winner[]

  constructor() {
    super()
    this.headingLevel = 2
    this.winners = []
  }

  /** @internal */
  get t() {
    return winnersTexts[this.language]
  }

  protected override async load() {
    const query = new URLSearchParams()
    if (this.limit) query.set('limit', String(this.limit))
    if (this.year) query.set('year', String(this.year))
    this.winners = (await request<{ winners: Winner[] }>(this.api, `/winners?${query}`, this.language)).data.winners
  }

  override render() {
    if (this.state !== 'ready') return status(this)
    if (this.winners.length === 0) return html`<p part="status">${this.t.noWinners}</p>`
    const level = this.headingLevel
    return html`<ol part="list" aria-label=${this.t.winners}>
      ${this.winners.map(
        (w) => html`<li part="winner">
          <article>
            <p part="title" class="title" role="heading" aria-level=${level}>${w.municipality.name}<span class="year">${w.title}</span></p>
            <div part="motivation">${richText(w.motivation, level + 1)}</div>
            ${w.successFactors.length
              ? html`<p role="heading" aria-level=${level + 1}><strong>${this.t.successFactors}</strong></p>
                  <ul part="factors">${w.successFactors.map((f) => html`<li>${f}</li>`)}</ul>`
              : ''}
          </article>
        </li>`,
      )}
    </ol>`
  }
}

define('ehk-winners', EhkWinners)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-winners': EhkWinners
  }
}
