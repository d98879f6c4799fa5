import type { PublicApplication, PublicReceipt } from '../../src/api/submissions.js'
import { html, nothing } from 'lit'
import { normalizeText, tooLarge, totalCharacters } from '../../src/domain/characters.js'
import { CONSENT } from '../../src/domain/consent.js'
import { applicationWindow } from '../../src/domain/lifecycle.js'
import { formatStockholm } from '../../src/domain/time.js'
import { type Answer, ApiError, type Municipality, request, type Year, yearPath } from '../shared/api.js'
import type { Lang } from '../shared/i18n.js'
import { define } from '../shared/define.js'
import { EhkElement } from '../shared/element.js'
import { base } from '../shared/styles.js'
import { status } from '../shared/templates.js'
import '../countdown/countdown.js'
import { styles } from './application-form.styles.js'
import { formTexts } from './texts.js'

type Contact = { name: string; role: string; email: string; phone: string }
/** What is kept in the browser between visits (answers) and for the tab's session only (contact). */
interface Draft {
  municipality: string
  contact: Contact
  answers: Record<string, string>
  consent: boolean
  /** One per attempt: a retry after a lost answer is recognised by the server, never stored twice. */
  key?: string
}
/** The server's own answer types (type-only imports): a receipt, and the application as its private link shows it. */
export type Receipt = PublicReceipt
export type Mine = PublicApplication
export type Question = Mine['questions'][number]
type Done = { kind: 'received' | 'saved' | 'withdrawn'; receipt: Receipt; email?: string }

const emptyDraft = (): Draft => ({ municipality: '', contact: { name: '', role: '', email: '', phone: '' }, answers: {}, consent: false })
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
/** The element a message with this path belongs to: answers' messages go to their text area. */
const fieldId = (path: string) => {
  const answer = /^answers\.(\d+)/.exec(path)
  return answer ? `answer-${answer[1]}` : path === 'answers' ? 'answer-0' : path.replace('.', '-')
}

/**
 * The private link from an e-mail (/ansokan#bekrafta=… or #redigera=…), read once and taken out of
 * the address bar and the history at once, so that it is not left behind for the next person at
 * the computer (or in a shared screenshot).
 */
function takeLink(): { kind: 'bekrafta' | 'redigera'; token: string } | undefined {
  const found = /[#&](bekrafta|redigera)=([\w-]{20,100})/.exec(location.hash)
  if (!found) return undefined
  history.replaceState(history.state, '', location.pathname + location.search)
  return { kind: found[1] as 'bekrafta' | 'redigera', token: found[2]! }
}

/**
 * The application form of the open (or `year`) award year: municipality, contact, one answer per
 * criterion with its guiding questions, a live character count against the year's limit, and
 * consent. The server checks it with the collection's own rules and answers with a message per
 * field (shown at the field and in a summary that takes focus). The answers are kept in the browser
 * until the application is received; the contact details only while the tab is open. The
 * application counts once its contact has confirmed it through the link mailed to them.
 * Opened with that link (#bekrafta=…), it confirms the application; with the edit link
 * (#redigera=…), it changes or withdraws it until the deadline, and a finalist answers the jury's
 * supplementary questions there until their dates (each with its own live character count).
 *
 * @fires ehk-submitted - the application was received, confirmed, saved or withdrawn; `detail` is the receipt
 * @csspart form - the form
 * @csspart counter - the total character count
 * @csspart error-summary - the list of problems, focused after a refused submission
 * @csspart receipt - the receipt with the reference number
 * @csspart notice - a message from the server that is not an error (a link was sent, confirmed)
 * @csspart lost-link - the way to get the private link mailed again
 * @csspart button - the buttons
 * @csspart status - the loading and error messages
 * @cssprop --ehk-color-accent - buttons and receipt frame (default #0b5c8a)
 * @cssprop --ehk-color-error - error texts and frames (default #b3261e)
 * @cssprop --ehk-color-border - field and group borders (default #6b6b6b)
 * @cssprop --ehk-color-field - field background (default #fff)
 * @cssprop --ehk-form-min-height - space reserved before the data arrives (default 30em)
 *
 * @tagname ehk-application-form
 */
export class EhkApplicationForm extends EhkElement {
  static override styles = [base, styles]
  static override properties = {
    data: { state: true },
    draft: { state: true },
    errors: { state: true },
    problem: { state: true },
    sending: { state: true },
    done: { state: true },
    notice: { state: true },
    announcement: { state: true },
    asking: { state: true },
    lost: { state: true },
    replies: { state: true },
  }

  /** @internal */
  declare data?: { year: Year; municipalities: Municipality[]; now: Date; mine?: Mine }
  /** @internal */
  declare draft: Draft
  /** @internal */
  declare errors: Record<string, string>
  /** A problem that belongs to no field (closed, rate-limited, network). @internal */
  declare problem: string
  /** @internal */
  declare sending: boolean
  /** @internal */
  declare done?: Done
  /** @internal */
  declare notice: string
  /** @internal */
  declare announcement: string
  /** Whether the withdrawal waits for a second yes. @internal */
  declare asking: boolean
  /** The lost-link request: its fields, its messages, and the answer. @internal */
  declare lost: { municipality: string; email: string; errors: Record<string, string>; message: string }
  /** The finalist's answers to the jury's open questions, by question id, as typed. @internal */
  declare replies: Record<string, string>
  /** The questions' form, once a finalist's page needs it. @internal */
  questions?: typeof import('./questions.js').questionsForm
  private link = takeLink()
  /** The edit token, once known (from the edit link, or from confirming). */
  private token?: string
  private honeypot = ''
  private announceTimer?: ReturnType<typeof setTimeout>

  constructor() {
    super()
    this.draft = emptyDraft()
    this.errors = {}
    this.problem = ''
    this.sending = false
    this.notice = ''
    this.announcement = ''
    this.asking = false
    this.lost = { municipality: '', email: '', errors: {}, message: '' }
    this.replies = {}
  }

  /** @internal */
  get t() {
    return formTexts.get(this.language)
  }

  private get storageKey() {
    return `ehk-draft:${this.api}:${this.data?.year.year}`
  }

  protected override async load() {
    await this.withTexts(formTexts, this.openApplication(this.language))
  }

  /** Confirms through the link (once), then opens the application the edit token belongs to, or the year's empty form. */
  private async openApplication(lang: Lang) {
    if (this.link?.kind === 'bekrafta') {
      const token = this.link.token
      this.link = undefined // a confirmation link works once: a retry does not send it again
      try {
        const { data } = await request<Receipt & { editToken: string }>(this.api, '/applications/confirm', lang, { method: 'POST', body: JSON.stringify({ token }) })
        this.token = data.editToken
        this.notice = data.message ?? ''
        this.dispatchEvent(new CustomEvent('ehk-submitted', { detail: data, bubbles: true, composed: true }))
      } catch (error) {
        if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error
        this.notice = error.message
        this.data = undefined
        return
      }
    }
    if (this.link?.kind === 'redigera') this.token = this.link.token
    let mine: Mine | undefined
    if (this.token) {
      try {
        mine = (await request<Mine>(this.api, '/applications/mine', lang, { headers: { 'X-EHK-Edit-Token': this.token } })).data
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error
        this.notice = error.message
        return
      }
    }
    const [year, list] = await Promise.all([request<Year>(this.api, yearPath(mine?.year ?? this.year), lang), request<{ municipalities: Municipality[] }>(this.api, '/municipalities', lang)])
    this.data = { year: year.data, municipalities: list.data.municipalities, now: year.serverTime ?? new Date(), mine }
    if (mine && !mine.editable && mine.questions.length > 0) {
      // Only a finalist's page needs the questions' form: it is fetched then.
      this.replies = Object.fromEntries(mine.questions.map((q) => [q.id, q.answer ?? '']))
      this.questions = (await import('./questions.js')).questionsForm
    }
    if (mine) {
      this.draft = {
        municipality: mine.municipality.code,
        contact: Object.fromEntries(Object.entries(emptyDraft().contact).map(([k, v]) => [k, mine.contact?.[k as keyof Contact] ?? v])) as Contact,
        answers: Object.fromEntries(mine.answers.map((a) => [a.criterion, a.text])),
        consent: true,
      }
    } else {
      try {
        this.draft = {
          ...emptyDraft(),
          ...JSON.parse(localStorage.getItem(this.storageKey) ?? '{}'),
          contact: { ...emptyDraft().contact, ...JSON.parse(sessionStorage.getItem(this.storageKey) ?? '{}') },
        }
      } catch {
        // A draft that cannot be read is left alone; the form starts empty.
      }
    }
  }

  /** Answers (not personal) stay in the browser; the contact person's details only for this tab's session. */
  private save() {
    if (this.token) return
    const { contact, ...rest } = this.draft
    localStorage.setItem(this.storageKey, JSON.stringify(rest))
    sessionStorage.setItem(this.storageKey, JSON.stringify(contact))
  }

  private forget() {
    localStorage.removeItem(this.storageKey)
    sessionStorage.removeItem(this.storageKey)
  }

  private change(edit: (draft: Draft) => void) {
    const draft = structuredClone(this.draft)
    edit(draft)
    this.draft = draft
    this.save()
  }

  /** The answers as they are counted and stored: normalised, so a text the counter admits always fits the server's size limit. */
  private get answers() {
    return this.data!.year.criteria.map((c) => ({ criterion: c.id, text: normalizeText(this.draft.answers[c.id] ?? '') }))
  }

  private get total() {
    return totalCharacters(this.answers.map((a) => a.text))
  }

  /** Tells screen readers what `text` says once typing pauses, never on every keystroke. @internal */
  announceLater(text: () => string) {
    clearTimeout(this.announceTimer)
    this.announceTimer = setTimeout(() => (this.announcement = text()), 1500)
  }

  /** @internal */
  async focusOn(selector: string) {
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus()
  }

  /** Sends a request of the form's: the answer, or the error (a failed connection is status 0). */
  /** @internal */
  async send<T>(path: string, init: RequestInit): Promise<Answer<T> | ApiError> {
    this.sending = true
    this.notice = ''
    try {
      const headers = { ...(this.token && { 'X-EHK-Edit-Token': this.token }), ...init.headers }
      return await request<T>(this.api, path, this.language, { ...init, headers })
    } catch (error) {
      return error instanceof ApiError ? error : new ApiError(0, '')
    } finally {
      this.sending = false
    }
  }

  /** What a refusal says, in words for the person: the server's, or ours for 429 and a failed connection. */
  private explain(e: ApiError) {
    return e.status === 429 ? this.t.rateLimited(e.retryAfter) : e.status === 0 ? this.t.network : e.message
  }

  /** Shows a refusal at the fields it concerns and in the summary, which takes focus. */
  /** @internal */
  async refused(e: ApiError) {
    this.errors = e.status === 422 ? e.errors : {}
    this.problem = e.status === 422 && Object.keys(e.errors).length ? '' : this.explain(e)
    await this.focusOn('.summary')
  }

  private finish(done: Done) {
    this.done = done
    this.errors = {}
    this.problem = ''
    this.dispatchEvent(new CustomEvent('ehk-submitted', { detail: done.receipt, bubbles: true, composed: true }))
    void this.focusOn('.receipt')
  }

  private async submit(event: Event) {
    event.preventDefault()
    if (this.sending) return
    const { contact, municipality, consent } = this.draft
    const cleanContact = Object.fromEntries(Object.entries(contact).map(([k, v]) => [k, normalizeText(v).trim() || null]))
    if (this.token) {
      const saved = await this.send<Mine>('/applications/mine', { method: 'PATCH', body: JSON.stringify({ contact: cleanContact, answers: this.answers }) })
      if (saved instanceof ApiError) await this.refused(saved)
      else this.finish({ kind: 'saved', receipt: saved.data })
      return
    }
    if (!this.draft.key) this.change((d) => (d.key = newKey()))
    const body = { municipality, contact: cleanContact, answers: this.answers, consent, consentVersion: CONSENT.version, year: this.data!.year.year, homepage: this.honeypot }
    const answer = await this.send<Receipt>('/applications', { method: 'POST', headers: { 'Idempotency-Key': this.draft.key! }, body: JSON.stringify(body) })
    if (answer instanceof ApiError) return this.refused(answer)
    if (answer.status === 202) {
      // The same person again: their link is on its way; nothing new was stored, so the draft stays.
      this.errors = {}
      this.problem = ''
      this.notice = answer.data.message ?? ''
      return this.focusOn('.notice')
    }
    this.forget()
    this.finish({ kind: 'received', receipt: answer.data, email: contact.email })
  }

  private async withdraw() {
    const withdrawn = await this.send<Mine>('/applications/mine/withdraw', { method: 'POST', body: '{}' })
    this.asking = false
    if (withdrawn instanceof ApiError) await this.refused(withdrawn)
    else this.finish({ kind: 'withdrawn', receipt: withdrawn.data })
  }

  private async askForLink(event: Event) {
    event.preventDefault()
    if (this.sending) return
    const { municipality, email } = this.lost
    const answer = await this.send<{ message: string }>('/applications/resend-link', { method: 'POST', body: JSON.stringify({ municipality, email }) })
    if (answer instanceof ApiError) {
      this.lost = { ...this.lost, errors: answer.status === 422 ? answer.errors : { email: this.explain(answer) } }
      return this.focusOn('#lost-municipality[aria-invalid], #lost-email')
    }
    this.lost = { ...this.lost, errors: {}, message: answer.data.message }
    return this.focusOn('.lost-message')
  }

  /** The field each message belongs to (answers' messages go to their text area), by element id. */
  private messagesIn(errors: Record<string, string>) {
    const byId: Record<string, string[]> = {}
    for (const [path, message] of Object.entries(errors)) (byId[fieldId(path)] ??= []).push(message)
    return byId
  }

  /** A field's messages above it, tied to it with aria-describedby; what else describes it. */
  /** @internal */
  messages(id: string, describedBy: string[] = [], errors = this.errors, prefix = '') {
    const messages = this.messagesIn(errors)[id]
    const errorId = `${prefix}${id}-error`
    return {
      errors: messages ? html`<p class="error" id=${errorId}>${messages.join(' ')}</p>` : nothing,
      invalid: messages ? 'true' : nothing,
      describedBy: [...describedBy, ...(messages ? [errorId] : [])].join(' ') || nothing,
    }
  }

  private textField(key: keyof Contact, label: string, type: string, autocomplete: string) {
    const id = `contact-${key}`
    const m = this.messages(id)
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${m.errors}
      <input id=${id} type=${type} autocomplete=${autocomplete} .value=${this.draft.contact[key]} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @input=${(e: InputEvent) => this.change((d) => (d.contact[key] = (e.target as HTMLInputElement).value))} />
    </div>`
  }

  private municipalityOptions(selected: string) {
    return html`<option value="">${this.t.chooseMunicipality}</option>
      ${this.data!.municipalities.map((m) => html`<option value=${m.code} ?selected=${m.code === selected}>${m.name}</option>`)}`
  }

  /** @internal */
  summary() {
    const entries = Object.entries(this.errors)
    if (!entries.length && !this.problem) return nothing
    return html`<div part="error-summary" class="summary" tabindex="-1" aria-labelledby="summary-title">
      <p id="summary-title" role="heading" aria-level="2"><strong>${this.t.problems}</strong></p>
      ${this.problem ? html`<p>${this.problem}</p>` : nothing}
      <ul>
        ${entries.map(([path, message]) => {
          // Four answers may share a message: the summary names the criterion (or the question).
          const index = Number(/^answers\.(\d+)\./.exec(path)?.[1] ?? NaN)
          const criterion = this.questions ? { title: `${this.t.questionsTitle} ${index + 1}` } : this.data!.year.criteria[index]
          return html`<li><a href=${`#${fieldId(path)}`} @click=${(e: Event) => (e.preventDefault(), this.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus())}
            >${criterion ? `${criterion.title}: ` : ''}${message}</a></li>`
        })}
      </ul>
    </div>`
  }

  private receiptPanel({ kind, receipt, email }: Done) {
    const { t } = this
    const until = receipt.confirmBy ? formatStockholm(receipt.confirmBy, this.language) : ''
    return html`<div part="receipt" class="receipt" tabindex="-1" role="status">
      <p role="heading" aria-level="2"><strong>${kind === 'received' ? t.receivedTitle : kind === 'saved' ? t.saved : t.withdrawn}</strong></p>
      ${kind === 'received' ? html`<p>${t.received(email ?? '', until)}</p>` : nothing}
      <p>${t.reference}: <strong>${receipt.reference}</strong></p>
      <p>${receipt.municipality.name}, ${this.data!.year.title}</p>
    </div>`
  }

  private lostLink() {
    const { t, lost } = this
    const municipality = this.messages('municipality', [], lost.errors, 'lost-')
    const email = this.messages('email', [], lost.errors, 'lost-')
    return html`<details part="lost-link" class="lost">
      <summary>${t.lostLink}</summary>
      ${
        lost.message
          ? html`<p class="lost-message" tabindex="-1" role="status">${lost.message}</p>`
          : html`<form novalidate @submit=${this.askForLink}>
            <p>${t.lostLinkHelp}</p>
            <div class="field">
              <label for="lost-municipality">${t.municipality}</label>
              ${municipality.errors}
              <select id="lost-municipality" aria-invalid=${municipality.invalid} aria-describedby=${municipality.describedBy}
                @change=${(e: Event) => (this.lost = { ...this.lost, municipality: (e.target as HTMLSelectElement).value })}>${this.municipalityOptions(lost.municipality)}</select>
            </div>
            <div class="field">
              <label for="lost-email">${t.email}</label>
              ${email.errors}
              <input id="lost-email" type="email" autocomplete="email" .value=${lost.email} aria-invalid=${email.invalid} aria-describedby=${email.describedBy}
                @input=${(e: InputEvent) => (this.lost = { ...this.lost, email: (e.target as HTMLInputElement).value })} />
            </div>
            <div><button part="button" type="submit" ?disabled=${this.sending}>${t.sendLink}</button></div>
          </form>`
      }
    </details>`
  }

  private withdrawal() {
    const { t } = this
    if (!this.asking) return html`<div><button part="button" type="button" class="secondary" @click=${() => ((this.asking = true), this.focusOn('.ask'))}>${t.withdraw}</button></div>`
    return html`<div class="ask" tabindex="-1" role="group" aria-labelledby="ask-text">
      <p id="ask-text">${t.withdrawAsk}</p>
      <button part="button" type="button" ?disabled=${this.sending} @click=${this.withdraw}>${t.withdrawYes}</button>
      <button part="button" type="button" class="secondary" @click=${() => ((this.asking = false), this.focusOn('.ask + div button, button.secondary'))}>${t.withdrawNo}</button>
    </div>`
  }

  override render() {
    if (this.state !== 'ready') return status(this)
    const { t } = this
    const notice = this.notice ? html`<p part="notice" class="notice" tabindex="-1" role="status">${this.notice}</p>` : nothing
    if (!this.data) return notice
    if (this.done) return this.receiptPanel(this.done)
    const { year, now, mine } = this.data
    if (mine && !mine.editable && this.questions) return this.questions(this, mine, notice)
    if (mine && !mine.editable) return html`${notice}<p part="notice" class="notice">${mine.status === 'withdrawn' ? t.withdrawn : t.readOnly} ${t.reference}: ${mine.reference}</p>`
    // Not open (yet, or any more): the countdown says so, in its words.
    if (applicationWindow(year, now) !== 'open') return html`<ehk-countdown part="closed" api=${this.api} year=${year.year} lang=${this.language}></ehk-countdown>`
    const total = this.total
    const municipality = this.messages('municipality')
    const consent = this.messages('consent')
    return html`<form part="form" novalidate @submit=${this.submit}>
        ${notice} ${this.summary()}
        <p>${year.title}. ${this.token ? nothing : t.draftKept}</p>
        <div class="field">
          <label for="municipality">${t.municipality}</label>
          ${municipality.errors}
          <select id="municipality" ?disabled=${!!this.token} aria-invalid=${municipality.invalid} aria-describedby=${municipality.describedBy}
            @change=${(e: Event) => this.change((d) => (d.municipality = (e.target as HTMLSelectElement).value))}>${this.municipalityOptions(this.draft.municipality)}</select>
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
              @input=${(e: InputEvent) => (this.change((d) => (d.answers[criterion.id] = (e.target as HTMLTextAreaElement).value)), this.announceLater(() => this.t.remaining(this.data!.year.characterLimit - this.total)))}></textarea>
          </div>`
        })}
        <p id="counter" part="counter" class=${
          total > year.characterLimit ||
          tooLarge(
            this.answers.map((a) => a.text),
            year.characterLimit,
          )
            ? 'counter error'
            : 'counter'
        }>${t.count(total, year.characterLimit)}</p>
        <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
        <div class="field">
          ${consent.errors}
          <label class="consent"><input id="consent" type="checkbox" .checked=${this.draft.consent} ?disabled=${!!this.token} aria-invalid=${consent.invalid} aria-describedby=${consent.describedBy}
            @change=${(e: Event) => this.change((d) => (d.consent = (e.target as HTMLInputElement).checked))} />${CONSENT[this.language]}</label>
        </div>
        <div hidden><label>Hemsida <input name="homepage" tabindex="-1" autocomplete="off" @input=${(e: InputEvent) => (this.honeypot = (e.target as HTMLInputElement).value)} /></label></div>
        <div><button part="button" type="submit" ?disabled=${this.sending}>${this.sending ? t.sending : this.token ? t.save : t.submit}</button></div>
      </form>
      ${this.token ? this.withdrawal() : this.lostLink()}`
  }
}

define('ehk-application-form', EhkApplicationForm)

declare global {
  interface HTMLElementTagNameMap {
    'ehk-application-form': EhkApplicationForm
  }
  interface HTMLElementEventMap {
    /** An application was received, confirmed, saved or withdrawn, or a finalist's answers saved. */
    'ehk-submitted': CustomEvent<Receipt | Mine>
  }
}
