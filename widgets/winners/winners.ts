import { html } from 'lit'
import type { PublicFinalists, PublicWinner, WinnersView } from '../../src/api/publicViews.js'
import { request } from '../shared/api.js'
import { define } from '../shared/define.js'
import { EhkHeadedElement } from '../shared/headed.js'
import { cards } from '../shared/cards.js'
import { base } from '../shared/styles.js'
import { richText } from '../shared/richText.js'
import { status } from '../shared/templates.js'
import { winnersTexts } from './texts.js'
import { styles } from './winners.styles.js'

/** Timers cannot wait longer than this (about 24 days); a later announcement is looked at again then. */
const LONGEST_WAIT_MS = 2 ** 31 - 1

/**
 * The announced winners, newest first: year, municipality, the jury's motivation and the success
 * factors; before a year's announcement, its finalists when the organiser publishes them. `limit`
 * caps the number, `year` shows one year, `heading-level` fits the headings into the page's outline
 * (default 2). At the instant a winner becomes public the widget asks again by itself (by the
 * server's clock, a second or two after it, so that a page left open shows the winner).
 *
 * @csspart finalists - the finalists of a year whose winner is not announced yet
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
export class EhkWinners extends EhkHeadedElement {
  static override styles = [base, cards, styles]
  static override reloadOn = [...EhkHeadedElement.reloadOn, 'limit']
  static override properties = {
    limit: { type: Number },
    winners: { state: true },
    finalists: { state: true },
  }

  declare limit?: number
  /** @internal */
  declare winners: PublicWinner[]
  /** @internal */
  declare finalists: PublicFinalists[]
  private timer?: ReturnType<typeof setTimeout>

  constructor() {
    super()
    this.winners = []
    this.finalists = []
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearTimeout(this.timer)
  }

  /** @internal */
  get t() {
    return winnersTexts.get(this.language)
  }

  protected override async load() {
    const query = new URLSearchParams()
    if (this.limit) query.set('limit', String(this.limit))
    if (this.year) query.set('year', String(this.year))
    const { data, serverTime } = await this.withTexts(winnersTexts, request<WinnersView>(this.api, `/winners?${query}`, this.language))
    this.winners = data.winners
    // A year with a public winner is shown as its winner, not its finalists.
    this.finalists = (data.finalists ?? []).filter((f) => !data.winners.some((w) => w.year === f.year))
    clearTimeout(this.timer)
    if (data.nextAnnouncementAt) {
      const offset = serverTime ? serverTime.getTime() - Date.now() : 0
      // After the instant by the server's clock, spread over a second so that every open page does not ask at once.
      const wait = new Date(data.nextAnnouncementAt).getTime() - (Date.now() + offset) + 500 + Math.random() * 1000
      this.timer = setTimeout(() => void this.load().catch(() => undefined), Math.min(Math.max(wait, 0), LONGEST_WAIT_MS))
    }
  }

  override render() {
    if (this.state !== 'ready') return status(this)
    const level = this.headingLevel
    const finalists = this.finalists.map(
      (f) => html`<section part="finalists" class="finalists">
        <p role="heading" aria-level=${level}><strong>${this.t.finalists(f.title)}</strong></p>
        <ul>${f.municipalities.map((m) => html`<li>${m.name}</li>`)}</ul>
      </section>`,
    )
    if (this.winners.length === 0) return html`${finalists}<p part="status">${this.t.noWinners}</p>`
    return html`${finalists}<ol part="list" aria-label=${this.t.winners}>
      ${this.winners.map(
        (w) => html`<li part="winner">
          <article>
            <p part="title" class="title" role="heading" aria-level=${level}>${w.municipality.name}<span class="year">${w.title}</span></p>
            <div part="motivation">${richText(w.motivation, level + 1)}</div>
            ${
              w.successFactors.length
                ? html`<p role="heading" aria-level=${level + 1}><strong>${this.t.successFactors}</strong></p>
                  <ul part="factors">${w.successFactors.map((f) => html`<li>${f}</li>`)}</ul>`
                : ''
            }
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
