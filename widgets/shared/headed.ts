import type { PropertyDeclarations } from 'lit'
import { EhkElement } from './element.js'

/** A widget with headings of its own: `heading-level` fits them into the page's outline (default 2). */
export class EhkHeadedElement extends EhkElement {
  static override properties: PropertyDeclarations = { headingLevel: { type: Number, attribute: 'heading-level' } }

  declare headingLevel: number

  constructor() {
    super()
    this.headingLevel = 2
  }
}
