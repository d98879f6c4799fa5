import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit'
import { request } from './api.js'
import type { Lang, Translations } from './i18n.js'

/** Where the bundle was loaded from: the CMS, unless the page says otherwise with `api`. */
const scriptOrigin = new URL(import.meta.url).origin

/**
 * What every widget shares: the attributes `api`, `year` and `lang`, and a load state with retry.
 * Changing an attribute that decides what is shown (`reloadOn`) after the first render loads again.
 */
export class EhkElement extends LitElement {
  /** The properties whose change means new data. */
  static reloadOn: readonly string[] = ['api', 'year', 'lang', 'preview']

  static override properties: PropertyDeclarations = {
    api: {},
    year: { type: Number },
    lang: {},
    preview: {},
    state: { state: true },
  }

  declare api: string
  declare year?: number
  /** A preview link's token (the CMS's preview page sets it): shows the `year` before it is published. */
  declare preview?: string
  /** @internal */
  declare state: 'loading' | 'ready' | 'error'

  constructor() {
    super()
    this.api = scriptOrigin
    this.state = 'loading'
  }

  /** @internal The widget's `lang`, else the closest ancestor's (as the page says), else Swedish. */
  get language(): Lang {
    const lang = this.lang || this.closest('[lang]')?.getAttribute('lang') || ''
    return lang.toLowerCase().startsWith('en') ? 'en' : 'sv'
  }

  override connectedCallback() {
    super.connectedCallback()
    void this.reload()
  }

  protected override willUpdate(changed: PropertyValues) {
    if (this.hasUpdated && this.isConnected && (this.constructor as typeof EhkElement).reloadOn.some((key) => changed.has(key))) void this.reload()
  }

  /** Loads what the widget shows; errors show the error state with a retry button. */
  async reload() {
    const run = ++this.loads
    this.state = 'loading'
    try {
      await this.load()
      if (run === this.loads) this.state = 'ready'
    } catch {
      if (run === this.loads) this.state = 'error'
    }
  }

  /** @internal A public read in the widget's language (with the preview's token, if any). */
  protected read<T>(path: string) {
    return request<T>(this.api, path, this.language, this.preview ? { headers: { 'X-EHK-Preview': this.preview } } : {})
  }

  /**
   * @internal What a load waits for, with the widget's `texts` in its language loading meanwhile:
   * both are needed to show it, neither to ask for the other.
   */
  protected async withTexts<T>(texts: Translations<unknown>, loading: Promise<T>): Promise<T> {
    return (await Promise.all([loading, texts.load(this.language)]))[0]
  }

  /** Loads started: only the newest one's outcome sets the state. */
  private loads = 0

  protected async load(): Promise<void> {}
}
