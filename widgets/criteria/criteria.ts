import { html } from 'lit'
import { type Year, yearPath } from '../shared/api.js'
import { define } from '../shared/define.js'
import { EhkHeadedElement } from '../shared/headed.js'
import { richText } from '../shared/richText.js'
import { cards } from '../shared/cards.js'
import { base } from '../shared/styles.js'
import { status } from '../shared/templates.js'
import { styles } from './criteria.styles.js'
import { criteriaTexts } from './texts.js'

/**
 * The criteria of the current (or `year`) award year and what the jury looks for ("Kriterier och
 * inriktning"): the assessment focus, then each criterion with its description and the guiding
 * questions an application answers. `heading-level` fits the headings into the page's outline
 * (default 2).
 *
 * @csspart focus - the assessment focus
 * @csspart list - the list of criteria
 * @csspart criterion - one criterion
 * @csspart title - a criterion's title
 * @csspart description - a criterion's description
 * @csspart questions - a criterion's guiding questions
 * @csspart status - the loading, empty and error messages
 * @csspart button - the retry button
 * @cssprop --ehk-color-accent - title and link colour (default #0b5c8a)
 * @cssprop --ehk-color-border - card border (default #6b6b6b)
 * @cssprop --ehk-color-surface - card background (default transparent)
 * @cssprop --ehk-criteria-min-height - space reserved before the data arrives (default 12em)
 *
 * @tagname ehk-criteria
 */
export class EhkCriteria extends EhkHeadedElement {
  static override styles = [base, cards, styles]
  static override properties = { data: { state: true } }

  /** @internal */
  declare data?: Year

  protected override async load() {
    this.data = (await this.withTexts(criteriaTexts, this.read<Year>(yearPath(this.year)))).data
  }

  override render() {
    if (this.state !== 'ready' || !this.data) return status(this)
    const t = criteriaTexts.get(this.language)
    const { criteria, assessmentFocus, title } = this.data
    const level = this.headingLevel
    if (criteria.length === 0 && assessmentFocus.length === 0) return html`<p part="status">${t.empty}</p>`
    return html`${assessmentFocus.length ? html`<div part="focus" class="focus">${richText(assessmentFocus, level)}</div>` : ''}
      <ol part="list" aria-label=${t.criteria(title)}>
        ${criteria.map(
          (c) => html`<li part="criterion">
            <article>
              <p part="title" class="title" role="heading" aria-level=${level}>${c.title}</p>
              <div part="description">${richText(c.description, level + 1)}</div>
              ${
                c.guidingQuestions.length
                  ? html`<p role="heading" aria-level=${level + 1}><strong>${t.questions}</strong></p>
                    <ul part="questions">${c.guidingQuestions.map((q) => html`<li>${q}</li>`)}</ul>`
                  : ''
              }
            </article>
          </li>`,
        )}
      </ol>`
  }
}

define('ehk-criteria', EhkCriteria)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-criteria': EhkCriteria
  }
}
