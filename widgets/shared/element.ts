import { LitElement, type PropertyDeclarations } from 'lit'
import type { Lang } from './i18n.js'

/** Where the bundle was loaded from: the CMS, unless the page says otherwise with `api`. */
const scriptOrigin = new URL(import.meta.url).origin

/** What every widget shares: the attributes `api`, `year` and `lang`, and a load state with retry. */
export class EhkElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    year: { type: Number },
    lang: {},
    state: { state: true },
  }

  declare api: string
  declare year?: number
  /** @internal */
  declare state: 'loading' | 'ready' | 'error'

  constructor() {
    super()
    this.api = scriptOrigin
    this.state = 'loading'
  }

  /** @internal */
  get language(): Lang {
    return this.lang?.toLowerCase().startsWith('en') ? 'en' : 'sv'
  }

  override connectedCallback() {
    super.connectedCallback()
    void this.reload()
  }

  /** Loads what the widget shows; errors show the error state with a retry button. */
  async reload() {
    this.state = 'loading'
    try {
      await this.load()
      this.state = 'ready'
    } catch {
      this.state = 'error'
    }
  }

  protected async load(): Promise<void> {}
}
