import { html } from 'lit'
import type { JuryView, PublicJuror, PublicPartner } from '../../src/api/publicViews.js'
import { isWebUrl } from '../../src/domain/richText.js'
import { yearPath } from '../shared/api.js'
import { define } from '../shared/define.js'
import { EhkHeadedElement } from '../shared/headed.js'
import { base } from '../shared/styles.js'
import { status } from '../shared/templates.js'
import { styles } from './jury.styles.js'
import { juryTexts } from './texts.js'

/** An address from the API (a photo, a logo) as the page must load it: absolute, and only http(s). */
function mediaUrl(url: string, api: string): string | undefined {
  const absolute = new URL(url, api)
  return absolute.protocol === 'https:' || absolute.protocol === 'http:' ? absolute.href : undefined
}

/**
 * The jury of the current (or `year`) award year (name, title, organisation, photo) and the
 * organisers and partners behind the award (name, role, logo, website). `heading-level` fits the
 * two headings into the page's outline (default 2). Photos and logos are decorative: the names
 * beside them say who is shown.
 *
 * @csspart jury - the jury's section
 * @csspart partners - the partners' section
 * @csspart list - each section's list
 * @csspart juror - one juror
 * @csspart partner - one partner
 * @csspart photo - a juror's photo
 * @csspart logo - a partner's logo
 * @csspart name - a juror's or partner's name
 * @csspart details - a juror's title and organisation, a partner's role
 * @csspart bio - a juror's short presentation
 * @csspart status - the loading, empty and error messages
 * @csspart button - the retry button
 * @cssprop --ehk-color-accent - link colour (default #0b5c8a)
 * @cssprop --ehk-jury-min-height - space reserved before the data arrives (default 12em)
 *
 * @tagname ehk-jury
 */
export class EhkJury extends EhkHeadedElement {
  static override styles = [base, styles]
  static override properties = { data: { state: true } }

  /** @internal */
  declare data?: JuryView

  protected override async load() {
    this.data = (await this.withTexts(juryTexts, this.read<JuryView>(`${yearPath(this.year)}/jury`))).data
  }

  private image(media: { url: string } | null, part: 'photo' | 'logo') {
    const src = media && mediaUrl(media.url, this.api)
    return src ? html`<img part=${part} class=${part} src=${src} alt="" loading="lazy" decoding="async" />` : ''
  }

  private juror = (j: PublicJuror) =>
    html`<li part="juror">
      ${this.image(j.photo, 'photo')}
      <div>
        <p part="name" class="name">${j.name}</p>
        <p part="details">${[j.title, j.organisation?.name].filter(Boolean).join(', ')}</p>
        ${j.bio ? html`<p part="bio">${j.bio}</p>` : ''}
      </div>
    </li>`

  private partner = (p: PublicPartner) =>
    html`<li part="partner">
      ${this.image(p.logo, 'logo')}
      <div>
        <p part="name" class="name">${isWebUrl(p.website) ? html`<a href=${p.website}>${p.name}</a>` : p.name}</p>
        <p part="details">${juryTexts.get(this.language).roles[p.role] ?? ''}</p>
      </div>
    </li>`

  override render() {
    if (this.state !== 'ready' || !this.data) return status(this)
    const t = juryTexts.get(this.language)
    const { jury, partners } = this.data
    if (jury.length === 0 && partners.length === 0) return html`<p part="status">${t.empty}</p>`
    const section = (part: string, heading: string, items: unknown[]) =>
      items.length
        ? html`<section part=${part}>
            <p role="heading" aria-level=${this.headingLevel}><strong>${heading}</strong></p>
            <ul part="list">${items}</ul>
          </section>`
        : ''
    return html`${section('jury', t.jury, jury.map(this.juror))}${section('partners', t.partners, partners.map(this.partner))}`
  }
}

define('ehk-jury', EhkJury)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-jury': EhkJury
  }
}
