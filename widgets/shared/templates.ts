import { html, nothing, type TemplateResult } from 'lit'
import type { EhkElement } from './element.js'
import { common } from './i18n.js'

/** Loading and error states shared by the widgets: the error offers a retry. */
export function status(host: EhkElement): TemplateResult | typeof nothing {
  if (host.state === 'loading') return html`<p part="status" role="status">${common[host.language].loading}</p>`
  if (host.state === 'error')
    return html`<div part="status error" role="alert">
      <p>${common[host.language].loadFailed}</p>
      <button part="button" @click=${() => host.reload()}>${common[host.language].retry}</button>
    </div>`
  return nothing
}
