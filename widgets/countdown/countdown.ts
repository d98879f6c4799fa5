import { html } from 'lit'
import { type Year, yearPath } from '../shared/api.js'
import { define } from '../shared/define.js'
import { EhkElement } from '../shared/element.js'
import { base } from '../shared/styles.js'
import { status } from '../shared/templates.js'
import { windowText, windowTexts } from '../shared/window.js'
import { styles } from './countdown.styles.js'

/**
 * Days, hours and minutes to the deadline of the current (or `year`) award year, with the deadline
 * itself in Stockholm time. Updated once a minute and never announced by screen readers on its own
 * (WCAG 2.2.2); corrected for the visitor's clock with the server's time.
 *
 * @csspart box - the frame
 * @csspart remaining - the time left
 * @csspart state - the text when applications are not yet open or closed
 * @csspart time - each date and time
 * @csspart status - the loading and error messages
 * @csspart button - the retry button
 * @cssprop --ehk-color-accent - frame and time-left colour (default #0b5c8a)
 * @cssprop --ehk-countdown-size - size of the time left (default 1.5em)
 * @cssprop --ehk-countdown-min-height - space reserved before the data arrives (default 4.5em)
 *
 * @tagname ehk-countdown
 */
export class EhkCountdown extends EhkElement {
  static override styles = [base, styles]
  static override properties = { data: { state: true }, now: { state: true } }

  /** @internal */
  declare data?: Year
  /** @internal */
  declare now: Date
  private offset = 0
  private timer?: ReturnType<typeof setTimeout>

  protected override async load() {
    const { data, serverTime } = await this.withTexts(windowTexts, this.read<Year>(yearPath(this.year)))
    this.offset = serverTime ? serverTime.getTime() - Date.now() : 0
    this.data = data
    this.tick()
  }

  /** Re-renders at the start of every minute by the server's clock. */
  private tick = () => {
    this.now = new Date(Date.now() + this.offset)
    clearTimeout(this.timer)
    this.timer = setTimeout(this.tick, 60_000 - (this.now.getTime() % 60_000) + 50)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearTimeout(this.timer)
  }

  override render() {
    return html`<div part="box" class="box">${this.state === 'ready' && this.data ? windowText(this.data, this.now, this.language) : status(this)}</div>`
  }
}

define('ehk-countdown', EhkCountdown)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-countdown': EhkCountdown
  }
}
