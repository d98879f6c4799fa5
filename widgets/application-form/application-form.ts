import { html, nothing } from 'lit'
import { applicationWindow } from '../../src/domain/lifecycle.js'
import { totalCharacters } from '../../src/domain/characters.js'
import { ApiError, type Municipality, request, type Year } from '../shared/api.js'
import { EhkElement } from '../shared/element.js'
import { base } from '../shared/styles.js'
import { status } from '../shared/templates.js'
import { windowText } from '../countdown/countdown.js'
import { styles } from './application-form.styles.js'

interface Draft {
  municipality: string
  contact: { name: string; role: string; email: string; phone: string }
  answers: Record<string, string>
  consent: boolean
  /** One per attempt: a retry after a lost answer is recognised by the server, never stored twice. */
  key?: string
}
interface Receipt {
  reference: string
  year: number
  municipality: { code: string; name: string }
  contact?: Draft['contact']
  answers?: Array<{ criterion: number | string; text: string }>
}

const emptyDraft = (): Draft => ({ municipality: '', contact: { name: '', role: '', email: '', phone: '' }, answers: {}, consent: false })
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
/** The private edit link from the confirmation e-mail: /ansokan#redigera=<token>. */
/** The element a message with this path belongs to: answers' messages go to their text area. */
const fieldId = (path: string) => {
  const answer = /^answers\.(\d+)/.exec(path)
  return answer ? `answer-${answer[1]}` : path === 'answers' ? 'answer-0' : path.replace('.', '-')
}
const editToken = () => /[#&]redigera=([\w-]{20,100})/.exec(location.hash)?.[1]

/**
 * The application form of the open (or `year`) award year: municipality, contact, one answer per
 * criterion with its guiding questions, a live character count against the year's limit, and
 * consent. The server checks it with the collection's own rules and answers with a message per
 * field (shown at the field and in a summary that takes focus); the draft is kept in the browser
 * until the application is received. Opened with the link from the confirmation e-mail, it edits
 * the application until the deadline.
 *
 * @fires ehk-submitted - the application was received or saved; `detail` is the receipt
 * @csspart form - the form
 * @csspart counter - the total character count
 * @csspart error-summary - the list of problems, focused after a refused submission
 * @csspart receipt - the receipt with the reference number
 * @csspart button - the submit and retry buttons
 * @csspart status - the loading and error messages
 * @cssprop --ehk-color-accent - buttons and receipt frame (default #0b5c8a)
 * @cssprop --ehk-color-error - error texts and frames (default #b3261e)
 * @cssprop --ehk-color-border - field and group borders (default #6b6b6b)
 * @cssprop --ehk-color-field - field background (default #fff)
 * @cssprop --ehk-form-min-height - space reserved before the data arrives (default 30em)
 */
export class EhkApplicationForm extends EhkElement {
  static override styles = [base, styles]
  static override properties = {
    data: { state: true },
    draft: { state: true },
    errors: { state: true },
    problem: { state: true },
    sending: { state: true },
    receipt: { state: true },
    announcement: { state: true },
  }

  /** @internal */
  declare data?: { year: Year; municipalities: Municipality[]; now: Date }
  /** @internal */
  declare draft: Draft
  /** @internal */
  declare errors: Record<string, string>
  /** A problem that belongs to no field (closed, rate-limited, network). @internal */
  declare problem: string
  /** @internal */
  declare sending: boolean
  /** @internal */
  declare receipt?: Receipt
  /** @internal */
  declare announcement: string
  private token = editToken()
  private honeypot = ''
  private announceTimer?: ReturnType<typeof setTimeout>

  constructor() {
    super()
    this.draft = emptyDraft()
    this.errors = {}
    this.problem = ''
    this.sending = false
    this.announcement = ''
  }

  private get storageKey() {
    return `ehk-draft:${this.api}:${this.data?.year.year}`
  }

  protected override async load() {
    const mine = this.token ? (await request<Receipt>(this.api, '/applications/mine', this.language, { headers: { 'X-EHK-Edit-Token': this.token } })).data : undefined
    const yearPath = mine ? `/years/${mine.year}` : this.year ? `/years/${this.year}` : '/years/current'
    const [year, list] = await Promise.all([request<Year>(this.api, yearPath, this.language), request<{ municipalities: Municipality[] }>(this.api, '/municipalities', this.language)])
    this.data = { year: year.data, municipalities: list.data.municipalities, now: year.serverTime ?? new Date() }
    if (mine) {
      this.draft = { municipality: mine.municipality.code, contact: { ...emptyDraft().contact, ...mine.contact }, answers: Object.fromEntries((mine.answers ?? []).map((a) => [a.criterion, a.text])), consent: true }
    } else {
      try {
        this.draft = { ...emptyDraft(), ...JSON.parse(localStorage.getItem(this.storageKey) ?? '{}') }
      } catch {
        // A draft that cannot be read is left alone; the form starts empty.
      }
    }
  }

  private save() {
    if (!this.token) localStorage.setItem(this.storageKey, JSON.stringify(this.draft))
  }

  private change(edit: (draft: Draft) => void) {
    const draft = structuredClone(this.draft)
    edit(draft)
    this.draft = draft
    this.save()
  }

  private get answers() {
    return this.data!.year.criteria.map((c) => ({ criterion: c.id, text: this.draft.answers[c.id] ?? '' }))
  }

  private get total() {
    return totalCharacters(this.answers.map((a) => a.text))
  }

  /** Tells screen readers the characters left once typing pauses, never on every keystroke. */
  private announceCount() {
    clearTimeout(this.announceTimer)
    this.announceTimer = setTimeout(() => (this.announcement = this.t.remaining(this.data!.year.characterLimit - this.total)), 1500)
  }

  private async showProblems(errors: Record<string, string>, problem = '') {
    this.errors = errors
    this.problem = problem
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus()
  }

  private async submit(event: Event) {
    event.preventDefault()
    if (this.sending) return
    const { year } = this.data!
    const input = { municipality: this.draft.municipality, contact: this.draft.contact, answers: this.answers, consent: this.draft.consent }
    this.sending = true
    if (!this.draft.key) this.change((d) => (d.key = newKey()))
    try {
      const { data } = this.token
        ? await request<Receipt>(this.api, '/applications/mine', this.language, { method: 'PATCH', headers: { 'X-EHK-Edit-Token': this.token }, body: JSON.stringify({ contact: input.contact, answers: input.answers }) })
        : await request<Receipt>(this.api, '/applications', this.language, {
            method: 'POST',
            headers: { 'Idempotency-Key': this.draft.key! },
            body: JSON.stringify({ ...input, year: year.year, homepage: this.honeypot }),
          })
      this.receipt = data
      if (!this.token) localStorage.removeItem(this.storageKey)
      this.dispatchEvent(new CustomEvent('ehk-submitted', { detail: data, bubbles: true, composed: true }))
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('.receipt')?.focus()
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, '')
      if (e.status === 422 || e.status === 409) await this.showProblems(e.errors, Object.keys(e.errors).length ? '' : e.message)
      else await this.showProblems({}, e.status === 429 ? this.t.rateLimited(e.retryAfter) : e.status === 0 ? this.t.network : e.message)
    } finally {
      this.sending = false
    }
  }

  /** The field each message belongs to (answers' messages go to their text area), by element id. */
  private get messagesById() {
    const byId: Record<string, string[]> = {}
    for (const [path, message] of Object.entries(this.errors)) (byId[fieldId(path)] ??= []).push(message)
    return byId
  }

  /** A field's messages above it, tied to it with aria-describedby; what else describes it. */
  private messages(id: string, describedBy: string[] = []) {
    const messages = this.messagesById[id]
    return {
      errors: messages ? html`<p class="error" id=${`${id}-error`}>${messages.join(' ')}</p>` : nothing,
      invalid: messages ? 'true' : nothing,
      describedBy: [...describedBy, ...(messages ? [`${id}-error`] : [])].join(' ') || nothing,
    }
  }

  private textField(key: keyof Draft['contact'], label: string, type: string, autocomplete: string) {
    const id = `contact-${key}`
    const m = this.messages(id)
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${m.errors}
      <input id=${id} type=${type} autocomplete=${autocomplete} .value=${this.draft.contact[key]} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @input=${(e: InputEvent) => this.change((d) => (d.contact[key] = (e.target as HTMLInputElement).value))} />
    </div>`
  }

  private summary() {
    const entries = Object.entries(this.errors)
    if (!entries.length && !this.problem) return nothing
    return html`<div part="error-summary" class="summary" tabindex="-1" aria-labelledby="summary-title">
      <p id="summary-title" role="heading" aria-level="2"><strong>${this.t.problems}</strong></p>
      ${this.problem ? html`<p>${this.problem}</p>` : nothing}
      <ul>
        ${entries.map(
          ([path, message]) => {
            // Four answers may share a message: the summary names the criterion.
            const criterion = this.data!.year.criteria[Number(/^answers\.(\d+)\./.exec(path)?.[1] ?? NaN)]
            return html`<li><a href=${`#${fieldId(path)}`} @click=${(e: Event) => (e.preventDefault(), this.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus())}
              >${criterion ? `${criterion.title}: ` : ''}${message}</a></li>`
          },
        )}
      </ul>
    </div>`
  }

  override render() {
    if (this.state !== 'ready' || !this.data) return status(this)
    const { t } = this
    const { year, municipalities, now } = this.data
    if (this.receipt)
      return html`<div part="receipt" class="receipt" tabindex="-1" role="status">
        <p role="heading" aria-level="2"><strong>${this.token ? t.saved : t.thanks}</strong></p>
        <p>${t.reference}: <strong>${this.receipt.reference}</strong></p>
        <p>${this.receipt.municipality.name}, ${year.title}</p>
        ${this.token ? nothing : html`<p>${t.receiptMail}</p>`}
      </div>`
    if (applicationWindow(year, now) !== 'open') return html`<div part="closed">${windowText(year, now, t, this.language)}</div>`
    const total = this.total
    const municipality = this.messages('municipality')
    const consent = this.messages('consent')
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${this.summary()}
      <p>${year.title}. ${t.draftKept}</p>
      <div class="field">
        <label for="municipality">${t.municipality}</label>
        ${municipality.errors}
        <select id="municipality" ?disabled=${!!this.token} aria-invalid=${municipality.invalid} aria-describedby=${municipality.describedBy}
          @change=${(e: Event) => this.change((d) => (d.municipality = (e.target as HTMLSelectElement).value))}>
          <option value="">${t.chooseMunicipality}</option>
          ${municipalities.map((m) => html`<option value=${m.code} ?selected=${m.code === this.draft.municipality}>${m.name}</option>`)}
        </select>
      </div>
      <fieldset>
        <legend>${t.contact}</legend>
        ${this.textField('name', t.name, 'text', 'name')} ${this.textField('role', t.role, 'text', 'organization-title')}
        ${this.textField('email', t.email, 'email', 'email')} ${this.textField('phone', t.phone, 'tel', 'tel')}
      </fieldset>
      ${year.criteria.map((criterion, i) => {
        const id = `answer-${i}`
        const m = this.messages(id, [`${id}-hint`, 'counter'])
        return html`<div class="field">
          <label for=${id}>${criterion.title}</label>
          <div class="hint" id=${`${id}-hint`}>${t.questions}<ul>${criterion.guidingQuestions.map((q) => html`<li>${q}</li>`)}</ul></div>
          ${m.errors}
          <textarea id=${id} rows="8" .value=${this.draft.answers[criterion.id] ?? ''} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
            @input=${(e: InputEvent) => (this.change((d) => (d.answers[criterion.id] = (e.target as HTMLTextAreaElement).value)), this.announceCount())}></textarea>
        </div>`
      })}
      <p id="counter" part="counter" class=${total > year.characterLimit ? 'counter error' : 'counter'}>${t.count(total, year.characterLimit)}</p>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <div class="field">
        ${consent.errors}
        <label class="consent"><input id="consent" type="checkbox" .checked=${this.draft.consent} ?disabled=${!!this.token} aria-invalid=${consent.invalid} aria-describedby=${consent.describedBy}
          @change=${(e: Event) => this.change((d) => (d.consent = (e.target as HTMLInputElement).checked))} />${t.consent}</label>
      </div>
      <div hidden><label>Hemsida <input name="homepage" tabindex="-1" autocomplete="off" @input=${(e: InputEvent) => (this.honeypot = (e.target as HTMLInputElement).value)} /></label></div>
      <div><button part="button" type="submit" ?disabled=${this.sending}>${this.sending ? t.sending : this.token ? t.save : t.submit}</button></div>
    </form>`
  }
}

customElements.define('ehk-application-form', EhkApplicationForm)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-application-form': EhkApplicationForm
  }
}
